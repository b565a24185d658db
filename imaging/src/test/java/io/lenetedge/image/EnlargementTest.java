package io.lenetedge.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A 28x28 digit enlarged as a tight crop or a high-resolution scan gives it. */
class EnlargementTest {
  private static float[] bar() {
    float[] d = new float[28 * 28];
    for (int y = 4; y < 24; y++) {
      for (int x = 12; x < 16; x++) {
        d[y * 28 + x] = 1f;
      }
    }
    return d;
  }

  @Test
  void onceIsTheDigitItselfInEitherPolarity() {
    float[] d = new float[28 * 28];
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < d.length; i++) {
      d[i] = rng.nextInt(256) / 255f;
    }
    GrayImage light = Enlargement.of(d, 0, 1, Enlargement.Filter.BILINEAR, false, 0);
    GrayImage dark = Enlargement.of(d, 0, 1, Enlargement.Filter.BICUBIC, true, 0);
    for (int i = 0; i < d.length; i++) {
      assertEquals(Math.round(d[i] * 255), light.pixels()[i] & 0xFF, "pixel " + i);
      assertEquals(255 - Math.round(d[i] * 255), dark.pixels()[i] & 0xFF, "pixel " + i);
    }
  }

  @Test
  void anEnlargedBarCoversItsBlocksAndBlurSpreadsIt() {
    for (Enlargement.Filter f : Enlargement.Filter.values()) {
      GrayImage sharp = Enlargement.of(bar(), 0, 6, f, false, 0);
      assertEquals(168, sharp.width());
      assertEquals(168, sharp.height());
      assertEquals(255, sharp.pixels()[84 * 168 + 84] & 0xFF, f + ": inside the bar");
      assertEquals(0, sharp.pixels()[84 * 168 + 40] & 0xFF, f + ": paper beside it");
      GrayImage soft = Enlargement.of(bar(), 0, 6, f, false, 0.5);
      int edge = soft.pixels()[84 * 168 + 70] & 0xFF;
      assertTrue(edge > 0 && edge < 255 - 20, f + ": blur softens the edge, " + edge);
      assertTrue(Math.abs(mass(soft) - mass(sharp)) < 0.01 * mass(sharp),
          f + ": blur keeps the ink " + mass(soft) + " vs " + mass(sharp));
    }
  }

  private static long mass(GrayImage img) {
    long s = 0;
    for (byte b : img.pixels()) {
      s += b & 0xFF;
    }
    return s;
  }
}
