package io.lenetedge.edge.read;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.MnistFolder;
import io.lenetedge.image.GrayImage;
import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.EmbeddedPageModels;
import io.lenetedge.edge.model.ExecutionProvider;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelOverrides;
import io.lenetedge.testkit.NumberPages;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code --read number} on 200 camera-like pages of MNIST test digits made here (seed 31, never
 * tuned on): a floor under the figures the README reports from {@code eval --pages}, so that a
 * change that loses lines or digits fails.
 */
class NumberPagesTest {
  @Test
  void pagesOfHandwrittenNumbersAreReadLineByLine() {
    LabeledImages test = MnistFolder.load(Path.of(System.getProperty("mnist.dir", "../data/mnist")),
        s -> { }).test();
    NumberPages pages = new NumberPages(test, 31);
    TextScore score = new TextScore();
    try (DigitModel model = DigitModel.open(ModelFile.load(null), ExecutionProvider.CPU, 1,
            ModelOverrides.NONE, 32, s -> { });
        EmbeddedPageModels pageModels = EmbeddedPageModels.open(ExecutionProvider.CPU, 1, 32,
            s -> { })) {
      FrameReader reader =
          new FrameReader(Preparations.number(null), model, pageModels.models(), 0.6f);
      for (int i = 0; i < 200; i++) {
        NumberPages.Page p = pages.page(i);
        score.add(p.text(), reader.read(new GrayImage(p.width(), p.height(), p.pixels())).text());
      }
    }
    System.out.println("number pages (seed 31): " + score.summary());
    assertTrue(score.lineAccuracy() >= 0.92, score.summary());
    assertTrue(score.digitAccuracy() >= 0.985, score.summary());
  }
}
