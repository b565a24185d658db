package io.lenetedge.trainer;

import io.lenetedge.image.GaussianBlur;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Random distortions of 28x28 digits in [0,1], in Java: an affine warp (shift, rotation, scale,
 * and with {@code distort} a shear that slants the digit), optionally an elastic warp (Simard et
 * al. 2003: a random displacement field smoothed by a Gaussian of {@code sigma} and scaled by up
 * to {@code alpha}) and a change of stroke width (a grey-level dilation or erosion, blended in),
 * all sampled bilinearly in one pass, and optionally a coarse resampling (the digit averaged over
 * blocks of 2-3.5 pixels and drawn back bilinearly, as a far camera or a low-resolution scan gives
 * it). Pure: no I/O, the random source is passed in.
 *
 * @param maxShift largest shift in pixels, either axis
 * @param maxRotationDegrees largest rotation either way
 * @param maxScaleDelta scale is drawn from [1-d, 1+d]
 * @param maxShear horizontal shear drawn from [-s, s] (x moves by s times the height from the centre)
 * @param elasticAlpha the elastic field is scaled by a factor drawn from [0, alpha]; 0 for none
 * @param elasticSigma the smoothing of the elastic field, pixels
 * @param strokeChance the chance of a thicker, and the same chance of a thinner, stroke
 * @param coarseChance the chance of a coarse resampling after the warp
 */
