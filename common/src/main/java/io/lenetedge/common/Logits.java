package io.lenetedge.common;

/** Row-wise helpers over [n,10] score arrays (logits or probabilities), row-major. */
public final class Logits {
  private Logits() {}

  /** The class with the highest score in row {@code row}; the first on ties. */
  public static int argmax(float[] scores, int row) {
    int base = row * ModelContract.CLASSES;
    int best = 0;
    for (int c = 1; c < ModelContract.CLASSES; c++) {
      if (scores[base + c] > scores[base + best]) {
        best = c;
      }
    }
    return best;
  }
}
