package io.lenetedge.common;

/** Row-wise helpers over [n,10] score arrays (logits or probabilities), row-major. */
public final class Logits {
  private Logits() {}

  /** The class with the highest score in row {@code row}; the first on ties. */
  public static int argmax(float[] scores, int row) {
    return argmax(scores, row, ModelContract.CLASSES);
  }

  /** The class with the highest score in row {@code row} of [n,classes] scores. */
  public static int argmax(float[] scores, int row, int classes) {
    int base = row * classes;
    int best = 0;
    for (int c = 1; c < classes; c++) {
      if (scores[base + c] > scores[base + best]) {
        best = c;
      }
    }
    return best;
  }
}
