package io.lenetedge.edge.model;

import io.lenetedge.common.Logits;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One image's class probabilities and what follows from them. Pure.
 *
 * @param probabilities one per class, summing to 1
 */
public record Scores(float[] probabilities) {

  /** The most probable class (the first on ties). */
  public int best() {
    return Logits.argmax(probabilities, 0, probabilities.length);
  }

  public float confidence() {
    return probabilities[best()];
  }

  /** The {@code k} most probable classes, most probable first. */
  public List<Integer> top(int k) {
    return IntStream.range(0, probabilities.length).boxed()
        .sorted(Comparator.comparingDouble((Integer c) -> -probabilities[c]).thenComparing(c -> c))
        .limit(k).toList();
  }

  /** Softmax of {@code logits[from..from+n)}, written to {@code out[0..n)}; stable for large logits. */
  public static void softmax(float[] logits, int from, int n, float[] out) {
    float max = Float.NEGATIVE_INFINITY;
    for (int c = 0; c < n; c++) {
      max = Math.max(max, logits[from + c]);
    }
    double sum = 0;
    for (int c = 0; c < n; c++) {
      double e = Math.exp(logits[from + c] - max);
      out[c] = (float) e;
      sum += e;
    }
    for (int c = 0; c < n; c++) {
      out[c] = (float) (out[c] / sum);
    }
  }

  /** Whether a row already looks like probabilities: each in [0,1], summing to 1. */
  public static boolean isDistribution(float[] row, int from, int n) {
    double sum = 0;
    for (int c = 0; c < n; c++) {
      float v = row[from + c];
      if (!(v >= 0f && v <= 1f)) {
        return false;
      }
      sum += v;
    }
    return Math.abs(sum - 1) < 1e-3;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scores s && Arrays.equals(s.probabilities, probabilities);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(probabilities);
  }

  @Override
  public String toString() {
    return "Scores" + Arrays.toString(probabilities);
  }
}
