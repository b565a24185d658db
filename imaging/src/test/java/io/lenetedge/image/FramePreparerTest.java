package io.lenetedge.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.image.MnistStyle.Prepared;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FramePreparerTest {
  private static final int W = 640;
  private static final int H = 480;
  private static final int[] BOX = {240, 110, 160, 250};
  /** Where the lighting gradient and the vignetting are darkest. */
  private static final int[] DARK_CORNER_BOX = {440, 245, 150, 210};
  private static final double STROKE = 24;

  /** Ink on paper, either way round. */
  enum Polarity {
    DARK_INK(235, 25),
    LIGHT_INK(25, 225);

    final int paper;
    final int ink;

    Polarity(int paper, int ink) {
      this.paper = paper;
      this.ink = ink;
    }

    GrayImage draw(int[] box, double[][] strokes) {
      return TestDigits.draw(W, H, box, strokes, STROKE, paper, ink);
    }
  }

  /** What a camera does to a page. */
  enum Trouble {
    LIGHT_GRADIENT(false, img -> TestScenes.lit(img, TestScenes.gradient(W, 90 / 250.0))),
    VIGNETTING(false, img -> TestScenes.lit(img, TestScenes.vignette(W, H, 0.4))),
    SHADOW_BAND(true, img -> TestScenes.lit(img, TestScenes.shadowBand(190, 320, 40, 0.5))),
    BLUR(false, img -> TestScenes.blurred(img, 2.5)),
    SENSOR_NOISE(false, img -> TestDigits.noisy(img, 10, 3)),
    ALL_AT_ONCE(true, img -> TestDigits.noisy(TestScenes.blurred(TestScenes.lit(TestScenes.lit(
        TestScenes.lit(img, TestScenes.gradient(W, 0.5)), TestScenes.vignette(W, H, 0.6)),
        TestScenes.shadowBand(190, 320, 40, 0.6)), 1.5), 6, 4));

    /**
     * Light ink has no paper to measure the light by: its contrast is scaled by the brightest ink
     * nearby, which dims it by up to 40% where a shadow's edge crosses a stroke. In the dark corner
     * that moves the centre of mass across a pixel boundary, so those cases are left out there.
     */
    final boolean shadowEdge;
    final UnaryOperator<GrayImage> apply;

    Trouble(boolean shadowEdge, UnaryOperator<GrayImage> apply) {
      this.shadowEdge = shadowEdge;
      this.apply = apply;
    }
  }

  static Stream<Arguments> troubles() {
    List<Arguments> cases = new ArrayList<>();
    for (Trouble t : Trouble.values()) {
      for (Polarity p : Polarity.values()) {
        for (int[] box : List.of(BOX, DARK_CORNER_BOX)) {
          if (box == DARK_CORNER_BOX && p == Polarity.LIGHT_INK && t.shadowEdge) {
            continue;
          }
          cases.add(Arguments.of(t, p, "FOUR", TestDigits.FOUR, box));
          cases.add(Arguments.of(t, p, "SEVEN", TestDigits.SEVEN, box));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}, {1}, {2} at {4}")
  @MethodSource("troubles")
  void troubledFrameGivesTheCleanCrop(
      Trouble t, Polarity p, String name, double[][] digit, int[] box) {
    GrayImage page = p.draw(box, digit);
    Prepared clean = prepare(page);
    Prepared seen = prepare(t.apply.apply(page));

    TestDigits.assertBoxNear(box, clean, 1);
    assertEquals(p == Polarity.DARK_INK, seen.inverted());
    assertSameCrop(clean, seen, 4, 0.9);
  }

  @ParameterizedTest
  @EnumSource(Polarity.class)
  void specksDoNotChangeTheCrop(Polarity p) {
    GrayImage page = p.draw(BOX, TestDigits.FOUR);
    GrayImage specked = TestScenes.specked(page, BOX, 60, p.ink, 9);
    assertSameCrop(prepare(page), prepare(specked), 0, 0.99);
  }

  static Stream<Arguments> clutter() {
    return Stream.of(
        Arguments.of("table along the left edge", (UnaryOperator<GrayImage>)
            img -> TestScenes.withRect(img, 0, 0, 45, H, 30)),
        Arguments.of("paper edge along the top", (UnaryOperator<GrayImage>)
            img -> TestScenes.withRect(img, 0, 0, W, 20, 15)),
        Arguments.of("table in a corner", (UnaryOperator<GrayImage>)
            img -> TestScenes.withRect(img, 0, 400, 180, 80, 40)),
        Arguments.of("ruled line", (UnaryOperator<GrayImage>)
            img -> TestScenes.withRect(img, 30, 420, 580, 3, 60)),
        Arguments.of("small blob far away", (UnaryOperator<GrayImage>)
            img -> TestDigits.draw(img, new int[] {560, 60, 30, 70}, TestDigits.ONE, 8, 25)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clutter")
  void clutterAwayFromTheDigitDoesNotChangeTheCrop(String name, UnaryOperator<GrayImage> add) {
    GrayImage page = Polarity.DARK_INK.draw(BOX, TestDigits.FOUR);
    assertSameCrop(prepare(page), prepare(add.apply(page)), 1, 0.98);
  }

  static Stream<Arguments> noDigit() {
    GrayImage paper = TestScenes.gaussianNoise(W, H, 230, 3, 1);
    return Stream.of(
        Arguments.of("blank page", paper),
        Arguments.of("blank vignetted page",
            TestScenes.lit(paper, TestScenes.vignette(W, H, 0.35))),
        Arguments.of("blank page in a lighting gradient",
            TestScenes.lit(paper, TestScenes.gradient(W, 90 / 250.0))),
        Arguments.of("blank page with a shadow band",
            TestScenes.lit(paper, TestScenes.shadowBand(150, 300, 40, 0.5))),
        Arguments.of("uniform noise", TestDigits.noise(W, H, 0, 255, 5)),
        Arguments.of("gaussian noise", TestScenes.gaussianNoise(W, H, 128, 40, 6)),
        Arguments.of("big soft smear", TestScenes.smeared(paper, 330, 250, 170, 120, 80, 130)),
        Arguments.of("small soft smear", TestScenes.smeared(paper, 300, 200, 40, 30, 40, 110)),
        Arguments.of("long soft smudge", TestScenes.smeared(paper, 300, 260, 180, 25, 40, 110)),
        Arguments.of("slanting soft smudge",
            TestScenes.smeared(paper, 320, 240, 170, 22, 35, 40, 110)),
        Arguments.of("table along one side", TestScenes.withRect(paper, 0, 0, 60, H, 30)),
        Arguments.of("table in a corner", TestScenes.withRect(paper, 0, 380, 200, 100, 25)),
        Arguments.of("digit too small",
            TestDigits.draw(paper, new int[] {300, 200, 10, 15}, TestDigits.FOUR, 3, 20)),
        Arguments.of("digit touching all sides",
            TestDigits.draw(paper, new int[] {0, 0, W, H}, TestDigits.ZERO, 30, 20)),
        Arguments.of("digit larger than the frame",
            TestDigits.draw(paper, new int[] {-20, -20, W + 40, H + 40}, TestDigits.ZERO, 30,
                20)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("noDigit")
  void framesWithoutADigitGiveNothing(String name, GrayImage frame) {
    assertEquals(Optional.empty(), MnistStyle.prepare(frame));
  }

  @Test
  void smallButLegibleDigitIsFound() {
    int[] box = {300, 200, 24, 40};
    Prepared p = prepare(TestDigits.draw(W, H, box, TestDigits.FOUR, 6, 230, 20));
    TestDigits.assertBoxNear(box, p, 2);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {0, 3})
  void aMarkerZeroFillingTheFrameIsTheRingNotItsHole(int blur) {
    int side = 224;
    int[] box = {30, 15, 150, 195};
    GrayImage marker = TestDigits.draw(side, side, box, TestDigits.ZERO, 50, 235, 20);
    if (blur > 0) {
      marker = TestScenes.blurred(marker, blur);
    }
    Prepared p = prepare(marker);
    assertTrue(p.inverted(), "dark ink on light paper");
    TestDigits.assertBoxNear(box, p, 6);
    float[] in = p.input();
    assertTrue(in[14 * 28 + 14] < 0.2f, "the hole is paper: " + in[14 * 28 + 14]);
    float ring = 0;
    for (int x = 4; x < 12; x++) {
      ring = Math.max(ring, in[14 * 28 + x]);
    }
    assertTrue(ring > 0.9f, "the ring is ink, its middle too: " + ring);
  }

  /**
   * One digit as tight crops from 28 to 4,000 pixels, its stroke a tenth of its height, sharp and
   * blurred, both polarities: every one is found, and all give nearly the same model input (a
   * 28x28 picture is taken as the model input it already is, so it is only found).
   */
  @Test
  void aDigitsSizeInItsImageDoesNotDecideWhetherOrHowItIsSeen() {
    float[] reference = null;
    for (int side : new int[] {56, 28, 112, 224, 500, 1000, 4000}) {
      for (boolean dark : new boolean[] {true, false}) {
        for (double blur : new double[] {0, 0.03}) {
          int[] box = {side / 5, side / 8, side * 3 / 5, side * 3 / 4};
          GrayImage img = TestDigits.draw(side, side, box, TestDigits.FOUR, side * 0.075,
              dark ? 235 : 20, dark ? 20 : 235);
          if (blur > 0) {
            img = TestScenes.blurred(img, blur * side);
          }
          String what = side + " px, " + (dark ? "dark" : "light") + (blur > 0 ? ", blurred" : "");
          Prepared p = MnistStyle.prepare(img).orElseThrow(() -> new AssertionError(what + ": no digit"));
          if (reference == null) {
            reference = p.input();
          }
          if (side == MnistStyle.SIZE) {
            continue;
          }
          double c = correlation(reference, p.input());
          assertTrue(c > 0.9, what + ": correlation with the 56-pixel crop " + c);
        }
      }
    }
  }

  @Test
  void digitInTwoStrokesIsCroppedWhole() {
    double[][] brokenFour = {{0.75, 0, 0, 0.65}, {0, 0.65, 0.7, 0.65}, {1, 0, 1, 1}};
    Prepared p = prepare(Polarity.DARK_INK.draw(BOX, brokenFour));
    TestDigits.assertBoxNear(BOX, p, 2);
  }

  @Test
  void regionOfInterestSelectsItsDigit() {
    int[] four = {60, 120, 150, 240};
    int[] seven = {430, 120, 150, 240};
    GrayImage both = TestDigits.draw(
        Polarity.DARK_INK.draw(four, TestDigits.FOUR), seven, TestDigits.SEVEN, STROKE, 25);
    GrayImage sevenAlone = Polarity.DARK_INK.draw(seven, TestDigits.SEVEN);

    Prepared right = MnistStyle.prepare(both, 320, 0, 320, H).orElseThrow();
    Prepared left = MnistStyle.prepare(both, 0, 0, 320, H).orElseThrow();

    TestDigits.assertBoxNear(seven, right, 1);
    TestDigits.assertBoxNear(four, left, 1);
    assertTrue(correlation(prepare(sevenAlone).input(), right.input()) > 0.99);
    assertTrue(correlation(right.input(), left.input()) < 0.9, "the two digits look alike");
  }

  @Test
  void wholeFrameRegionIsTheWholeFrame() {
    GrayImage page = TestScenes.lit(Polarity.DARK_INK.draw(BOX, TestDigits.SEVEN),
        TestScenes.vignette(W, H, 0.5));
    assertEquals(MnistStyle.prepare(page), MnistStyle.prepare(page, 0, 0, W, H));
  }

  @Test
  void regionOutsideTheFrameIsRejected() {
    GrayImage frame = TestDigits.flat(W, H, 200);
    FramePreparer preparer = new FramePreparer();
    int[][] regions = {{-1, 0, 100, 100}, {600, 0, 41, 10}, {0, 470, 10, 11}, {5, 5, 0, 10},
        {5, 5, 10, -3}, {Integer.MAX_VALUE, 0, 10, 10}};
    for (int[] r : regions) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> preparer.prepare(frame, r[0], r[1], r[2], r[3]));
      String roi = r[2] + "x" + r[3] + " at (" + r[0] + "," + r[1] + ")";
      assertTrue(e.getMessage().contains(roi) && e.getMessage().contains("640x480"),
          e.getMessage());
    }
  }

  @Test
  void oddSizedRegionsKeepTheirLastPixels() {
    GrayImage frame = TestDigits.draw(641, 479, new int[] {560, 300, 72, 170}, TestDigits.SEVEN,
        16, 230, 20);
    Prepared p = MnistStyle.prepare(frame, 3, 5, 637, 473).orElseThrow();
    TestDigits.assertBoxNear(new int[] {560, 300, 72, 170}, p, 1);
  }

  @Test
  void tinyRegionsGiveValuesInRange() {
    GrayImage frame = TestDigits.noisy(Polarity.DARK_INK.draw(BOX, TestDigits.FOUR), 30, 2);
    FramePreparer preparer = new FramePreparer();
    int[][] regions = {{0, 0, 1, 1}, {250, 120, 2, 3}, {240, 110, 5, 250}, {239, 109, 33, 7},
        {240, 110, 17, 43}};
    for (int[] r : regions) {
      Optional<Prepared> p = preparer.prepare(frame, r[0], r[1], r[2], r[3]);
      p.ifPresent(found -> {
        for (float v : found.input()) {
          assertTrue(v >= 0 && v <= 1, "value " + v);
        }
        assertTrue(found.x() >= r[0] && found.x() + found.width() <= r[0] + r[2], found.toString());
      });
    }
  }

  @Test
  void preparerReusedAcrossFrameSizesGivesFreshResults() {
    GrayImage big = TestDigits.noisy(Polarity.DARK_INK.draw(BOX, TestDigits.FOUR), 6, 1);
    GrayImage small = TestDigits.draw(300, 200, new int[] {100, 30, 80, 140}, TestDigits.SEVEN,
        12, 20, 230);
    GrayImage tall = TestDigits.draw(90, 400, new int[] {20, 40, 50, 300}, TestDigits.ONE, 10,
        240, 30);
    FramePreparer preparer = new FramePreparer();
    for (GrayImage img : List.of(big, small, tall, big, tall, small)) {
      assertEquals(new FramePreparer().prepare(img), preparer.prepare(img));
    }
  }

  private static Prepared prepare(GrayImage img) {
    return MnistStyle.prepare(img).orElseThrow(() -> new AssertionError("no digit found"));
  }

  private static void assertSameCrop(Prepared expected, Prepared actual, int tolerance,
      double minCorrelation) {
    TestDigits.assertBoxNear(new int[] {expected.x(), expected.y(), expected.width(), expected.height()},
        actual, tolerance);
    double r = correlation(expected.input(), actual.input());
    assertTrue(r > minCorrelation, "correlation " + r);
    double[] a = TestDigits.centreOfMass(expected.input());
    double[] b = TestDigits.centreOfMass(actual.input());
    assertEquals(a[0], b[0], 0.5, "centre of mass x");
    assertEquals(a[1], b[1], 0.5, "centre of mass y");
  }

  private static double correlation(float[] a, float[] b) {
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= a.length;
    mb /= b.length;
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += (a[i] - ma) * (b[i] - mb);
      aa += (a[i] - ma) * (a[i] - ma);
      bb += (b[i] - mb) * (b[i] - mb);
    }
    return ab / Math.sqrt(aa * bb);
  }
}
