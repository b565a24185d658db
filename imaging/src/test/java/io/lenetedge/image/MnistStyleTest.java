package io.lenetedge.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.image.MnistStyle.Prepared;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MnistStyleTest {
  /** Image size, digit box {x, y, w, h}, strokes and stroke width. */
  static Stream<Arguments> digits() {
    return Stream.of(
        Arguments.of(17, 43, new int[] {3, 5, 11, 33}, TestDigits.SEVEN, 2.5),
        Arguments.of(300, 200, new int[] {100, 30, 80, 140}, TestDigits.FOUR, 12.0),
        Arguments.of(640, 480, new int[] {250, 100, 150, 260}, TestDigits.ZERO, 20.0),
        Arguments.of(640, 480, new int[] {40, 300, 60, 150}, TestDigits.SEVEN, 14.0),
        Arguments.of(12, 12, new int[] {2, 1, 8, 10}, TestDigits.FOUR, 2.0),
        Arguments.of(150, 40, new int[] {10, 4, 120, 32}, TestDigits.ZERO, 10.0));
  }

  @ParameterizedTest
  @MethodSource("digits")
  void bothPolaritiesGiveTheSameInput(int w, int h, int[] box, double[][] strokes, double stroke) {
    Prepared dark = prepare(TestDigits.draw(w, h, box, strokes, stroke, 235, 25));
    Prepared light = prepare(TestDigits.draw(w, h, box, strokes, stroke, 15, 225));
    assertTrue(dark.inverted());
    assertFalse(light.inverted());
    TestDigits.assertBoxNear(box, light, 1);
    TestDigits.assertBoxNear(box, dark, 1);
    assertTrue(maxAbsDiff(dark.input(), light.input()) < 0.05,
        "max difference " + maxAbsDiff(dark.input(), light.input()));
  }

  @ParameterizedTest
  @MethodSource("digits")
  void digitIsScaledTo20PixelsAndCentredByMass(
      int w, int h, int[] box, double[][] strokes, double stroke) {
    float[] input = prepare(TestDigits.draw(w, h, box, strokes, stroke, 250, 0)).input();

    int[] extent = extent(input);
    int longer = Math.max(extent[2], extent[3]);
    assertTrue(longer >= 19 && longer <= MnistStyle.BOX, "larger side " + longer);
    double expectedShorter = 20.0 * Math.min(box[2], box[3]) / Math.max(box[2], box[3]);
    assertEquals(expectedShorter, Math.min(extent[2], extent[3]), 1.5);

    double[] com = TestDigits.centreOfMass(input);
    assertEquals(14, com[0], 1.0, "centre of mass x");
    assertEquals(14, com[1], 1.0, "centre of mass y");
  }

  @ParameterizedTest
  @MethodSource("digits")
  void faintInkGivesTheSameInputAsStrongInk(
      int w, int h, int[] box, double[][] strokes, double stroke) {
    float[] faint = prepare(TestDigits.draw(w, h, box, strokes, stroke, 200, 90)).input();
    float[] strong = prepare(TestDigits.draw(w, h, box, strokes, stroke, 255, 0)).input();
    assertEquals(784, faint.length);
    for (float v : faint) {
      assertTrue(v >= 0 && v <= 1, "value " + v);
    }
    assertTrue(maxAbsDiff(faint, strong) < 0.05, "max difference " + maxAbsDiff(faint, strong));
  }

  @Test
  void tallDigitKeepsItsAspectRatio() {
    Prepared p = prepare(TestDigits.draw(80, 200, new int[] {30, 20, 20, 160}, TestDigits.ONE, 8,
        255, 0));
    int[] extent = extent(p.input());
    assertEquals(20, extent[3]);
    assertEquals(20.0 * 20 / 160, extent[2], 1.0);
  }

  @Test
  void mnistStyleInputPassesThroughUnchanged() {
    GrayImage img = TestDigits.draw(28, 28, new int[] {8, 4, 12, 20}, TestDigits.SEVEN, 3, 0, 255);
    Prepared p = prepare(img);
    assertFalse(p.inverted());
    for (int i = 0; i < 784; i++) {
      assertEquals((img.pixels()[i] & 0xFF) / 255f, p.input()[i], "pixel " + i);
    }
    TestDigits.assertBoxNear(new int[] {8, 4, 12, 20}, p, 1);
  }

  @Test
  void darkInkOn28x28PaperIsOnlyInverted() {
    GrayImage img = TestDigits.draw(28, 28, new int[] {2, 3, 20, 22}, TestDigits.FOUR, 3, 255, 0);
    Prepared p = prepare(img);
    assertTrue(p.inverted());
    for (int i = 0; i < 784; i++) {
      assertEquals((255 - (img.pixels()[i] & 0xFF)) / 255f, p.input()[i], "pixel " + i);
    }
  }

  @Test
  void specksFarFromTheDigitDoNotChangeTheCrop() {
    int[] box = {100, 30, 80, 140};
    GrayImage clean = TestDigits.draw(300, 200, box, TestDigits.FOUR, 12, 240, 10);
    GrayImage specked = clean;
    for (int[] at : new int[][] {{5, 5}, {290, 190}, {10, 180}, {260, 20}, {220, 100}}) {
      specked = TestDigits.withSquare(specked, at[0], at[1], 3, 10);
    }
    Prepared a = prepare(clean);
    Prepared b = prepare(specked);
    assertEquals(
        java.util.List.of(a.x(), a.y(), a.width(), a.height()),
        java.util.List.of(b.x(), b.y(), b.width(), b.height()));
    assertArrayEquals(a.input(), b.input(), 0.02f);
  }

  @Test
  void specksAloneAreNoDigit() {
    GrayImage page = TestDigits.flat(300, 200, 250);
    page = TestDigits.withSquare(page, 40, 40, 4, 0);
    page = TestDigits.withSquare(page, 200, 150, 5, 0);
    assertEquals(Optional.empty(), MnistStyle.prepare(page));
  }

  @ParameterizedTest
  @CsvSource({"300, 200, 255", "300, 200, 128", "640, 480, 0", "28, 28, 255", "28, 28, 0"})
  void blankOrFlatPageIsNoDigit(int w, int h, int level) {
    assertEquals(Optional.empty(), MnistStyle.prepare(TestDigits.flat(w, h, level)));
  }

  @ParameterizedTest
  @CsvSource({"110, 140", "0, 30", "220, 251"})
  void lowContrastNoiseIsNoDigit(int lo, int hi) {
    assertEquals(Optional.empty(), MnistStyle.prepare(TestDigits.noise(300, 200, lo, hi, 7)));
  }

  @Test
  void faintDigitBelowTheContrastLimitIsNoDigit() {
    GrayImage img = TestDigits.draw(100, 100, new int[] {30, 20, 40, 60}, TestDigits.SEVEN, 6,
        200, 200 - MnistStyle.MIN_CONTRAST + 2);
    assertEquals(Optional.empty(), MnistStyle.prepare(img));
  }

  @Test
  void structurelessNoiseIsNoDigit() {
    assertEquals(Optional.empty(), MnistStyle.prepare(TestDigits.noise(200, 150, 0, 255, 3)));
  }

  @Test
  void digitOnNoisyPaperIsFound() {
    int[] box = {250, 100, 150, 260};
    GrayImage img = TestDigits.noisy(
        TestDigits.draw(640, 480, box, TestDigits.SEVEN, 20, 220, 40), 8, 11);
    Prepared p = prepare(img);
    assertTrue(p.inverted());
    TestDigits.assertBoxNear(box, p, 3);
  }

  @Test
  void preparationIsDeterministic() {
    GrayImage img = TestDigits.draw(333, 211, new int[] {50, 40, 90, 150}, TestDigits.ZERO, 9,
        230, 30);
    assertEquals(prepare(img), prepare(img));
  }

  @Test
  void otsuSplitsTwoPeaksBetweenThem() {
    int[] hist = new int[256];
    for (int v = 0; v < 256; v++) {
      hist[v] = (int) (1000 * Math.exp(-Math.pow((v - 40) / 12.0, 2))
          + 300 * Math.exp(-Math.pow((v - 200) / 15.0, 2)));
    }
    int t = MnistStyle.otsuThreshold(hist);
    assertTrue(t > 80 && t < 160, "threshold " + t);
  }

  @Test
  void otsuOfTwoLevelsTakesTheMiddleOfTheGap() {
    int[] hist = new int[256];
    hist[55] = 900;
    hist[255] = 100;
    assertEquals((55 + 254) / 2, MnistStyle.otsuThreshold(hist));
  }

  private static Prepared prepare(GrayImage img) {
    return MnistStyle.prepare(img).orElseThrow(() -> new AssertionError("no digit found"));
  }

  /** Bounding box {x, y, w, h} of the non-zero values of a 28x28 input. */
  private static int[] extent(float[] input) {
    int x0 = 28;
    int y0 = 28;
    int x1 = -1;
    int y1 = -1;
    for (int i = 0; i < input.length; i++) {
      if (input[i] > 0) {
        x0 = Math.min(x0, i % 28);
        y0 = Math.min(y0, i / 28);
        x1 = Math.max(x1, i % 28);
        y1 = Math.max(y1, i / 28);
      }
    }
    return new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
  }

  private static double maxAbsDiff(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d = Math.max(d, Math.abs(a[i] - b[i]));
    }
    return d;
  }
}
