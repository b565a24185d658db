package io.lenetedge.trainer;

import java.io.PrintWriter;

/** One log line per epoch, for logs and terminals without progress bars. */
final class EpochLines implements TrainingListener {
  private final PrintWriter err;

  EpochLines(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void notice(String line) {
    err.println(line);
    err.flush();
  }

  @Override
  public void epochDone(EpochResult r, boolean best) {
    err.printf("epoch %d: loss %.4f, train %.2f %%, val %.2f %%, test %.2f %%, %.1f s, %,.0f img/s%s%n",
        r.epoch(), r.trainLoss(), 100 * r.trainAccuracy(), 100 * r.validationAccuracy(),
        100 * r.testAccuracy(), r.seconds(), r.imagesPerSecond(), best ? " (saved)" : "");
    err.flush();
  }
}
