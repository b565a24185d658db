package io.lenetedge.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmenterTest {
  private static byte[] image() {
    byte[] img = new byte[28 * 28];
    for (int y = 8; y < 20; y++) {
      img[y * 28 + 12] = (byte) 255;
      img[y * 28 + 13] = (byte) 128;
    }
    return img;
  }

  private static float[] scaled(byte[] img) {
    float[] f = new float[img.length];
    for (int i = 0; i < img.length; i++) {
      f[i] = (img[i] & 0xFF) / 255f;
    }
    return f;
  }

  private static void affine(float[] src, float[] out, float angle, float scale, float tx, float ty) {
    Augmenter.warp(src, 0, out, 0, angle, scale, 0f, tx, ty, null, 0f);
  }

  @Test
  void identityTransformKeepsTheImage() {
    float[] out = new float[28 * 28];
    affine(scaled(image()), out, 0f, 1f, 0f, 0f);
    assertArrayEquals(scaled(image()), out, 1e-6f);
  }

  @Test
  void wholePixelShiftMovesEveryPixel() {
    float[] out = new float[28 * 28];
    affine(scaled(image()), out, 0f, 1f, 3f, -2f);
    float[] in = scaled(image());
    for (int y = 2; y < 26; y++) {
      for (int x = 0; x < 25; x++) {
        assertEquals(in[(y + 2) * 28 + x], out[(y) * 28 + x + 3], 1e-6f, "at " + x + "," + y);
      }
    }
  }

  @Test
  void quarterTurnTurnsAVerticalStrokeHorizontal() {
    float[] out = new float[28 * 28];
    affine(scaled(image()), out, (float) Math.PI / 2, 1f, 0f, 0f);
    int minX = 28;
    int maxX = -1;
    int minY = 28;
    int maxY = -1;
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        if (out[y * 28 + x] > 0.4f) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    assertEquals(12, maxX - minX + 1, "the 12-pixel stroke now runs along x");
    assertTrue(maxY - minY + 1 <= 2, "and is at most 2 rows high: " + minY + ".." + maxY);
  }

  @Test
  void randomDistortionIsReproducibleAndInRange() {
    for (Augmenter a : new Augmenter[] {Augmenter.standard(), Augmenter.distorting()}) {
      float[] first = new float[28 * 28];
      float[] second = new float[28 * 28];
      a.distort(scaled(image()), 0, first, 0, new SplittableRandom(5));
      a.distort(scaled(image()), 0, second, 0, new SplittableRandom(5));
      assertArrayEquals(first, second);
      assertNotEquals(Arrays.toString(scaled(image())), Arrays.toString(first));
      for (float v : first) {
        assertTrue(v >= 0 && v <= 1, "value out of [0,1]: " + v);
      }
    }
  }

  @Test
  void coarseResamplingBlursAThinStrokeButKeepsItsPlaceAndMass() {
    float[] img = new float[28 * 28];
    for (int y = 6; y < 22; y++) {
      img[y * 28 + 14] = 1f;
    }
    float before = sum(img);
    Augmenter.coarsen(img, 0, 3f, 0.3f, 0.6f);
    float peak = 0;
    int wide = 0;
    for (int x = 0; x < 28; x++) {
      peak = Math.max(peak, img[14 * 28 + x]);
      wide += img[14 * 28 + x] > 0.05f ? 1 : 0;
    }
    assertTrue(peak < 0.7f, "a 1-pixel stroke averaged over 3-pixel blocks is fainter: " + peak);
    assertTrue(wide >= 3, "and wider: " + wide + " columns");
    assertEquals(14f, column(img, 14), 1.5f, "and stays within half a block of where it was");
    assertEquals(before, sum(img), before * 0.15f, "its ink is kept");
  }

  @Test
  void shearSlantsAVerticalStroke() {
    float[] out = new float[28 * 28];
    Augmenter.warp(scaled(image()), 0, out, 0, 0f, 1f, 0.5f, 0f, 0f, null, 0f);
    assertTrue(column(out, 9) > column(out, 18) + 2, "the top moves right of the bottom: top "
        + column(out, 9) + ", bottom " + column(out, 18));
  }

  /** The ink-weighted column of row {@code y}. */
  private static float column(float[] img, int y) {
    float s = 0;
    float m = 0;
    for (int x = 0; x < 28; x++) {
      s += img[y * 28 + x] * x;
      m += img[y * 28 + x];
    }
    return s / m;
  }

  @Test
  void anElasticFieldMovesInkSmoothlyAndKeepsItsMass() {
    float[][] fields = Augmenter.Fields.of(4f);
    float[] field = fields[0];
    double rms = 0;
    double step = 0;
    for (int i = 0; i < 784; i++) {
      rms += field[i] * field[i];
      if (i % 28 < 27) {
        step = Math.max(step, Math.abs(field[i + 1] - field[i]));
      }
    }
    rms = Math.sqrt(rms / 784);
    assertTrue(rms > 0.01 && rms < 0.2, "smoothed noise of [-1,1]: rms " + rms);
    assertTrue(step < rms, "neighbours move alike: largest step " + step + ", rms " + rms);
    float[] out = new float[28 * 28];
    Augmenter.warp(scaled(image()), 0, out, 0, 0f, 1f, 0f, 0f, 0f, field, 34f);
    assertNotEquals(Arrays.toString(scaled(image())), Arrays.toString(out));
    float[] disk = new float[28 * 28];
    for (int i = 0; i < disk.length; i++) {
      disk[i] = Math.hypot(i % 28 - 13.5, i / 28 - 13.5) <= 6 ? 1f : 0f;
    }
    float[] warped = new float[28 * 28];
    double mean = 0;
    for (int f = 0; f < 64; f++) {
      Augmenter.warp(disk, 0, warped, 0, 0f, 1f, 0f, 0f, 0f, fields[f], 34f);
      assertTrue(sum(warped) > 0.25 * sum(disk), "field " + f + " keeps the blob: " + sum(warped));
      mean += sum(warped) / 64;
    }
    assertEquals(sum(disk), mean, 0.1 * sum(disk), "on average, a blob's ink is moved, not made");
  }

  private static float sum(float[] a) {
    float s = 0;
    for (float v : a) {
      s += v;
    }
    return s;
  }

  @Test
  void strokesGetThickerAndThinner() {
    float[] src = scaled(image());
    float ink = sum(src);
    assertTrue(sum(Augmenter.stroke(src, 0, true, 1f)) > 1.5 * ink);
    assertTrue(sum(Augmenter.stroke(src, 0, false, 1f)) < 0.8 * ink);
    assertEquals(ink, sum(Augmenter.stroke(src, 0, true, 0f)), 1e-4);
  }
}
