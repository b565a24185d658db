package io.lenetedge.trainer;

import java.util.List;

/** The end-of-run table of epochs, as plain text. */
final class EpochTable {
  private EpochTable() {}

  /** The table, the kept epoch marked as the best by validation or as the last. */
  static String render(List<EpochResult> epochs, int keptEpoch, boolean keepBest) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%5s %9s %9s %9s %9s %8s %9s %10s%n", "epoch", "loss", "train %",
        "val %", "test %", "seconds", "img/s", "lr"));
    for (EpochResult r : epochs) {
      sb.append(String.format("%5d %9.4f %9.2f %9.2f %9.2f %8.1f %9.0f %10.2e%s%n", r.epoch(),
          r.trainLoss(), 100 * r.trainAccuracy(), 100 * r.validationAccuracy(),
          100 * r.testAccuracy(), r.seconds(), r.imagesPerSecond(), r.learningRate(),
          r.epoch() != keptEpoch ? "" : keepBest ? "  <- kept (best validation)"
              : "  <- kept (last epoch)"));
    }
    return sb.toString();
  }
}
