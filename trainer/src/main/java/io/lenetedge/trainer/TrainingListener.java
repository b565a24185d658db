package io.lenetedge.trainer;

/** Hears about progress; the CLI draws progress bars with it, tests ignore it. */
public interface TrainingListener {
  /** Before an epoch's first batch. */
  default void epochStarted(int epoch, int epochs, int images) {}

  /** After each training batch, with running means for the epoch so far. */
  default void batchDone(int images, double meanLoss, double accuracy, double imagesPerSecond) {}

  /** After the epoch is evaluated. */
  default void epochDone(EpochResult result, boolean best) {}

  TrainingListener NONE = new TrainingListener() {};
}
