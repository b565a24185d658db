package io.lenetedge.edge.cli;

import io.lenetedge.common.Logits;
import java.util.List;

/**
 * Counts of (true label, predicted class) over a labelled set, and per label how many images held
 * no digit at all ({@code none}: only pictures of any size can). Pure.
 */
record ConfusionMatrix(int[][] counts, int[] none) {

  static ConfusionMatrix of(float[] probabilities, byte[] labels, int classes) {
    int[][] counts = new int[classes][classes];
    for (int i = 0; i < labels.length; i++) {
      counts[labels[i]][Logits.argmax(probabilities, i, classes)]++;
    }
    return new ConfusionMatrix(counts, new int[classes]);
  }

  /** An empty matrix to {@link #add} to. */
  static ConfusionMatrix empty(int classes) {
    return new ConfusionMatrix(new int[classes][classes], new int[classes]);
  }

  /** Counts one image of {@code label} read as {@code predicted} (-1: no digit). */
  void add(int label, int predicted) {
    if (predicted < 0) {
      none[label]++;
    } else {
      counts[label][predicted]++;
    }
  }

  /** Images that held no digit. */
  int noDigit() {
    int sum = 0;
    for (int v : none) {
      sum += v;
    }
    return sum;
  }

  int correct() {
    int sum = 0;
    for (int c = 0; c < counts.length; c++) {
      sum += counts[c][c];
    }
    return sum;
  }

  int total() {
    int sum = noDigit();
    for (int[] row : counts) {
      for (int v : row) {
        sum += v;
      }
    }
    return sum;
  }

  double accuracy() {
    return total() == 0 ? 0 : (double) correct() / total();
  }

  /** Rows: true label; columns: predicted, and "none" when any image held no digit. */
  String render(List<String> labels) {
    boolean withNone = noDigit() > 0;
    StringBuilder sb = new StringBuilder("confusion matrix (rows: true label, columns: predicted)\n      ");
    for (int c = 0; c < counts.length; c++) {
      sb.append(String.format("%6s", labels.get(c)));
    }
    sb.append(withNone ? String.format("%6s", "none") : "").append('\n');
    for (int r = 0; r < counts.length; r++) {
      sb.append(String.format("%6s", labels.get(r)));
      for (int c = 0; c < counts.length; c++) {
        sb.append(String.format("%6d", counts[r][c]));
      }
      sb.append(withNone ? String.format("%6d", none[r]) : "").append('\n');
    }
    return sb.toString();
  }
}
