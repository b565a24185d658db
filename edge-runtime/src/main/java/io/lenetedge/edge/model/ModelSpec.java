package io.lenetedge.edge.model;

import io.lenetedge.common.ModelContract;
import java.util.List;

/**
 * How to feed a model and read its answer, decided once per model by {@link ModelSpecs}.
 *
 * @param input the image input
 * @param output the class-score output
 * @param fixedBatch the batch size the model insists on, 0 when dynamic
 * @param classes number of classes (at least 10)
 * @param scale value written = pixel in [0,1] * scale + offset
 * @param offset see scale
 * @param outputKind what the output holds, decided when the model is opened: from the flags, the
 *     metadata or the output's name, else by running probe images (rows that sum to 1 are
 *     probabilities)
 * @param labels a label per class
 * @param notes where each decision came from, for {@code info}
 */
public record ModelSpec(TensorSignature input, TensorSignature output, long fixedBatch,
    int classes, float scale, float offset, OutputKind outputKind,
    List<String> labels, List<String> notes) {

  /** Writes one image (784 values in [0,1]) into {@code dst} as the model wants it. */
  public void encode(float[] image, int from, java.nio.FloatBuffer dst) {
    for (int p = 0; p < ModelContract.PIXELS; p++) {
      dst.put(image[from + p] * scale + offset);
    }
  }
}
