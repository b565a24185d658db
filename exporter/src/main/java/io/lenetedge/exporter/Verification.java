package io.lenetedge.exporter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the export check measured: ONNX Runtime's accuracy on the whole test set against the
 * trainer's, and logits against DJL's forward pass.
 *
 * @param images test images ONNX Runtime classified
 * @param onnxAccuracy its accuracy, fraction
 * @param trainerAccuracy the accuracy the checkpoint records, fraction
 * @param compared images whose logits were compared with DJL's
 * @param maxAbsLogitDifference largest |ONNX - DJL| over all compared logits
 * @param largestLogit largest |DJL logit| compared: float32 sums differ in proportion to it
 * @param argmaxAgreements compared images where both pick the same digit
 */
public record Verification(int images, double onnxAccuracy, double trainerAccuracy, int compared,
    double maxAbsLogitDifference, double largestLogit, int argmaxAgreements) {

  /** Accuracy may differ by this much (0.01 percentage points). */
  public static final double ACCURACY_TOLERANCE = 1e-4;
  /** Logits may differ by this much, times a tenth of the largest logit when that is over 10. */
  public static final double LOGIT_TOLERANCE = 1e-4;
  /** Logits are compared on at least this many images. */
  public static final int MIN_COMPARED = 1000;

  /** What is wrong, empty when the export is good. */
  public List<String> failures() {
    List<String> f = new ArrayList<>();
    if (Math.abs(onnxAccuracy - trainerAccuracy) > ACCURACY_TOLERANCE + 1e-12) {
      f.add(String.format(Locale.ROOT, "test accuracy %.4f %% differs from the trainer's %.4f %%",
          100 * onnxAccuracy, 100 * trainerAccuracy));
    }
    if (!(maxAbsLogitDifference <= logitTolerance())) {
      f.add(String.format(Locale.ROOT, "max |logit difference| %.2e exceeds %.2e",
          maxAbsLogitDifference, logitTolerance()));
    }
    if (argmaxAgreements != compared) {
      f.add((compared - argmaxAgreements) + " of " + compared + " images get another digit than DJL");
    }
    if (compared < MIN_COMPARED) {
      f.add("only " + compared + " images compared, at least " + MIN_COMPARED + " are needed");
    }
    return f;
  }

  /**
   * How far the logits may differ: {@link #LOGIT_TOLERANCE}, scaled up for a model whose logits
   * run past 10 (a float32 sum's rounding grows with its size).
   */
  public double logitTolerance() {
    return LOGIT_TOLERANCE * Math.max(1, largestLogit / 10);
  }

  /** The figures, one per line. */
  public String report() {
    return String.format(Locale.ROOT,
        "verify: ONNX Runtime test accuracy %.2f %% on %d images (trainer: %.2f %%, difference"
            + " %.4f pt)%n"
            + "verify: max |logit difference| to DJL %.2e on %d images; argmax agrees on %d/%d%n",
        100 * onnxAccuracy, images, 100 * trainerAccuracy,
        100 * Math.abs(onnxAccuracy - trainerAccuracy), maxAbsLogitDifference, compared,
        argmaxAgreements, compared);
  }
}
