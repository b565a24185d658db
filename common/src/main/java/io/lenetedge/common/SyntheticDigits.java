package io.lenetedge.common;

import java.util.SplittableRandom;

/**
 * Digit-like model inputs for benchmarks (a few bright strokes on black, 784 values each in
 * [0,1]), deterministic for a seed, so the DJL and ONNX Runtime benchmarks time the same inputs.
 */
public final class SyntheticDigits {
  private SyntheticDigits() {}

  /** {@code n} images, one after the other. */
  public static float[] strokes(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int size = ModelContract.IMAGE_SIZE;
    float[] x = new float[n * ModelContract.PIXELS];
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < 3; s++) {
        int x0 = 6 + rng.nextInt(16);
        int y0 = 4 + rng.nextInt(4);
        int len = 10 + rng.nextInt(10);
        for (int k = 0; k < len && y0 + k < size; k++) {
          int px = Math.min(size - 1, x0 + (k * (s - 1)) / 3);
          x[i * ModelContract.PIXELS + (y0 + k) * size + px] = 1f;
        }
      }
    }
    return x;
  }
}
