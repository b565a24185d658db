package io.lenetedge.edge.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.MnistFolder;
import io.lenetedge.edge.model.EmbeddedPageModels;
import io.lenetedge.edge.model.ExecutionProvider;
import io.lenetedge.image.Candidates;
import io.lenetedge.image.GrayImage;
import io.lenetedge.image.PieceClass;
import io.lenetedge.testkit.PageBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The context views {@code --read number} gives the page models: a piece at its line's scale, its
 * own ink at full strength and the rest of its glyph's dimmed.
 */
class ContextViewTest {
  static LabeledImages test;

  @BeforeAll
  static void load() {
    test = MnistFolder.load(Path.of(System.getProperty("mnist.dir", "../data/mnist")), s -> { })
        .test();
  }

  /** The glyph of a touching 4 and 7, 60 px high: one glyph with a whole and a cut way. */
  static Candidates.Glyph touchingPair() {
    PageBuilder b = new PageBuilder(test, 640, 480).look(0, 0.7, 2, 1f);
    double x = b.digit(PageBuilder.indexOf(test, 4, 0), 200, 240, 60);
    b.digit(PageBuilder.indexOf(test, 7, 0), x - 4, 240, 60);
    Candidates c = Preparations.number(null).prepare(new GrayImage(640, 480, b.photograph(3)));
    assertTrue(c.hasViews(), "number preparation gives views");
    assertEquals(1, c.lines().size());
    return c.lines().get(0).glyphs().stream().filter(g -> g.alternatives().size() > 1)
        .findFirst().orElseThrow();
  }

  @Test
  void aCutPieceShowsItsOwnInkBrightAndItsNeighboursDimmed() {
    Candidates.Glyph glyph = touchingPair();
    Candidates.Alternative pair = glyph.alternatives().stream()
        .filter(a -> a.digits().size() == 2).findFirst().orElseThrow();
    float[] left = pair.views().get(0);
    // the view is centred on the left piece: the right quarter shows the 7, dimmed
    assertTrue(max(left, 0, 14) > 0.6f, "own ink " + max(left, 0, 14));
    assertTrue(max(left, 22, 28) <= 0.41f, "neighbour's ink " + max(left, 22, 28));
    assertTrue(max(left, 22, 28) > 0.05f, "the neighbour is there, dimmed");
  }

  @Test
  void aViewKeepsThePieceSizeAgainstItsLine() {
    Candidates.Glyph glyph = touchingPair();
    Candidates.Alternative pair = glyph.alternatives().stream()
        .filter(a -> a.digits().size() == 2).findFirst().orElseThrow();
    // a digit fills about 1 / 1.5 of its view's height, unlike a model input (20 of 28 rows)
    int rows = inkRows(pair.views().get(0));
    assertTrue(rows >= 14 && rows <= 22, rows + " rows of ink");
  }

  @Test
  void theShippedVerifierLikesTheRightCutBest() {
    Candidates.Glyph glyph = touchingPair();
    try (EmbeddedPageModels models = EmbeddedPageModels.open(ExecutionProvider.CPU, 1, 16,
        s -> { })) {
      Candidates.Alternative best = null;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (Candidates.Alternative a : glyph.alternatives()) {
        double score = 0;
        for (float[] p : models.models().verifier().classify(a.views())) {
          score += Math.log(p[PieceClass.DIGIT]);
        }
        if (score > bestScore) {
          best = a;
          bestScore = score;
        }
      }
      assertEquals(2, best.digits().size(), glyph.alternatives().size() + " ways");
      assertTrue(bestScore > Math.log(0.25), "both pieces sure digits: " + bestScore);
    }
  }

  private static float max(float[] view, int fromColumn, int toColumn) {
    float m = 0;
    for (int y = 0; y < 28; y++) {
      for (int x = fromColumn; x < toColumn; x++) {
        m = Math.max(m, view[y * 28 + x]);
      }
    }
    return m;
  }

  private static int inkRows(float[] view) {
    int rows = 0;
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        if (view[y * 28 + x] > 0.1f) {
          rows++;
          break;
        }
      }
    }
    return rows;
  }
}
