package io.lenetedge.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AreaDownscalerTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 8, 12})
  void everyFactorGivesTheRoundedBlockMeans(int f) {
    int w = 203;
    int h = 97;
    byte[] px = new byte[w * h];
    new Random(f).nextBytes(px);
    GrayImage frame = new GrayImage(w, h, px);
    int left = 3;
    int top = 5;
    int width = (w - left) / f;
    int height = (h - top) / f;
    int[] out = new int[width * height];
    new AreaDownscaler().downscale(frame, left, top, f, width, height, out);
    int[] expected = new int[width * height];
    for (int sy = 0; sy < height; sy++) {
      for (int sx = 0; sx < width; sx++) {
        int sum = 0;
        for (int y = 0; y < f; y++) {
          for (int x = 0; x < f; x++) {
            sum += frame.at(left + sx * f + x, top + sy * f + y);
          }
        }
        expected[sy * width + sx] = (sum + f * f / 2) / (f * f);
      }
    }
    assertArrayEquals(expected, out);
  }
}
