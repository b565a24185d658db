package io.lenetedge.edge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.image.GrayImage;
import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.ExecutionProvider;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelOverrides;
import io.lenetedge.edge.source.Frame;
import io.lenetedge.edge.read.FrameReader;
import io.lenetedge.edge.read.Preparations;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Handwriting that is not MNIST, through the camera pipeline: the UCI optdigits test set (13
 * writers; fetched by scripts/fetch-optdigits.sh from Debian's python3-sklearn). Its digits exist
 * only as 8x8 counts, so each is drawn back as a soft 64x64 dark-ink digit on a 160x160 page.
 */
class OptdigitsTest {
  static final int SIZE = 64;
  static final int PAGE = 160;

  @Test
  void theShippedModelReadsDigitsByOtherWriters() throws Exception {
    Path file = Path.of(System.getProperty("optdigits.dir", "../data/optdigits"), "digits.csv.gz");
    Assumptions.assumeTrue(Files.isRegularFile(file), "no " + file + " (scripts/fetch-optdigits.sh)");
    List<int[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
      for (String line; (line = r.readLine()) != null; ) {
        rows.add(java.util.Arrays.stream(line.split(",")).mapToInt(s -> (int) Double.parseDouble(s)).toArray());
      }
    }
    assertEquals(1797, rows.size());
    int correct = 0;
    int noDigit = 0;
    int[][] confusion = new int[10][11];
    try (DigitModel model = DigitModel.open(ModelFile.load(null), ExecutionProvider.CPU, 1,
        ModelOverrides.NONE, 1, s -> { })) {
      FramePipeline pipeline = new FramePipeline(new FrameReader(Preparations.digit(null), model, 0f), Decider.digit(1, 0f));
      for (int i = 0; i < rows.size(); i++) {
        int label = rows.get(i)[64];
        int digit = pipeline.process(new Frame(i, page(rows.get(i))), 0).decision().digit();
        correct += digit == label ? 1 : 0;
        noDigit += digit < 0 ? 1 : 0;
        confusion[label][digit < 0 ? 10 : digit]++;
      }
    }
    double accuracy = correct / (double) rows.size();
    System.out.printf("optdigits through the camera pipeline: %d of %d right (%.2f %%), %d no digit%n",
        correct, rows.size(), 100 * accuracy, noDigit);
    for (int d = 0; d < 10; d++) {
      System.out.println("  " + d + ": " + java.util.Arrays.toString(confusion[d]));
    }
    assertTrue(accuracy >= 0.95, "accuracy " + accuracy);
  }

  /** One sample drawn back: bilinear from its 8x8 counts, dark ink on light paper. */
  static GrayImage page(int[] row) {
    byte[] px = new byte[PAGE * PAGE];
    java.util.Arrays.fill(px, (byte) 235);
    int margin = (PAGE - SIZE) / 2;
    for (int y = 0; y < SIZE; y++) {
      double fy = Math.clamp((y + 0.5) * 8 / SIZE - 0.5, 0, 7);
      int y0 = (int) fy;
      int y1 = Math.min(7, y0 + 1);
      double wy = fy - y0;
      for (int x = 0; x < SIZE; x++) {
        double fx = Math.clamp((x + 0.5) * 8 / SIZE - 0.5, 0, 7);
        int x0 = (int) fx;
        int x1 = Math.min(7, x0 + 1);
        double wx = fx - x0;
        double v = (row[y0 * 8 + x0] * (1 - wx) + row[y0 * 8 + x1] * wx) * (1 - wy)
            + (row[y1 * 8 + x0] * (1 - wx) + row[y1 * 8 + x1] * wx) * wy;
        px[(y + margin) * PAGE + x + margin] = (byte) Math.round(235 - v / 16 * 200);
      }
    }
    return new GrayImage(PAGE, PAGE, px);
  }
}
