package io.lenetedge.edge.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExecutionProviderTest {
  @ParameterizedTest
  @CsvSource({"auto,AUTO,0,auto", "CPU,CPU,0,cpu", "cuda,CUDA,0,cuda:0", "cuda:3,CUDA,3,cuda:3",
      "tensorrt,TENSORRT,0,tensorrt:0", "trt:1,TENSORRT,1,tensorrt:1"})
  void parsesEveryForm(String text, ExecutionProvider.Kind kind, int device, String shown) {
    ExecutionProvider ep = ExecutionProvider.parse(text);
    assertEquals(kind, ep.kind());
    assertEquals(device, ep.device());
    assertEquals(shown, ep.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpu", "cuda:x", "cpu:1", "cuda:-1", ""})
  void rejectsWithTheValidChoices(String text) {
    UserError e = assertThrows(UserError.class,
        () -> ExecutionProvider.parse(text));
    assertEquals(UserError.Kind.USAGE, e.kind());
    assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
  }
}
