package io.lenetedge.edge.model;

import static io.lenetedge.common.UserError.Kind.MODEL;

import io.lenetedge.common.UserError;
import io.lenetedge.edge.read.DigitClassifier;
import io.lenetedge.edge.read.FrameReader;
import io.lenetedge.edge.read.Preparations;
import io.lenetedge.edge.read.Reading;
import io.lenetedge.edge.source.DemoSource;
import io.lenetedge.edge.source.Frame;
import java.util.Locale;

/**
 * Whether a new model may replace the current one: its accuracy on a small labelled set that
 * ships inside the jar (the demo's digits 0-9, drawn at 320x240, 640x480 and 160x120, 180
 * frames), read through the runtime's own preparation, must not fall more than a margin below
 * the current model's.
 */
public final class ModelAcceptance {
  private static final int[][] SIZES = {{320, 240}, {640, 480}, {160, 120}};

  private ModelAcceptance() {}

  /** Right answers of a model on the labelled set. */
  public record Score(int correct, int total) {
    public double accuracy() {
      return total == 0 ? 0 : (double) correct / total;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d of %d (%.1f %%)", correct, total, 100 * accuracy());
    }
  }

  /** {@code model}'s score on the labelled set. */
  public static Score score(DigitClassifier model) {
    FrameReader reader = new FrameReader(Preparations.digit(null), model, 0.6f);
    int correct = 0;
    int total = 0;
    for (int[] size : SIZES) {
      try (DemoSource demo = DemoSource.open(size[0], size[1])) {
        for (int i = 0; i < DemoSource.DIGIT_FRAMES; i++) {
          Frame f = demo.next();
          int truth = DemoSource.digitAt(i);
          if (truth < 0) {
            continue;
          }
          total++;
          Reading r = reader.read(f.image());
          if (r.single().map(d -> d.digit() == truth).orElse(false)) {
            correct++;
          }
        }
      }
    }
    return new Score(correct, total);
  }

  /**
   * Refuses {@code candidate} (a {@link UserError} (MODEL), exit 3) when it is worse than
   * {@code current} by more than {@code marginPoints} percentage points.
   */
  public static void check(Score candidate, Score current, double marginPoints, String source) {
    double drop = 100 * (current.accuracy() - candidate.accuracy());
    if (drop > marginPoints) {
      throw new UserError(MODEL, String.format(Locale.ROOT, "%s: refused: it reads %s of the built-in"
          + " check set, the current model %s, %.1f points worse (more than the margin of %.1f;"
          + " --margin to allow more)", source, candidate, current, drop, marginPoints));
    }
  }
}
