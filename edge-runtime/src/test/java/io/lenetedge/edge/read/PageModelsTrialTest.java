package io.lenetedge.edge.read;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.MnistData;
import io.lenetedge.common.MnistFolder;
import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.ExecutionProvider;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelOverrides;
import io.lenetedge.image.Candidates;
import io.lenetedge.image.GrayImage;
import io.lenetedge.testkit.NumberPages;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How the page models' weights were chosen (gated: {@code -Dtrial.models=DIR} with
 * {@code piece-verifier.onnx} and {@code page-digits.onnx}; {@code -Dtrial.seed},
 * {@code -Dtrial.pages}, {@code -Dtrial.test=true} for pages of MNIST test digits,
 * {@code -Dtrial.show=true} to list the pages the shipped way misreads): the same
 * pages read without page models, with the verifier at several weights, and with both models.
 */
class PageModelsTrialTest {
  @Test
  @EnabledIfSystemProperty(named = "trial.models", matches = ".+")
  void trial() {
    MnistData data = MnistFolder.load(Path.of("../data/mnist"), s -> { });
    LabeledImages digits = Boolean.getBoolean("trial.test") ? data.test() : data.train();
    long seed = Long.getLong("trial.seed", 35);
    int pages = Integer.getInteger("trial.pages", 600);
    Path dir = Path.of(System.getProperty("trial.models"));
    double[] weights = {0.5, 1, 2};
    String[] names = new String[2 + 2 * weights.length];
    TextScore[] scores = new TextScore[names.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = new TextScore();
    }
    try (DigitModel model = open(ModelFile.load(null));
        DigitModel verifier = open(ModelFile.load(dir.resolve("piece-verifier.onnx")));
        DigitModel pageDigits = open(ModelFile.load(dir.resolve("page-digits.onnx")))) {
      NumberPages generator = new NumberPages(digits, seed);
      Preparation preparation = Preparations.number(null);
      for (int i = 0; i < pages; i++) {
        NumberPages.Page page = generator.page(i);
        Candidates c = preparation.prepare(new GrayImage(page.width(), page.height(), page.pixels()));
        float[][] p = model.classify(c.inputs());
        float[][] v = c.hasViews() ? verifier.classify(c.views()) : null;
        float[][] blended = c.hasViews() ? CandidateReader.blend(p, pageDigits.classify(c.views())) : p;
        if (Boolean.getBoolean("trial.show")) {
          String read = CandidateReader.read(c, blended, v, 0.6f, CandidateReader.PIECE_WEIGHT).text();
          if (!read.equals(page.text())) {
            System.out.println("page " + i + ": " + page.text().replace('\n', '/') + " read "
                + read.replace('\n', '/'));
          }
        }
        int k = 0;
        names[k] = "no page models";
        scores[k++].add(page.text(), CandidateReader.read(c, p, 0.6f).text());
        names[k] = "page digits only";
        scores[k++].add(page.text(), CandidateReader.read(c, blended, null, 0.6f, 0).text());
        for (double w : weights) {
          names[k] = String.format(Locale.ROOT, "verifier %.1f", w);
          scores[k++].add(page.text(), CandidateReader.read(c, p, v, 0.6f, w).text());
          names[k] = String.format(Locale.ROOT, "verifier %.1f + page digits", w);
          scores[k++].add(page.text(), CandidateReader.read(c, blended, v, 0.6f, w).text());
        }
      }
    }
    for (int i = 0; i < scores.length; i++) {
      System.out.printf("%-28s %s%n", names[i], scores[i].summary());
    }
  }

  private static DigitModel open(ModelFile file) {
    return DigitModel.open(file, ExecutionProvider.CPU, 1, ModelOverrides.NONE, 256, s -> { });
  }
}
