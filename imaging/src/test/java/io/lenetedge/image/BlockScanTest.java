package io.lenetedge.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A digit scanned into block counts as optdigits was, and such counts drawn back. */
class BlockScanTest {
  /** A 28x28 digit in [0,1] with ink in the rectangle [x0,x1) x [y0,y1). */
  private static float[] bar(int x0, int y0, int x1, int y1) {
    float[] d = new float[28 * 28];
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        d[y * 28 + x] = 1f;
      }
    }
    return d;
  }

  @Test
  void aDigitIsScaledToTheFullHeightAndCentredAcross() {
    // a bar 4 wide and 16 high: 32 bitmap pixels high, 8 wide, so the middle two block columns
    int[] c = BlockScan.counts(bar(3, 6, 7, 22), 0, 8);
    for (int row = 0; row < 8; row++) {
      for (int col = 0; col < 8; col++) {
        int want = col == 3 || col == 4 ? BlockScan.FULL : 0;
        assertEquals(want, c[row * 8 + col], "block (" + row + "," + col + ")");
      }
    }
  }

  @Test
  void aWideDigitFillsTheWidthNotMore() {
    // 20 wide and 5 high would be 128 pixels wide at full height: it is squeezed to the square
    int[] c = BlockScan.counts(bar(4, 10, 24, 15), 0, 8);
    for (int i = 0; i < c.length; i++) {
      assertTrue(c[i] >= BlockScan.FULL - 2, "block " + i + " is (nearly: its corner pixel is"
          + " sampled between ink and paper) full: " + c[i]);
    }
  }

  @Test
  void countsAreTheInkPixelsOfEachBlock() {
    // a bar 1 pixel wide and 16 high: 2 bitmap pixels wide at full height, centred on columns
    // 15 and 16, so one column in each of the two middle blocks
    int[] c = BlockScan.counts(bar(10, 4, 11, 20), 0, 8);
    int total = 0;
    for (int i = 0; i < c.length; i++) {
      int col = i % 8;
      assertEquals(col == 3 || col == 4 ? 4 : 0, c[i], "block " + i);
      total += c[i];
    }
    assertEquals(2 * 32, total, "two bitmap columns, 32 high");
  }

  @Test
  void noInkGivesNoCounts() {
    assertArrayEquals(new int[36], BlockScan.counts(new float[28 * 28], 0, 6));
  }

  @Test
  void countsAreDrawnBackDarkWhereTheInkWas() {
    int[] counts = BlockScan.counts(bar(3, 6, 7, 22), 0, 8);
    GrayImage page = BlockScan.page(counts, 8);
    assertEquals(160, page.width());
    assertEquals(160, page.height());
    assertTrue(page.at(80, 80) < 60, "the bar is dark: " + page.at(80, 80));
    assertTrue(page.at(55, 80) > 220, "beside it is paper: " + page.at(55, 80));
    assertTrue(page.at(80, 30) > 220, "above the digit is paper: " + page.at(80, 30));
  }

  @Test
  void aScannedDigitIsFoundAgainByThePreparation() {
    // a 7: top bar and a stem, scanned 7 blocks high, drawn back and prepared
    float[] seven = bar(6, 5, 22, 8);
    float[] stem = bar(17, 8, 20, 23);
    for (int i = 0; i < seven.length; i++) {
      seven[i] = Math.max(seven[i], stem[i]);
    }
    GrayImage page = BlockScan.page(BlockScan.counts(seven, 0, 7), 7);
    MnistStyle.Prepared p = MnistStyle.prepare(page).orElseThrow();
    assertTrue(p.height() > 55 && p.height() < 75, "the digit's height on the page: " + p.height());
  }
}
