package io.lenetedge.edge.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
import io.lenetedge.edge.read.PageModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page models the jar ships: present, weights-checked, of the digit model's shape. */
class EmbeddedPageModelsTest {
  @Test
  void bothShippedPageModelsRecordTheirWeightsAndMatchThem() {
    for (String path : List.of(EmbeddedPageModels.VERIFIER, EmbeddedPageModels.DIGITS)) {
      byte[] bytes = ModelFile.embedded(path, "").bytes();
      assertEquals(WeightsCheck.Result.MATCH, WeightsCheck.verify(bytes, path), path);
    }
  }

  @Test
  void theyOpenAndGiveTenProbabilitiesPerView() {
    try (EmbeddedPageModels open = EmbeddedPageModels.open(ExecutionProvider.CPU, 1, 4, s -> { })) {
      PageModels m = open.models();
      assertTrue(m.present());
      float[][] p = m.verifier().classify(List.of(new float[784], new float[784]));
      assertEquals(2, p.length);
      assertEquals(10, p[0].length);
      assertEquals(1.0, sum(p[0]), 1e-4);
      assertEquals(10, m.digits().classify(List.of(new float[784]))[0].length);
    }
  }

  private static double sum(float[] row) {
    double s = 0;
    for (float v : row) {
      s += v;
    }
    return s;
  }

  @Test
  void noneHasNoModelsAndClosesQuietly() {
    try (EmbeddedPageModels none = EmbeddedPageModels.none()) {
      assertFalse(none.models().present());
      assertNull(none.models().verifier());
    }
  }

  @Test
  void aMissingEmbeddedModelIsAModelErrorThatSaysWhatToDo() {
    UserError e = assertThrows(UserError.class,
        () -> ModelFile.embedded("/models/missing.onnx", "; build the jar with `mvn package`"));
    assertEquals(UserError.Kind.MODEL, e.kind());
    assertTrue(e.getMessage().contains("/models/missing.onnx")
        && e.getMessage().contains("mvn package"), e.getMessage());
  }
}
