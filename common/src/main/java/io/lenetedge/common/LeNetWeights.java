package io.lenetedge.common;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The trained numbers of the LeNet-5 variant, as plain arrays in ONNX order: convolution weights
 * [out,in,kH,kW], fully connected weights [out,in].
 */
public record LeNetWeights(
    float[] conv1Weight, float[] conv1Bias,
    float[] conv2Weight, float[] conv2Bias,
    float[] conv3Weight, float[] conv3Bias,
    float[] fc1Weight, float[] fc1Bias,
    float[] fc2Weight, float[] fc2Bias) {

  /** Shapes of the ten arrays, in record order. */
  public static final List<long[]> SHAPES = List.of(
      new long[] {6, 1, 5, 5}, new long[] {6},
      new long[] {16, 6, 6, 6}, new long[] {16},
      new long[] {120, 16, 4, 4}, new long[] {120},
      new long[] {84, 120}, new long[] {84},
      new long[] {10, 84}, new long[] {10});

  /** Names of the ten arrays, in record order. */
  public static final List<String> NAMES = List.of("conv1.weight", "conv1.bias", "conv2.weight",
      "conv2.bias", "conv3.weight", "conv3.bias", "fc1.weight", "fc1.bias", "fc2.weight",
      "fc2.bias");

  public LeNetWeights {
    List<float[]> arrays = List.of(conv1Weight, conv1Bias, conv2Weight, conv2Bias, conv3Weight,
        conv3Bias, fc1Weight, fc1Bias, fc2Weight, fc2Bias);
    for (int i = 0; i < arrays.size(); i++) {
      long expected = size(SHAPES.get(i));
      if (arrays.get(i).length != expected) {
        throw new IllegalArgumentException(NAMES.get(i) + " has " + arrays.get(i).length
            + " values, expected " + expected + " for shape " + java.util.Arrays.toString(SHAPES.get(i)));
      }
    }
  }

  /** The ten arrays in record order. */
  public List<float[]> arrays() {
    return List.of(conv1Weight, conv1Bias, conv2Weight, conv2Bias, conv3Weight, conv3Bias,
        fc1Weight, fc1Bias, fc2Weight, fc2Bias);
  }

  /** Builds from ten arrays in record order. */
  public static LeNetWeights of(List<float[]> a) {
    if (a.size() != NAMES.size()) {
      throw new IllegalArgumentException("expected " + NAMES.size() + " arrays " + NAMES
          + ", got " + a.size());
    }
    return new LeNetWeights(a.get(0), a.get(1), a.get(2), a.get(3), a.get(4), a.get(5), a.get(6),
        a.get(7), a.get(8), a.get(9));
  }

  /** Random weights (He-style scale), for tests that need no training. */
  public static LeNetWeights random(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    return of(SHAPES.stream().map(shape -> {
      float[] a = new float[(int) size(shape)];
      double fanIn = shape.length == 1 ? 1 : size(shape) / shape[0];
      double scale = Math.sqrt(2.0 / fanIn);
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) (rng.nextGaussian() * scale * (shape.length == 1 ? 0.1 : 1));
      }
      return a;
    }).toList());
  }

  /**
   * SHA-256 over the ten arrays in record order, little-endian float32: what a model records as
   * {@link ModelContract.Meta#WEIGHTS_SHA256}.
   */
  public String sha256() {
    List<float[]> arrays = arrays();
    int total = arrays.stream().mapToInt(a -> a.length).sum();
    ByteBuffer b = ByteBuffer.allocate(total * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] a : arrays) {
      b.asFloatBuffer().put(a);
      b.position(b.position() + a.length * Float.BYTES);
    }
    return Sha256.of(b.array());
  }

  public static long size(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }
}
