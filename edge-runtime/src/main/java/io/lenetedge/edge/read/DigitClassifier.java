package io.lenetedge.edge.read;

import java.util.List;

/**
 * The model seen from the reading: prepared 28x28 inputs in, class probabilities out, every input
 * of a frame in one call. {@link io.lenetedge.edge.model.DigitModel} is the real one; a test or a
 * second model can stand in.
 */
@FunctionalInterface
public interface DigitClassifier {
  /**
   * The class probabilities of each input (784 values in [0,1], white digit on black), in order.
   *
   * @param inputs the inputs; may be empty
   * @return one probability row per input
   */
  float[][] classify(List<float[]> inputs);
}
