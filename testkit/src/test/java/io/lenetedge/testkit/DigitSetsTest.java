package io.lenetedge.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.MnistFolder;
import io.lenetedge.image.Enlargement;
import io.lenetedge.image.GrayImage;
import io.lenetedge.image.MnistStyle;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated digit sets: pens, scaled digits, the camera clip and optdigits drawn back. */
class DigitSetsTest {
  static LabeledImages test;

  @BeforeAll
  static void load() {
    test = MnistFolder.load(Path.of(System.getProperty("mnist.dir", "../data/mnist")), s -> { })
        .test();
  }

  /** The median over rows of the widest run of ink (dark pixels) in the row. */
  private static int medianRun(GrayImage img) {
    java.util.List<Integer> runs = new java.util.ArrayList<>();
    for (int y = 0; y < img.height(); y++) {
      int best = 0;
      int run = 0;
      for (int x = 0; x < img.width(); x++) {
        run = img.at(x, y) < 128 ? run + 1 : 0;
        best = Math.max(best, run);
      }
      if (best > 0) {
        runs.add(best);
      }
    }
    java.util.Collections.sort(runs);
    return runs.get(runs.size() / 2);
  }

  @Test
  void aThinPenDrawsAFewPixelsWideAndAMarkerTensAndBothStayLegible() {
    for (int i = 0; i < 10; i++) {
      GrayImage thin = DigitSets.pen(test, i, DigitSets.Pen.THIN);
      GrayImage thick = DigitSets.pen(test, i, DigitSets.Pen.THICK);
      assertEquals(224, thin.width());
      int thinRun = medianRun(thin);
      int thickRun = medianRun(thick);
      assertTrue(thinRun >= 3 && thinRun <= 12, "digit " + i + ": thin line " + thinRun + " px");
      assertTrue(thickRun >= 40, "digit " + i + ": marker " + thickRun + " px");
      assertTrue(MnistStyle.prepare(thin).isPresent() && MnistStyle.prepare(thick).isPresent(),
          "digit " + i + " is found in both");
    }
  }

  /**
   * MNIST test digits that a paper window narrower than their strokes once cut to a part of them,
   * or to the speck beside them, when enlarged ten times: each is found whole, in both filters and
   * both polarities.
   */
  @Test
  void thickDigitsEnlargedTenTimesAreFoundWhole() {
    int[] cut = {200, 5888, 7714, 7739, 9052, 9060, 9469};
    StringBuilder parts = new StringBuilder();
    for (int i : cut) {
      int top = 28;
      int bottom = -1;
      for (int p = 0; p < 784; p++) {
        if ((test.images().pixels()[i * 784 + p] & 0xFF) > 127) {
          top = Math.min(top, p / 28);
          bottom = Math.max(bottom, p / 28);
        }
      }
      int height = (bottom - top + 1) * 10;
      for (Enlargement.Filter f : Enlargement.Filter.values()) {
        for (boolean dark : new boolean[] {true, false}) {
          var prepared = MnistStyle.prepare(DigitSets.scaled(test, i, 10, f, dark, 0));
          int found = prepared.map(MnistStyle.Prepared::height).orElse(0);
          if (found < 0.9 * height) {
            parts.append(String.format(" %d (%s, %s): %d of %d px high;", i, f,
                dark ? "dark" : "light", found, height));
          }
        }
      }
    }
    assertEquals("", parts.toString(), "found as parts");
  }

  @Test
  void scaledDigitsKeepTheirInkWhereTheOriginalHasIt() {
    GrayImage x4 = DigitSets.scaled(test, 0, 4, Enlargement.Filter.BICUBIC, true, 0);
    assertEquals(112, x4.width());
    int agree = 0;
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        boolean ink = (test.images().pixel(0, y * 28 + x)) > 128;
        boolean drawn = x4.at(4 * x + 2, 4 * y + 2) < 128;
        agree += ink == drawn ? 1 : 0;
      }
    }
    assertTrue(agree >= 784 - 20, "dark ink where MNIST's is: " + agree + " of 784");
  }

  @Test
  void theCameraClipIsReproducibleAndBlankEverySixthFrame() {
    CameraClip a = new CameraClip(test.images(), 320, 240, 6, 3);
    CameraClip b = new CameraClip(test.images(), 320, 240, 6, 3);
    for (int i = 0; i < 12; i++) {
      assertArrayEquals(a.frame(i).pixels(), b.frame(i).pixels(), "frame " + i);
      assertEquals((i + 1) % 6 == 0, a.digitIndex(i) < 0, "frame " + i + " blank");
    }
  }

  @Test
  void anOptdigitIsDrawnBackFromItsCounts() {
    int[] row = new int[65];
    for (int c = 0; c < 64; c++) {
      row[c] = c % 8 == 3 || c % 8 == 4 ? 16 : 0;
    }
    row[64] = 1;
    GrayImage img = DigitSets.optdigit(row);
    assertEquals(160, img.width());
    int centre = img.at(80, 80);
    int side = img.at(50, 80);
    assertTrue(centre < 100 && side > 200, "a vertical bar of full counts: centre " + centre
        + ", beside it " + side);
  }

  @Test
  void anMnistDigitIsScannedAsOptdigitsWas() {
    for (int i = 0; i < 20; i++) {
      GrayImage img = DigitSets.scanned(test, i);
      assertEquals(160, img.width());
      int top = -1;
      int bottom = -1;
      for (int y = 0; y < img.height(); y++) {
        for (int x = 0; x < img.width(); x++) {
          if (img.at(x, y) < 200) {
            top = top < 0 ? y : top;
            bottom = y;
          }
        }
      }
      // optdigits' digits fill their 8 block rows: drawn back, 64 pixels high less the soft ends
      assertTrue(top >= 48 && top <= 56 && bottom >= 103 && bottom <= 111,
          "digit " + i + " spans rows " + top + " to " + bottom);
    }
  }

  /**
   * Scanned and drawn back, a digit's ramps are as wide as its strokes, as a smudge's are; the
   * preparation still finds it (a smudge is a blob, a digit's strokes bend and branch).
   */
  @Test
  void scannedDigitsAreFoundNotTakenForSmudges() {
    int found = 0;
    int n = 500;
    for (int i = 0; i < n; i++) {
      found += MnistStyle.prepare(DigitSets.scanned(test, i)).isPresent() ? 1 : 0;
    }
    assertTrue(found >= 0.995 * n, found + " of " + n + " scanned digits found");
  }
}
