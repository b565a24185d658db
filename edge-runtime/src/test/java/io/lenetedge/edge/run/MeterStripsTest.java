package io.lenetedge.edge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.MnistFolder;
import io.lenetedge.image.GrayImage;
import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.ExecutionProvider;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelOverrides;
import io.lenetedge.edge.read.FrameReader;
import io.lenetedge.edge.read.MeterWindows;
import io.lenetedge.edge.read.Preparations;
import io.lenetedge.testkit.MeterStrips;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Meter strips made here (seed 31) through the windows and the guards ({@code --monotonic
 * --max-rate}): every injected bad frame (dark, overexposed, featureless, a misread high digit,
 * an unreadable window) is refused and keeps the last good value. On a strip whose typeface the
 * model reads (each of its ten glyphs on its own), every accepted value is the one the meter shows
 * and nearly every good frame's is accepted; a glyph the model misreads every time it is shown is
 * beyond any guard, so strips with one are only held to the refusals.
 */
class MeterStripsTest {
  @Test
  void badFramesNeverChangeTheValueAndGoodOnesAreTaken() {
    LabeledImages test = MnistFolder.load(Path.of(System.getProperty("mnist.dir", "../data/mnist")),
        s -> { }).test();
    MeterStrips strips = new MeterStrips(test, 31);
    int good = 0;
    int goodRight = 0;
    int bad = 0;
    try (DigitModel model = DigitModel.open(ModelFile.load(null), ExecutionProvider.CPU, 1,
        ModelOverrides.NONE, 32, s -> { })) {
      for (int s = 0; s < 3; s++) {
        MeterStrips.Strip strip = strips.strip(s, 60, 1000);
        FrameReader reader = new FrameReader(
            Preparations.windows(MeterWindows.parse(strip.digitsSpec())), model, 0.6f);
        MeterGuard guard = new MeterGuard(0, true, strip.maxRatePerMinute(), 0);
        boolean readable = readable(model, test, strip.glyphs());
        BigDecimal last = null;
        for (MeterStrips.Frame f : strip.frames()) {
          MeterValue v = guard.add(reader.read(new GrayImage(strip.width(), strip.height(),
              f.pixels())), f.timeMillis() * 1_000_000L);
          String where = "strip " + s + " at " + f.timeMillis() + " ms (" + f.kind() + "): " + v;
          if (f.kind().bad()) {
            bad++;
            assertNotEquals(ReadingStatus.OK, v.status(), where);
          } else if (readable) {
            good++;
            goodRight += v.status() == ReadingStatus.OK ? 1 : 0;
          }
          if (v.status() == ReadingStatus.OK) {
            if (readable) {
              assertEquals(new BigDecimal(f.shown()), v.value(), where);
            }
            last = v.value();
          } else {
            assertEquals(last, v.value(), where);
          }
        }
      }
    }
    System.out.printf("meter strips (seed 31): %d of %d good frames of readable strips taken,"
        + " %d bad frames refused%n", goodRight, good, bad);
    assertTrue(bad > 20, "the strips inject bad frames: " + bad);
    assertTrue(good > 0, "at least one strip's typeface is readable");
    assertTrue(goodRight >= 0.95 * good, goodRight + " of " + good);
  }

  /** Whether the model reads each glyph of a strip's typeface on its own, surely. */
  static boolean readable(DigitModel model, LabeledImages test, int[] glyphs) {
    for (int d = 0; d < 10; d++) {
      float[] x = new float[784];
      test.images().copyScaled(glyphs[d], x, 0);
      var s = model.classify(x);
      if (s.best() != d || s.confidence() < 0.9f) {
        return false;
      }
    }
    return true;
  }
}
