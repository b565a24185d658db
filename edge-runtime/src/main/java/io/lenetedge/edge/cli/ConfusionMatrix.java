package io.lenetedge.edge.cli;

import io.lenetedge.common.Logits;
import java.util.List;

/** Counts of (true label, predicted class) over a labelled set. Pure. */
record ConfusionMatrix(int[][] counts) {

  static ConfusionMatrix of(float[] probabilities, byte[] labels, int classes) {
    int[][] counts = new int[classes][classes];
    for (int i = 0; i < labels.length; i++) {
      counts[labels[i]][Logits.argmax(probabilities, i, classes)]++;
    }
    return new ConfusionMatrix(counts);
  }

  int correct() {
    int sum = 0;
    for (int c = 0; c < counts.length; c++) {
      sum += counts[c][c];
    }
    return sum;
  }

  int total() {
    int sum = 0;
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

  /** Rows: true label; columns: predicted. */
  String render(List<String> labels) {
    StringBuilder sb = new StringBuilder("confusion matrix (rows: true label, columns: predicted)\n      ");
    for (int c = 0; c < counts.length; c++) {
      sb.append(String.format("%6s", labels.get(c)));
    }
    sb.append('\n');
    for (int r = 0; r < counts.length; r++) {
      sb.append(String.format("%6s", labels.get(r)));
      for (int c = 0; c < counts.length; c++) {
        sb.append(String.format("%6d", counts[r][c]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
