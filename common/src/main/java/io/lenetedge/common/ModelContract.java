package io.lenetedge.common;

import java.util.List;

/**
 * What trainer, exporter and edge runtime agree on: the input, the normalisation, the outputs and
 * the names of the ONNX metadata keys.
 */
public final class ModelContract {
  public static final int IMAGE_SIZE = 28;
  public static final int PIXELS = IMAGE_SIZE * IMAGE_SIZE;
  public static final int CLASSES = 10;
  /** MNIST pixel mean and standard deviation on the [0,1] scale; applied inside the model. */
  public static final float MEAN = 0.1307f;
  public static final float STD = 0.3081f;
  public static final List<String> LABELS =
      List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

  /** The input tensor's shape for {@code n} images: {@code [n, 1, 28, 28]}. */
  public static long[] inputShape(long n) {
    return new long[] {n, 1, IMAGE_SIZE, IMAGE_SIZE};
  }

  public static final String INPUT = "image";
  public static final String OUTPUT_LOGITS = "logits";
  public static final String OUTPUT_PROBABILITIES = "probabilities";

  /** Keys of the ONNX {@code metadata_props} the exporter writes and the runtime reads. */
  public static final class Meta {
    public static final String ARCHITECTURE = "architecture";
    public static final String INPUT_NAME = "input.name";
    public static final String INPUT_LAYOUT = "input.layout";
    public static final String INPUT_RANGE = "input.range";
    public static final String INPUT_POLARITY = "input.polarity";
    public static final String NORMALIZATION = "normalization";
    public static final String MEAN = "normalization.mean";
    public static final String STD = "normalization.std";
    public static final String OUTPUT_LOGITS = "output.logits";
    public static final String OUTPUT_PROBABILITIES = "output.probabilities";
    public static final String LABELS = "labels";
    /** SHA-256 of the weights ({@link LeNetWeights#sha256()}), checked when a model is loaded. */
    public static final String WEIGHTS_SHA256 = "weights.sha256";

    private Meta() {}
  }

  private ModelContract() {}
}
