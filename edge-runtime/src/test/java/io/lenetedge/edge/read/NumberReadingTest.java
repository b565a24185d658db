package io.lenetedge.edge.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.MnistFolder;
import io.lenetedge.image.GrayImage;
import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.EmbeddedPageModels;
import io.lenetedge.edge.model.ExecutionProvider;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelOverrides;
import io.lenetedge.testkit.PageBuilder;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --read number} on pages built case by case from MNIST test digits: each step of finding,
 * merging, cutting and grouping digits, and what must not become a digit.
 */
class NumberReadingTest {
  static final int W = 640;
  static final int H = 480;
  static LabeledImages test;
  static DigitModel model;
  static EmbeddedPageModels pageModels;
  static FrameReader reader;

  @BeforeAll
  static void open() {
    test = MnistFolder.load(Path.of(System.getProperty("mnist.dir", "../data/mnist")), s -> { }).test();
    model = DigitModel.open(ModelFile.load(null), ExecutionProvider.CPU, 1, ModelOverrides.NONE, 32,
        s -> { });
    pageModels = EmbeddedPageModels.open(ExecutionProvider.CPU, 1, 32, s -> { });
    reader = new FrameReader(Preparations.number(null), model, pageModels.models(), 0.6f);
  }

  @AfterAll
  static void close() {
    model.close();
    pageModels.close();
  }

  /**
   * The {@code k}-th test digit with this label that the model reads surely on its own, so that a
   * case tests the reading, not the model.
   */
  static int clean(int label, int k) {
    int found = 0;
    for (int nth = 0; ; nth++) {
      int i = PageBuilder.indexOf(test, label, nth);
      float[] x = new float[784];
      test.images().copyScaled(i, x, 0);
      var s = model.classify(x);
      if (s.best() == label && s.confidence() > 0.999f && found++ == k) {
        return i;
      }
    }
  }

  /** Of the first {@value #CHOICE} clean test digits with this label, the widest or narrowest. */
  static int extreme(int label, boolean widest) {
    int best = -1;
    double bestAspect = 0;
    for (int k = 0; k < CHOICE; k++) {
      int i = clean(label, k);
      double a = inkAspect(i);
      if (best < 0 || (widest ? a > bestAspect : a < bestAspect)) {
        best = i;
        bestAspect = a;
      }
    }
    return best;
  }

  static final int CHOICE = 20;

  /** Ink width over ink height of test digit {@code i}. */
  static double inkAspect(int i) {
    int left = 28;
    int right = -1;
    int top = 28;
    int bottom = -1;
    for (int p = 0; p < 784; p++) {
      if (test.images().pixel(i, p) > 0) {
        left = Math.min(left, p % 28);
        right = Math.max(right, p % 28);
        top = Math.min(top, p / 28);
        bottom = Math.max(bottom, p / 28);
      }
    }
    return (right - left + 1.0) / (bottom - top + 1.0);
  }

  static String read(Consumer<PageBuilder> draw) {
    return read(draw, 0);
  }

  static String read(Consumer<PageBuilder> draw, double angle) {
    PageBuilder b = new PageBuilder(test, W, H).look(angle, 0.7, 3, 0.85f);
    draw.accept(b);
    return reader.read(new GrayImage(W, H, b.photograph(11))).text();
  }

  /** Writes {@code digits} from {@code left} on the line centred at {@code y}, {@code gap} apart. */
  static double line(PageBuilder b, String digits, double left, double y, double height, double gap) {
    double x = left;
    for (int k = 0; k < digits.length(); k++) {
      char c = digits.charAt(k);
      if (c == ' ') {
        x += 1.4 * height;
        continue;
      }
      x = b.digit(clean(c - '0', k), x, y, height) + gap;
    }
    return x;
  }

  @Test
  void aLineIsReadLeftToRightAndAWideGapIsASpace() {
    assertEquals("305 17", read(b -> line(b, "305 17", 120, 240, 56, 14)));
  }

