package io.lenetedge.exporter;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.Logits;
import io.lenetedge.common.ModelContract;
import java.nio.file.Path;

/**
 * Runs an exported file through ONNX Runtime on a labelled test set and compares it with the
 * trainer: its recorded accuracy and a reference forward pass (DJL in the exporter, plain Java in
 * tests).
 */
final class ExportVerifier {
  private static final int BATCH = 500;

  /** Logits [n,10] of a reference implementation for n images. */
  @FunctionalInterface
  interface Reference {
    float[] logits(float[] images, int offset, int n);
  }

  private ExportVerifier() {}

  static Verification verify(Path model, LabeledImages test, double trainerAccuracy,
      Reference reference) {
    int n = test.size();
    float[] images = new float[n * ModelContract.PIXELS];
    for (int i = 0; i < n; i++) {
      test.images().copyScaled(i, images, i * ModelContract.PIXELS);
    }
    int correct = 0;
    int agree = 0;
    double maxDiff = 0;
    double largest = 0;
    try (OnnxScorer scorer = new OnnxScorer(model, ModelContract.INPUT,
        ModelContract.OUTPUT_LOGITS, BATCH)) {
      for (int from = 0; from < n; from += BATCH) {
        int count = Math.min(BATCH, n - from);
        int offset = from * ModelContract.PIXELS;
        float[] onnx = scorer.run(images, offset, count);
        float[] ref = reference.logits(images, offset, count);
        for (int i = 0; i < count; i++) {
          int predicted = Logits.argmax(onnx, i);
          correct += predicted == test.label(from + i) ? 1 : 0;
          agree += predicted == Logits.argmax(ref, i) ? 1 : 0;
        }
        for (int k = 0; k < onnx.length; k++) {
          maxDiff = Math.max(maxDiff, Math.abs(onnx[k] - ref[k]));
          largest = Math.max(largest, Math.abs(ref[k]));
        }
      }
    }
    return new Verification(n, (double) correct / n, trainerAccuracy, n, maxDiff, largest,
        agree);
  }
}
