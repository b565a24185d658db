package io.lenetedge.edge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.ExecutionProvider;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelOverrides;
import io.lenetedge.edge.source.Frame;
import io.lenetedge.edge.read.FrameReader;
import io.lenetedge.edge.read.Preparations;
import io.lenetedge.testkit.DigitSets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Handwriting that is not MNIST, through the camera pipeline: the UCI optdigits test set (13
 * writers; fetched by scripts/fetch-optdigits.sh from Debian's python3-sklearn). Its digits exist
 * only as 8x8 counts, so each is drawn back as the testkit draws it (DigitSets.optdigit).
 */
class OptdigitsTest {
  @Test
  void theShippedModelReadsDigitsByOtherWriters() throws Exception {
    Path file = Path.of(System.getProperty("optdigits.dir", "../data/optdigits"), "digits.csv.gz");
    Assumptions.assumeTrue(Files.isRegularFile(file), "no " + file + " (scripts/fetch-optdigits.sh)");
    List<int[]> rows = DigitSets.optdigits(file);
    assertEquals(1797, rows.size());
    int correct = 0;
    int noDigit = 0;
    int[][] confusion = new int[10][11];
    try (DigitModel model = DigitModel.open(ModelFile.load(null), ExecutionProvider.CPU, 1,
        ModelOverrides.NONE, 1, s -> { })) {
      FramePipeline pipeline = new FramePipeline(new FrameReader(Preparations.digit(null), model, 0f), Decider.digit(1, 0f));
      for (int i = 0; i < rows.size(); i++) {
        int label = rows.get(i)[64];
        int digit = pipeline.process(new Frame(i, DigitSets.optdigit(rows.get(i))), 0).decision().digit();
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
    assertTrue(accuracy >= 0.97, "accuracy " + accuracy);
  }
}
