package io.lenetedge.exporter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.LeNetWeights;
import io.lenetedge.common.ModelContract;
import io.lenetedge.common.UserError;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scorer's runs in chunks of its batch size answer what one image at a time answers. */
class OnnxScorerTest {
  private static final int MAX_BATCH = 4;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {3, 4, 11})
  void chunksEqualOneImageAtATime(int n) throws Exception {
    Path file = LeNetGraphParityTest.export(LeNetWeights.random(n), dir.resolve("m.onnx"));
    float[] x = LeNetGraphParityTest.randomImages(n, n);
    try (OnnxScorer scorer = new OnnxScorer(file, "image", "logits", MAX_BATCH)) {
      float[] chunked = scorer.run(x, 0, n);
      assertEquals(n * ModelContract.CLASSES, chunked.length);
      for (int i = 0; i < n; i++) {
        float[] one = scorer.run(x, i * ModelContract.PIXELS, 1);
        assertArrayEquals(one, Arrays.copyOfRange(chunked, i * 10, i * 10 + 10), 1e-6f, "image " + i);
      }
    }
  }

  @Test
  void anUnknownOutputListsTheModelsOutputs() throws Exception {
    Path file = LeNetGraphParityTest.export(LeNetWeights.random(1), dir.resolve("m.onnx"));
    UserError e = assertThrows(UserError.class,
        () -> new OnnxScorer(file, "image", "scores", MAX_BATCH));
    assertTrue(e.getMessage().contains("no output 'scores'") && e.getMessage().contains("logits"),
        e.getMessage());
  }
}
