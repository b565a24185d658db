package io.lenetedge.trainer;

/** Hears about progress; the CLI draws progress bars with it, tests ignore it. */
public interface TrainingListener {
  /** Before an epoch's first batch. */
  default void epochStarted(int epoch, int epochs, int images) {}

  /** After each training batch, with running means for the epoch so far. */
  default void batchDone(int images, double meanLoss, double accuracy, double imagesPerSecond) {}

  /** After the epoch is evaluated. */
  default void epochDone(EpochResult result, boolean best) {}

  /** A line about the run's data (what was loaded, what was left out). */
  default void notice(String line) {}

  TrainingListener NONE = new TrainingListener() {};
}