public record Augmenter(float maxShift, float maxRotationDegrees, float maxScaleDelta,
    float maxShear, float elasticAlpha, float elasticSigma, float strokeChance,
    float coarseChance) {
  private static final int SIZE = 28;
  private static final int PIXELS = SIZE * SIZE;
  private static final float CENTRE = (SIZE - 1) / 2f;
  /** Distinct smoothed random fields drawn from; each is scaled afresh per image. */
  private static final int FIELDS = 512;
  private static final float[][] NO_FIELDS = new float[0][];

  /** The first recipe's: up to 2 px shift, 10 degrees, 10 % scale. */
  public static Augmenter standard() {
    return new Augmenter(2f, 10f, 0.1f, 0f, 0f, 4f, 0f, 0f);
  }

  /**
   * {@link #standard()} plus slant (shear up to 0.3), elastic distortions (alpha 34, sigma 4, as
   * Simard et al. used on MNIST), stroke width (a thicker or thinner stroke a fifth of the time
   * each) and a coarse resampling a tenth of the time.
   */
  public static Augmenter distorting() {
    return new Augmenter(2f, 10f, 0.1f, 0.3f, 34f, 4f, 0.2f, 0.1f);
  }

  /** Distorts one image ({@code src} in [0,1] at {@code srcOffset}) into {@code dst}. */
  public void distort(float[] src, int srcOffset, float[] dst, int dstOffset, RandomGenerator rng) {
    float angle = uniform(rng, (float) Math.toRadians(maxRotationDegrees));
    float scale = 1f + uniform(rng, maxScaleDelta);
    float shear = uniform(rng, maxShear);
    float tx = uniform(rng, maxShift);
    float ty = uniform(rng, maxShift);
    float[] field = null;
    float alpha = 0;
    if (elasticAlpha > 0) {
      float[][] bank = Fields.of(elasticSigma);
      field = bank[rng.nextInt(bank.length)];
      alpha = rng.nextFloat() * elasticAlpha;
    }
    float[] source = src;
    int from = srcOffset;
    if (strokeChance > 0) {
      float r = rng.nextFloat();
      if (r < 2 * strokeChance) {
        source = stroke(src, srcOffset, r < strokeChance, 0.4f + 0.6f * rng.nextFloat());
        from = 0;
      }
    }
    warp(source, from, dst, dstOffset, angle, scale, shear, tx, ty, field, alpha);
    if (coarseChance > 0 && rng.nextFloat() < coarseChance) {
      coarsen(dst, dstOffset, 2f + 1.5f * rng.nextFloat(), rng.nextFloat(), rng.nextFloat());
    }
  }

  /**
   * Averages the image over square blocks of {@code block} pixels (the grid shifted by a fraction
   * {@code phaseX}, {@code phaseY} of a block) and draws it back bilinearly from the block centres,
   * in place.
   */
  static void coarsen(float[] img, int offset, float block, float phaseX, float phaseY) {
    int cells = (int) Math.ceil(SIZE / block) + 1;
    float[] sum = new float[cells * cells];
    float[] count = new float[cells * cells];
    float ox = -phaseX * block;
    float oy = -phaseY * block;
    for (int y = 0; y < SIZE; y++) {
      int cy = Math.min(cells - 1, (int) ((y + 0.5f - oy) / block));
      for (int x = 0; x < SIZE; x++) {
        int cx = Math.min(cells - 1, (int) ((x + 0.5f - ox) / block));
        sum[cy * cells + cx] += img[offset + y * SIZE + x];
        count[cy * cells + cx]++;
      }
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] = count[i] == 0 ? 0 : sum[i] / count[i];
    }
    for (int y = 0; y < SIZE; y++) {
      float gy = Math.clamp((y + 0.5f - oy) / block - 0.5f, 0f, cells - 1f);
      int y0 = Math.min(cells - 2, (int) gy);
      for (int x = 0; x < SIZE; x++) {
        float gx = Math.clamp((x + 0.5f - ox) / block - 0.5f, 0f, cells - 1f);
        int x0 = Math.min(cells - 2, (int) gx);
        float top = lerp(sum[y0 * cells + x0], sum[y0 * cells + x0 + 1], gx - x0);
        float bottom = lerp(sum[(y0 + 1) * cells + x0], sum[(y0 + 1) * cells + x0 + 1], gx - x0);
        img[offset + y * SIZE + x] = lerp(top, bottom, gy - y0);
      }
    }
  }

  /**
   * Writes the image rotated by {@code angle}, scaled by {@code scale} about the centre, sheared by
   * {@code shear}, shifted by ({@code tx},{@code ty}) and displaced by {@code alpha} times
   * {@code field} (x displacements then y, 784 each; null for none); pixels from outside the
   * source are 0.
   */
  static void warp(float[] src, int srcOffset, float[] dst, int dstOffset, float angle, float scale,
      float shear, float tx, float ty, float[] field, float alpha) {
    float cos = (float) Math.cos(angle) / scale;
    float sin = (float) Math.sin(angle) / scale;
    for (int y = 0; y < SIZE; y++) {
      float dy = y - CENTRE - ty;
      for (int x = 0; x < SIZE; x++) {
        float dx = x - CENTRE - tx;
        float rx = cos * dx + sin * dy;
        float ry = -sin * dx + cos * dy;
        float sx = rx + shear * ry + CENTRE;
        float sy = ry + CENTRE;
        if (field != null) {
          sx += alpha * field[y * SIZE + x];
          sy += alpha * field[PIXELS + y * SIZE + x];
        }
        dst[dstOffset + y * SIZE + x] = Math.min(1f, bilinear(src, srcOffset, sx, sy));
      }
    }
  }

  /** The image with a thicker (dilated) or thinner (eroded) stroke, {@code amount} blended in. */
  static float[] stroke(float[] src, int offset, boolean thicker, float amount) {
    float[] out = new float[PIXELS];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        float v = src[offset + y * SIZE + x];
        float m = v;
        for (int[] d : CROSS) {
          int nx = x + d[0];
          int ny = y + d[1];
          float n = nx < 0 || ny < 0 || nx >= SIZE || ny >= SIZE ? 0f : src[offset + ny * SIZE + nx];
          m = thicker ? Math.max(m, n) : Math.min(m, n);
        }
        out[y * SIZE + x] = v + amount * (m - v);
      }
    }
    return out;
  }

  private static final int[][] CROSS = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};

  private static float bilinear(float[] src, int offset, float x, float y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    float fx = x - x0;
    float fy = y - y0;
    float top = lerp(at(src, offset, x0, y0), at(src, offset, x0 + 1, y0), fx);
    float bottom = lerp(at(src, offset, x0, y0 + 1), at(src, offset, x0 + 1, y0 + 1), fx);
    return lerp(top, bottom, fy);
  }

  private static float at(float[] src, int offset, int x, int y) {
    if (x < 0 || y < 0 || x >= SIZE || y >= SIZE) {
      return 0f;
    }
    return src[offset + y * SIZE + x];
  }

  private static float lerp(float a, float b, float t) {
    return a + (b - a) * t;
  }

  private static float uniform(RandomGenerator rng, float max) {
    return max == 0 ? 0 : (rng.nextFloat() * 2 - 1) * max;
  }

  /** The bank of smoothed random fields, made once per sigma from a fixed seed. */
  static final class Fields {
    private static volatile float[][] bank = NO_FIELDS;
    private static volatile float bankSigma = Float.NaN;

    private Fields() {}

    static float[][] of(float sigma) {
      if (bankSigma != sigma) {
        synchronized (Fields.class) {
          if (bankSigma != sigma) {
            bank = make(sigma);
            bankSigma = sigma;
          }
        }
      }
      return bank;
    }

    /** Uniform noise in [-1, 1] per pixel and axis, Gaussian-smoothed (edges clamped). */
    static float[][] make(float sigma) {
      SplittableRandom rng = new SplittableRandom(0xE1A5);
      float[][] fields = new float[FIELDS][];
      for (int f = 0; f < FIELDS; f++) {
        float[] field = new float[2 * PIXELS];
        for (int axis = 0; axis < 2; axis++) {
          float[] noise = new float[PIXELS];
          for (int i = 0; i < PIXELS; i++) {
            noise[i] = (float) (rng.nextDouble() * 2 - 1);
          }
          System.arraycopy(GaussianBlur.apply(noise, SIZE, SIZE, sigma), 0, field, axis * PIXELS,
              PIXELS);
        }
        fields[f] = field;
      }
      return fields;
    }
  }
}
