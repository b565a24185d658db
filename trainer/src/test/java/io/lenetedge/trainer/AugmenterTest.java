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

  @Test
  void identityTransformKeepsTheImage() {
    float[] out = new float[28 * 28];
    Augmenter.affine(image(), 0, out, 0, 0f, 1f, 0f, 0f);
    assertArrayEquals(scaled(image()), out, 1e-6f);
  }

  @Test
  void wholePixelShiftMovesEveryPixel() {
    float[] out = new float[28 * 28];
    Augmenter.affine(image(), 0, out, 0, 0f, 1f, 3f, -2f);
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
    Augmenter.affine(image(), 0, out, 0, (float) Math.PI / 2, 1f, 0f, 0f);
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
    Augmenter a = Augmenter.standard();
    float[] first = new float[28 * 28];
    float[] second = new float[28 * 28];
    a.distort(image(), 0, first, 0, new SplittableRandom(5));
    a.distort(image(), 0, second, 0, new SplittableRandom(5));
    assertArrayEquals(first, second);
    assertNotEquals(Arrays.toString(scaled(image())), Arrays.toString(first));
    for (float v : first) {
      assertTrue(v >= 0 && v <= 1, "value out of [0,1]: " + v);
    }
  }
}
