package io.lenetedge.edge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.bench.BenchRow;
import io.lenetedge.common.bench.LatencyStats;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyPlotTest {
  @TempDir Path dir;

  private static LatencyStats stats(long baseNanos) {
    Histogram h = LatencyStats.newHistogram();
    for (int i = 1; i <= 1000; i++) {
      h.recordValue(baseNanos * i);
    }
    return LatencyStats.of(h, 1, 1);
  }

  @Test
  void writesAPngWithACurvePerRowThatRan() throws Exception {
    Path png = dir.resolve("latency.png");
    LatencyPlot.write(List.of(BenchRow.measured("cpu", 1, 1, stats(50), 1),
        BenchRow.measured("bare-ort", 1, 1, stats(80), 1),
        BenchRow.unavailable("cuda:0", 1, 1, "no GPU", -1)), "test plot", png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1000, image.getWidth());
    assertEquals(600, image.getHeight());
    assertTrue(colouredPixels(image) > 500, "curves drawn in colour");
  }

  private static int colouredPixels(BufferedImage image) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        n += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60 ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void eachNineIsOneStepToTheRight() {
    assertEquals(0, LatencyPlot.nines(0), 1e-12);
    assertEquals(1, LatencyPlot.nines(90), 1e-12);
    assertEquals(3, LatencyPlot.nines(99.9), 1e-9);
    assertEquals(4, LatencyPlot.nines(100), 1e-9);
    assertEquals("99.9 %", LatencyPlot.percentileLabel(3));
    assertEquals("0 %", LatencyPlot.percentileLabel(0));
    assertEquals("", LatencyPlot.percentileLabel(2.5));
  }
}