  @Test
  void touchingPairsAreCut() {
    assertEquals("4702", read(b -> line(b, "4702", 150, 240, 60, -3)));
  }

  @Test
  void aTouchingTripleIsCutIntoThree() {
    assertEquals("258", read(b -> line(b, "258", 200, 240, 64, -4)));
  }

  @Test
  void aFiveWithItsLooseTopBarIsOneDigit() {
    assertEquals("35", read(b -> threeAndFive(b, 0.3, 0.75, 0, 0.11, 0.14)));
  }

  @Test
  void aFiveWithItsTopBarOffToTheRightIsOneDigit() {
    assertEquals("35", read(b -> threeAndFive(b, 0.82, 1.1, 0.02, 0.08, 0.38)));
  }

  /**
   * A 3, then a 5 drawn 80 px high in three strokes: its top bar from {@code barFrom} to
   * {@code barTo} digit heights at height {@code barY}, {@code barWidth} thick, not touching the
   * stem, which runs down from {@code stemTop} into the bowl.
   */
  static void threeAndFive(PageBuilder b, double barFrom, double barTo, double barY,
      double barWidth, double stemTop) {
    double h = 80;
    double x0 = 260;
    double y0 = 200;
    b.stroke(x0 + barFrom * h, y0 + barY * h, x0 + barTo * h, y0 + barY * h, barWidth * h, 1);
    b.stroke(x0 + 0.2 * h, y0 + stemTop * h, x0 + 0.15 * h, y0 + 0.45 * h, 0.11 * h, 1);
    double[][] bowl = {{0.15, 0.45}, {0.45, 0.38}, {0.68, 0.5}, {0.72, 0.75}, {0.5, 0.95},
        {0.25, 1.0}, {0.05, 0.9}};
    for (int i = 0; i + 1 < bowl.length; i++) {
      b.stroke(x0 + bowl[i][0] * h, y0 + bowl[i][1] * h, x0 + bowl[i + 1][0] * h,
          y0 + bowl[i + 1][1] * h, 0.11 * h, 1);
    }
    b.digit(clean(3, 0), 160, y0 + h / 2, h);
  }

  @Test
  void aThinOneTouchingAWideDigitIsCutNearTheEdge() {
    int one = extreme(1, false);
    for (int d : new int[] {0, 2, 5}) {
      int wide = extreme(d, true);
      String text = read(b -> b.digit(wide, b.digit(one, 200, 240, 66) - 2, 240, 66));
      assertEquals("1" + d, text, "a thin 1 touching a wide " + d);
    }
  }

  @Test
  void aOneDeepInAFoursSideIsStillTwoDigits() {
    int one = clean(1, 3);
    int four = clean(4, 4);
    assertEquals("14", read(b -> b.digit(four, b.digit(one, 200, 240, 60) - 6, 240, 60)));
    assertEquals("41", read(b -> b.digit(one, b.digit(four, 200, 240, 60) - 6, 240, 60)));
  }

  @Test
  void twoOnesDeepInEachOtherAreStillTwo() {
    int one = clean(1, 3);
    int other = clean(1, 4);
    assertEquals("11", read(b -> b.digit(one, b.digit(other, 200, 240, 60) - 6, 240, 60)));
  }

  @Test
  void twoWideDigitsTouchingAreStillTwo() {
    int four = extreme(4, true);
    int six = extreme(6, true);
    assertEquals("46", read(b -> b.digit(six, b.digit(four, 150, 240, 60) - 3, 240, 60)));
  }

  @Test
  void anEightBrokenAtItsWaistIsOneDigit() {
    String text = read(b -> {
      double right = b.digit(clean(1, 0), 200, 240, 70);
      int eight = clean(8, 1);
      double end = b.digit(eight, right + 20, 240, 70);
      b.erase((int) right + 18, 238, (int) end + 4, 241);
    });
    assertEquals("18", text);
  }

