package io.lenetedge.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Digits drawn from the catalogued fonts (scripts/fetch-fonts.sh; .ci/run fetches them): every
 * font draws every digit at the height asked, and the preparation centres it like MNIST.
 */
class FontDigitsTest {
  static List<FontCatalog.NamedFont> fonts;

  @BeforeAll
  static void loadFonts() {
    Path dir = Path.of(System.getProperty("fonts.dir", "../data/fonts"));
    Assumptions.assumeTrue(FontCatalog.present(dir),
        "fonts not fetched into " + dir + ": run scripts/fetch-fonts.sh");
    fonts = FontCatalog.load(dir, FontCatalog.ENTRIES);
  }

  private static int[] inkBox(GrayImage img) {
    int x0 = img.width();
    int y0 = img.height();
    int x1 = -1;
    int y1 = -1;
    for (int y = 0; y < img.height(); y++) {
      for (int x = 0; x < img.width(); x++) {
        if (img.at(x, y) < 128) {
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x);
          y1 = Math.max(y1, y);
        }
      }
    }
    return new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
  }

  @Test
  void everyFontDrawsEveryDigitAtTheHeightAskedAndItIsCentredLikeMnist() {
    for (FontCatalog.NamedFont f : fonts) {
      for (int d = 0; d <= 9; d++) {
        GrayImage img = FontDigits.render(f.font(), d, FontDigits.Style.plain(80));
        int[] box = inkBox(img);
        String what = f.entry().name() + " digit " + d;
        assertEquals(80, box[3], 8, what + ": ink height (anti-aliased ends aside)");
        assertTrue(box[0] > 0 && box[1] > 0 && box[0] + box[2] < img.width()
            && box[1] + box[3] < img.height(), what + ": drawn inside its margin");
        float[] in = MnistStyle.prepare(img).orElseThrow(() -> new AssertionError(what + ": no digit"))
            .input();
        int[] extent = extent(in);
        assertTrue(Math.max(extent[2], extent[3]) >= 18 && Math.max(extent[2], extent[3]) <= 20,
            what + ": larger side fitted to 20, got " + extent[2] + "x" + extent[3]);
        double[] com = TestDigits.centreOfMass(in);
        assertEquals(14, com[0], 1.0, what + ": centre of mass x");
        assertEquals(14, com[1], 1.0, what + ": centre of mass y");
      }
    }
  }

  @Test
  void weightMakesStrokesBolderOrLighter() {
    FontCatalog.NamedFont f = fonts.get(0);
    long plain = ink(FontDigits.render(f.font(), 8, new FontDigits.Style(80, 0, 0, 0)));
    long bold = ink(FontDigits.render(f.font(), 8, new FontDigits.Style(80, 0, 0, 0.05)));
    long light = ink(FontDigits.render(f.font(), 8, new FontDigits.Style(80, 0, 0, -0.03)));
    assertTrue(bold > plain * 1.2 && light < plain * 0.9,
        "ink: light " + light + ", plain " + plain + ", bold " + bold);
  }

  @Test
  void aDigitOutsideZeroToNineIsRefused() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> FontDigits.render(fonts.get(0).font(), 10, FontDigits.Style.plain(40)));
    assertTrue(e.getMessage().contains("0-9"), e.getMessage());
  }

  private static long ink(GrayImage img) {
    long n = 0;
    for (byte b : img.pixels()) {
      n += (b & 0xFF) < 128 ? 1 : 0;
    }
    return n;
  }

  private static int[] extent(float[] in) {
    int x0 = 28;
    int y0 = 28;
    int x1 = -1;
    int y1 = -1;
    for (int i = 0; i < in.length; i++) {
      if (in[i] > 0.1f) {
        x0 = Math.min(x0, i % 28);
        y0 = Math.min(y0, i / 28);
        x1 = Math.max(x1, i % 28);
        y1 = Math.max(y1, i / 28);
      }
    }
    return new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
  }
}
