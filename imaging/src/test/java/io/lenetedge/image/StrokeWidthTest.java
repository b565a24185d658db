package io.lenetedge.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stroke width: measured, left alone within MNIST's range, brought towards it outside. */
class StrokeWidthTest {
  /** A ring ("0") of {@code stroke} pixels across in a {@code side}-pixel square, values in [0,1]. */
  private static float[] ring(int side, double stroke) {
    float[] v = new float[side * side];
    double outer = side / 2.0 - 1;
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        double r = Math.hypot(x + 0.5 - side / 2.0, y + 0.5 - side / 2.0);
        v[y * side + x] = r <= outer && r >= outer - stroke ? 1f : 0f;
      }
    }
    return v;
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 10, 24})
  void theWidthOfARingIsMeasured(int stroke) {
    int side = 200;
    double rel = StrokeWidth.relative(ring(side, stroke), 0, side, side, side);
    assertEquals((double) stroke / side, rel, 0.25 * stroke / side + 1.0 / side,
        "a " + stroke + "-pixel ring in " + side + " pixels");
  }

  @Test
  void aStrokeLikeMnistsIsLeftAsItIs() {
    assertNull(StrokeWidth.normalised(ring(200, 28), 0, 200, 200, 200, 1f));
    assertNull(StrokeWidth.normalised(ring(28, 3), 0, 28, 28, 28, 1f));
  }

  @Test
  void aThinStrokeIsThickenedTowardsMnists() {
    float[] thin = ring(300, 4);
    StrokeWidth.Crop c = StrokeWidth.normalised(thin, 0, 300, 300, 300, 1f);
    assertNotNull(c);
    double rel = StrokeWidth.relative(c.values(), 0, c.width(), c.width(), c.height());
    assertEquals(StrokeWidth.TARGET, rel, 0.03, "thickened to about the target");
    assertTrue(c.width() >= 300 && c.width() <= 300 + 2 * 300 * StrokeWidth.TARGET,
        "the ring grew outwards too: " + c.width());
  }

  @Test
  void aThickStrokeIsThinnedTowardsMnistsAndKeepsItsShape() {
    float[] thick = ring(200, 70);
    StrokeWidth.Crop c = StrokeWidth.normalised(thick, 0, 200, 200, 200, 1f);
    assertNotNull(c);
    double rel = StrokeWidth.relative(c.values(), 0, c.width(), c.width(), c.height());
    assertTrue(rel < 0.28 && rel > 0.1, "thinned towards the target: " + rel);
    int w = c.width();
    float centre = c.values()[(c.height() / 2) * w + w / 2];
    assertEquals(0f, centre, "the ring's hole stays a hole");
    float ringPart = 0;
    for (int x = 0; x < w / 2; x++) {
      ringPart = Math.max(ringPart, c.values()[(c.height() / 2) * w + x]);
    }
    assertEquals(1f, ringPart, "and the ring stays ink");
  }

  @Test
  void gainScalesTheInkBeforeItIsJudged() {
    float[] faint = ring(300, 4);
    for (int i = 0; i < faint.length; i++) {
      faint[i] *= 0.4f;
    }
    StrokeWidth.Crop c = StrokeWidth.normalised(faint, 0, 300, 300, 300, 1 / 0.4f);
    assertNotNull(c, "a faint thin ring is as thin as a dark one");
    float max = 0;
    for (float f : c.values()) {
      max = Math.max(max, f);
    }
    assertEquals(1f, max, 1e-5f, "and comes out in [0,1]");
  }

  @Test
  void aThinPenDigitInAScanIsPreparedAsBoldAsMnists() {
    int side = 400;
    byte[] px = new byte[side * side];
    float[] r = ring(300, 4);
    java.util.Arrays.fill(px, (byte) 235);
    for (int y = 0; y < 300; y++) {
      for (int x = 0; x < 300; x++) {
        if (r[y * 300 + x] > 0) {
          px[(y + 50) * side + x + 50] = (byte) 30;
        }
      }
    }
    float[] input = MnistStyle.prepare(new GrayImage(side, side, px)).orElseThrow().input();
    double rel = StrokeWidth.relative(input, 0, 28, 28, 28);
    assertTrue(rel > 0.1, "the 28x28 input's strokes are MNIST-like, not a faint line: " + rel);
    float max = 0;
    for (float f : input) {
      max = Math.max(max, f);
    }
    assertTrue(max > 0.9f, "and full ink: " + max);
  }
}
