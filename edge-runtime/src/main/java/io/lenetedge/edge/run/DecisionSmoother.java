package io.lenetedge.edge.run;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.Logits;
import io.lenetedge.common.UserError;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns per-frame probabilities into decisions: averages the probabilities of the last {@code k}
 * frames, and names a digit only when most of those frames held one and the averaged best
 * probability reaches {@code minConfidence}. Pure; not thread safe.
 */
public final class DecisionSmoother {
  private final int window;
  private final float minConfidence;
  /** Stands for a frame without a digit (ArrayDeque holds no nulls). */
  private static final float[] NO_DIGIT = new float[0];

  private final Deque<float[]> recent = new ArrayDeque<>();
  private int withDigit;

  public DecisionSmoother(int window, float minConfidence) {
    if (window < 1) {
      throw new UserError(USAGE, "--smooth must be at least 1, got " + window);
    }
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new UserError(USAGE, "--min-confidence must be in [0,1], got " + minConfidence);
    }
    this.window = window;
    this.minConfidence = minConfidence;
  }

  /** Adds a frame's probabilities (null when it held no digit) and decides. */
  public Decision add(float[] probabilities) {
    recent.addLast(probabilities == null ? NO_DIGIT : probabilities);
    if (probabilities != null) {
      withDigit++;
    }
    if (recent.size() > window && recent.removeFirst() != NO_DIGIT) {
      withDigit--;
    }
    return decide();
  }

  /** Forgets the history (a new scene, a trigger press). */
  public void reset() {
    recent.clear();
    withDigit = 0;
  }

  private Decision decide() {
    if (withDigit == 0) {
      return Decision.NONE;
    }
    int classes = 0;
    for (float[] p : recent) {
      classes = Math.max(classes, p.length);
    }
    float[] mean = new float[classes];
    for (float[] p : recent) {
      if (p != NO_DIGIT) {
        for (int c = 0; c < classes; c++) {
          mean[c] += p[c] / withDigit;
        }
      }
    }
    int best = Logits.argmax(mean, 0, classes);
    boolean majority = 2 * withDigit > recent.size();
    return majority && mean[best] >= minConfidence ? Decision.digit(best, mean[best])
        : Decision.digit(-1, mean[best]);
  }
}
