package io.lenetedge.edge.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.MnistFolder;
import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.ExecutionProvider;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelOverrides;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The split verifier against pages of MNIST training digits: it decides fresh pages' glyphs
 * right, and (gated, {@code -Dfit.verifier=true}, about a minute) its shipped weights are what
 * {@link SplitVerifierFit} gives on the pages they were fitted on.
 */
class SplitVerifierFitTest {
  static LabeledImages train;
  static DigitModel model;

  @BeforeAll
  static void open() {
    train = MnistFolder.load(Path.of(System.getProperty("mnist.dir", "../data/mnist")), s -> { })
        .train();
    model = DigitModel.open(ModelFile.load(null), ExecutionProvider.CPU, 1, ModelOverrides.NONE,
        256, s -> { });
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void theShippedWeightsDecideGlyphsOfPagesTheyWereNotFittedOn() {
    List<SplitVerifierFit.Sample> samples = SplitVerifierFit.collect(train, 32, 300, model);
    long twos = samples.stream().filter(SplitVerifierFit.Sample::two).count();
    double shipped = SplitVerifierFit.accuracy(samples, SplitVerifier.weights());
    double alwaysOne = 1 - twos / (double) samples.size();
    System.out.printf(Locale.ROOT, "split verifier on %d glyphs (%d two digits): %.2f %% right,"
        + " reading every glyph whole %.2f %%%n", samples.size(), twos, 100 * shipped,
        100 * alwaysOne);
    assertTrue(samples.size() > 1000 && twos > 50, samples.size() + " glyphs, " + twos + " pairs");
    assertTrue(shipped >= 0.99, "shipped weights decide " + shipped);
    assertTrue(1 - shipped < (1 - alwaysOne) / 5, "a fifth of the errors of never cutting at most");
  }

  @Test
  void aFitOnSeparableSamplesFindsTheSeparatingFeature() {
    List<SplitVerifierFit.Sample> samples = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      double aspect = 0.3 + i * 0.005;
      samples.add(new SplitVerifierFit.Sample(
          new SplitVerifier.Features(aspect, i % 10, 5, 5, 0.5, 0.9), aspect > 0.8));
    }
    double[] w = SplitVerifierFit.fit(samples);
    assertEquals(1.0, SplitVerifierFit.accuracy(samples, w));
    assertTrue(w[0] > 0, "wider is more often two: " + Arrays.toString(w));
  }

  @Test
  @EnabledIfSystemProperty(named = "fit.verifier", matches = "true")
  void theShippedWeightsAreTheFitOnTheirPages() {
    double[] fitted = SplitVerifierFit.fit(SplitVerifierFit.collect(train, 31, 3000, model));
    double[] shipped = SplitVerifier.weights();
    System.out.println("fitted split verifier weights: " + Arrays.toString(
        Arrays.stream(fitted).map(v -> Math.round(v * 1000) / 1000.0).toArray()));
    for (int j = 0; j < shipped.length; j++) {
      assertEquals(shipped[j], fitted[j], 0.01, "weight " + j + " of " + Arrays.toString(fitted));
    }
  }
}
