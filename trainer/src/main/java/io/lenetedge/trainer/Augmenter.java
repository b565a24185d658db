package io.lenetedge.trainer;

import java.util.random.RandomGenerator;

/**
 * Cheap random affine distortions of 28x28 digits (shift, rotation, scale), done in Java with
 * bilinear sampling. Pure: no I/O, the random source is passed in.
 */
public final class Augmenter {
  private static final int SIZE = 28;
  private static final float CENTRE = (SIZE - 1) / 2f;

  private final float maxShift;
  private final float maxRotationRadians;
  private final float maxScaleDelta;

  /**
   * @param maxShift largest shift in pixels, either axis
   * @param maxRotationDegrees largest rotation either way
   * @param maxScaleDelta scale is drawn from [1-d, 1+d]
   */
  public Augmenter(float maxShift, float maxRotationDegrees, float maxScaleDelta) {
    this.maxShift = maxShift;
    this.maxRotationRadians = (float) Math.toRadians(maxRotationDegrees);
    this.maxScaleDelta = maxScaleDelta;
  }

  /** The recipe's default: up to 2 px shift, 10 degrees, 10 % scale. */
  public static Augmenter standard() {
    return new Augmenter(2f, 10f, 0.1f);
  }

  /** Distorts one image ({@code src}, 0..255 bytes at {@code srcOffset}) into {@code dst} in [0,1]. */
  public void distort(byte[] src, int srcOffset, float[] dst, int dstOffset, RandomGenerator rng) {
    float angle = uniform(rng, maxRotationRadians);
    float scale = 1f + uniform(rng, maxScaleDelta);
    float tx = uniform(rng, maxShift);
    float ty = uniform(rng, maxShift);
    affine(src, srcOffset, dst, dstOffset, angle, scale, tx, ty);
  }

  /**
   * Writes the image rotated by {@code angle}, scaled by {@code scale} about the centre and shifted
   * by ({@code tx},{@code ty}); pixels from outside the source are 0.
   */
  public static void affine(byte[] src, int srcOffset, float[] dst, int dstOffset,
      float angle, float scale, float tx, float ty) {
    float cos = (float) Math.cos(angle) / scale;
    float sin = (float) Math.sin(angle) / scale;
    for (int y = 0; y < SIZE; y++) {
      float dy = y - CENTRE - ty;
      for (int x = 0; x < SIZE; x++) {
        float dx = x - CENTRE - tx;
        float sx = cos * dx + sin * dy + CENTRE;
        float sy = -sin * dx + cos * dy + CENTRE;
        dst[dstOffset + y * SIZE + x] = bilinear(src, srcOffset, sx, sy) / 255f;
      }
    }
  }

  private static float bilinear(byte[] src, int offset, float x, float y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    float fx = x - x0;
    float fy = y - y0;
    float top = lerp(at(src, offset, x0, y0), at(src, offset, x0 + 1, y0), fx);
    float bottom = lerp(at(src, offset, x0, y0 + 1), at(src, offset, x0 + 1, y0 + 1), fx);
    return lerp(top, bottom, fy);
  }

  private static float at(byte[] src, int offset, int x, int y) {
    if (x < 0 || y < 0 || x >= SIZE || y >= SIZE) {
      return 0f;
    }
    return src[offset + y * SIZE + x] & 0xFF;
  }

  private static float lerp(float a, float b, float t) {
    return a + (b - a) * t;
  }

  private static float uniform(RandomGenerator rng, float max) {
    return max == 0 ? 0 : (rng.nextFloat() * 2 - 1) * max;
  }
}
