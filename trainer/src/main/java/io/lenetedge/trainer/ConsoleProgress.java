package io.lenetedge.trainer;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar per epoch on stderr with the running loss, accuracy and images/s. */
final class ConsoleProgress implements TrainingListener {
  private ProgressBar bar;

  @Override
  public void notice(String line) {
    System.err.println(line);
  }

  @Override
  public void epochStarted(int epoch, int epochs, int images) {
    bar = new ProgressBarBuilder()
        .setTaskName(String.format("epoch %2d/%d", epoch, epochs))
        .setInitialMax(images)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .hideEta()
        .build();
  }

  @Override
  public void batchDone(int images, double meanLoss, double accuracy, double imagesPerSecond) {
    bar.stepTo(images);
    bar.setExtraMessage(String.format("loss %.4f acc %.2f%% %,.0f img/s", meanLoss,
        100 * accuracy, imagesPerSecond));
  }

  @Override
  public void epochDone(EpochResult r, boolean best) {
    bar.setExtraMessage(String.format("loss %.4f acc %.2f%% val %.2f%% test %.2f%%%s",
        r.trainLoss(), 100 * r.trainAccuracy(), 100 * r.validationAccuracy(),
        100 * r.testAccuracy(), best ? " *" : ""));
    bar.close();
  }
}