  @Test
  void twoCloseLinesStayTwoLines() {
    assertEquals("2741\n5093", read(b -> {
      line(b, "2741", 200, 200, 50, 10);
      line(b, "5093", 200, 200 + 1.25 * 50, 50, 10);
    }));
  }

  @Test
  void aPageTurnedAFewDegreesKeepsItsLines() {
    String text = read(b -> {
      line(b, "614970", 120, 190, 48, 8);
      line(b, "38125", 120, 270, 48, 8);
    }, 3.5);
    assertEquals("614970\n38125", text);
  }

  @Test
  void aDashBetweenDigitsIsNoDigit() {
    String text = read(b -> {
      double x = line(b, "12", 150, 240, 60, 10);
      b.stroke(x + 10, 240, x + 40, 240, 6, 1);
      line(b, "34", x + 60, 240, 60, 10);
    });
    assertEquals("1234", text.replace(" ", ""), text);
  }

  @Test
  void aLowerCaseLetterBetweenDigitsIsNoSureDigit() {
    String text = read(b -> {
      double x = line(b, "12", 150, 240, 60, 10);
      double s = 26;
      b.stroke(x + 10, 240 + 30 - s, x + 10 + s, 240 + 30, 6, 1);
      b.stroke(x + 10, 240 + 30, x + 10 + s, 240 + 30 - s, 6, 1);
      line(b, "34", x + 20 + s + 10, 240, 60, 10);
    });
    assertEquals("1234", text.replace(" ", "").replace("?", ""), text);
  }

  @Test
  void aRuledLineUnderTheDigitsIsNotPartOfThem() {
    String text = read(b -> {
      line(b, "4071", 200, 240, 60, 12);
      b.stroke(40, 270, 600, 270, 3, 1);
    });
    assertEquals("4071", text);
  }

  @Test
  void anEmptyPageReadsNothing() {
    assertEquals("", read(b -> { }));
  }

  @Test
  void specksAndAShortScratchReadNothing() {
    String text = read(b -> {
      java.util.Random r = new java.util.Random(3);
      for (int i = 0; i < 40; i++) {
        double x = 20 + r.nextInt(600);
        double y = 20 + r.nextInt(440);
        b.stroke(x, y, x + 1, y, 2.5, 1);
      }
      b.stroke(100, 400, 130, 396, 2, 1);
    });
    assertEquals("", text);
  }

  @Test
  void lightDigitsOnDarkPaperReadTheSame() {
    PageBuilder b = new PageBuilder(test, W, H).look(0, 0.7, 3, 0.85f);
    line(b, "9620", 180, 240, 60, 10);
    byte[] px = b.photograph(5);
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) (255 - (px[i] & 0xFF));
    }
    assertEquals("9620", reader.read(new GrayImage(W, H, px)).text());
  }

  static DigitClassifier counted(DigitClassifier c, int slot, int[] calls, int[] inputs) {
    return in -> {
      calls[slot]++;
      inputs[slot] += in.size();
      return c.classify(in);
    };
  }

  @Test
  void eachModelIsCalledOncePerPageWithEveryCandidate() {
    int[] calls = new int[3];
    int[] inputs = new int[3];
    PageModels page = pageModels.models();
    FrameReader counting = new FrameReader(Preparations.number(null), counted(model, 0, calls, inputs),
        new PageModels(counted(page.verifier(), 1, calls, inputs),
            counted(page.digits(), 2, calls, inputs)), 0.6f);
    PageBuilder b = new PageBuilder(test, W, H);
    line(b, "4702 18", 100, 240, 60, -3);
    String text = counting.read(new GrayImage(W, H, b.photograph(2))).text();
    assertArrayEquals(new int[] {1, 1, 1}, calls, "one batched call per model");
    assertTrue(inputs[0] >= 6, "every digit and every way to cut the touching ones: " + inputs[0]);
    assertEquals(inputs[0], inputs[1], "the verifier sees every candidate's view");
    assertEquals(inputs[0], inputs[2], "so does the page digit model");
    assertEquals("4702 18", text);
  }
}
