package io.lenetedge.edge.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSpecsTest {
  static final TensorSignature IMAGE = new TensorSignature("image", "FLOAT", new long[] {-1, 1, 28, 28});
  static final TensorSignature LOGITS = new TensorSignature("logits", "FLOAT", new long[] {-1, 10});
  static final TensorSignature PROBS = new TensorSignature("probabilities", "FLOAT", new long[] {-1, 10});
  static final Map<String, String> OURS = Map.of("output.logits", "logits",
      "output.probabilities", "probabilities", "input.range", "[0,1]",
      "normalization", "inside the model", "labels", "0,1,2,3,4,5,6,7,8,9");

  /** Zeros for every probe image: rows that do not sum to 1, so an undeclared output is logits. */
  private static ModelSpec resolve(List<TensorSignature> inputs, List<TensorSignature> outputs,
      Map<String, String> metadata, ModelOverrides overrides) {
    return ModelSpecs.resolve(inputs, outputs, metadata, overrides, (feed, images, n) -> new float[n * 10]);
  }

  private static float encoded(ModelSpec s, float pixel) {
    float[] image = new float[784];
    image[0] = pixel;
    FloatBuffer b = FloatBuffer.allocate(784);
    s.encode(image, 0, b);
    return b.get(0);
  }

  @Test
  void ourMetadataPicksTheProbabilitiesOutputAndPassesPixelsThrough() {
    ModelSpec s = resolve(List.of(IMAGE), List.of(LOGITS, PROBS), OURS, ModelOverrides.NONE);
    assertEquals("probabilities", s.output().name());
    assertEquals(OutputKind.PROBABILITIES, s.outputKind());
    assertEquals(0, s.fixedBatch());
    assertEquals(0.5f, encoded(s, 0.5f));
  }

  @Test
  void byteRangeFromFlagOrMetadataScalesPixels() {
    ModelSpec flag = resolve(List.of(IMAGE), List.of(LOGITS), Map.of(),
        new ModelOverrides(255f, null, null, null));
    assertEquals(127.5f, encoded(flag, 0.5f), 1e-4);
    ModelSpec meta = resolve(List.of(IMAGE), List.of(LOGITS),
        Map.of("input.range", "[0,255]"), ModelOverrides.NONE);
    assertEquals(255f, encoded(meta, 1f), 1e-4);
  }

  @Test
  void meanAndStdMakeTheRuntimeNormalise() {
    ModelSpec s = resolve(List.of(IMAGE), List.of(LOGITS), Map.of(),
        new ModelOverrides(null, 0.5f, 0.25f, null));
    assertEquals(2f, encoded(s, 1f), 1e-6);
    assertEquals(-2f, encoded(s, 0f), 1e-6);
  }

  @Test
  void declaredOutputsAreTrustedWithoutRunningTheModel() {
    TensorSignature out = new TensorSignature("output0", "FLOAT", new long[] {1, 10});
    ModelSpecs.OutputProbe never = (feed, images, n) -> {
      throw new AssertionError("the model was run although its output was declared");
    };
    ModelSpec named = ModelSpecs.resolve(List.of(IMAGE), List.of(new TensorSignature("softmax_out",
        "FLOAT", new long[] {1, 10})), Map.of(), ModelOverrides.NONE, never);
    assertEquals(OutputKind.PROBABILITIES, named.outputKind());
    ModelSpec forced = ModelSpecs.resolve(List.of(IMAGE), List.of(out), Map.of(),
        new ModelOverrides(null, null, null, OutputKind.LOGITS), never);
    assertEquals(OutputKind.LOGITS, forced.outputKind());
    ModelSpec ours = ModelSpecs.resolve(List.of(IMAGE), List.of(LOGITS, PROBS), OURS,
        ModelOverrides.NONE, never);
    assertEquals(OutputKind.PROBABILITIES, ours.outputKind());
  }

  @Test
  void anUndeclaredOutputIsProbedOnceWithABlankAndAGreyImage() {
    TensorSignature out = new TensorSignature("output0", "FLOAT", new long[] {-1, 10});
    List<String> calls = new ArrayList<>();
    ModelSpec s = ModelSpecs.resolve(List.of(IMAGE), List.of(out), Map.of(),
        new ModelOverrides(255f, null, null, null), (feed, images, n) -> {
          calls.add(n + " images, first " + images[0] + ", second " + images[784]
              + ", fed as " + encoded(feed, 1f));
          float[] rows = new float[n * 10];
          Arrays.fill(rows, 0.1f);
          return rows;
        });
    assertEquals(List.of("2 images, first 0.0, second 0.5, fed as 255.0"), calls);
    assertEquals(OutputKind.PROBABILITIES, s.outputKind());
    assertTrue(s.notes().contains("output: output0 holds probabilities (detected: its rows sum to 1)"),
        s.notes().toString());
  }

  @Test
  void oneProbeRowThatIsNoDistributionMeansLogits() {
    TensorSignature out = new TensorSignature("output0", "FLOAT", new long[] {-1, 10});
    ModelSpec s = ModelSpecs.resolve(List.of(IMAGE), List.of(out), Map.of(), ModelOverrides.NONE,
        (feed, images, n) -> {
          float[] rows = new float[n * 10];
          Arrays.fill(rows, 0.1f);
          rows[15] = 2f;
          return rows;
        });
    assertEquals(OutputKind.LOGITS, s.outputKind());
    assertTrue(s.notes().contains("output: output0 holds logits (detected: its rows do not sum to 1)"),
        s.notes().toString());
  }

  @Test
  void aProbeAnswerTooShortForTheClassesNamesBoth() {
    TensorSignature out = new TensorSignature("output0", "FLOAT", new long[] {-1, 10});
    UserError e = assertThrows(UserError.class, () -> ModelSpecs.resolve(List.of(IMAGE),
        List.of(out), Map.of(), ModelOverrides.NONE, (feed, images, n) -> new float[10]));
    assertTrue(e.getMessage().contains("10 values for 2 images"), e.getMessage());
  }

  @Test
  void fixedBatchIsRead() {
    TensorSignature one = new TensorSignature("x", "FLOAT", new long[] {1, 1, 28, 28});
    assertEquals(1, resolve(List.of(one), List.of(LOGITS), Map.of(), ModelOverrides.NONE)
        .fixedBatch());
  }

  @Test
  void wrongRankNamesExpectedAndActual() {
    TensorSignature flat = new TensorSignature("pixels", "FLOAT", new long[] {-1, 784});
    UserError e = assertThrows(UserError.class,
        () -> resolve(List.of(flat), List.of(LOGITS), Map.of(), ModelOverrides.NONE));
    assertEquals(UserError.Kind.MODEL, e.kind());
    assertTrue(e.getMessage().contains("[N,784]") && e.getMessage().contains("[N,1,28,28]"), e.getMessage());
  }

  @Test
  void wrongImageSizeIsRejected() {
    TensorSignature big = new TensorSignature("image", "FLOAT", new long[] {-1, 1, 32, 32});
    assertThrows(UserError.class,
        () -> resolve(List.of(big), List.of(LOGITS), Map.of(), ModelOverrides.NONE));
  }

  @Test
  void nonFloatInputIsRejected() {
    TensorSignature ints = new TensorSignature("image", "INT64", new long[] {-1, 1, 28, 28});
    UserError e = assertThrows(UserError.class,
        () -> resolve(List.of(ints), List.of(LOGITS), Map.of(), ModelOverrides.NONE));
    assertEquals(UserError.Kind.MODEL, e.kind());
    assertTrue(e.getMessage().contains("INT64") && e.getMessage().contains("FLOAT"), e.getMessage());
  }

  @Test
  void fewerThanTenClassesIsRejected() {
    TensorSignature five = new TensorSignature("scores", "FLOAT", new long[] {-1, 5});
    UserError e = assertThrows(UserError.class,
        () -> resolve(List.of(IMAGE), List.of(five), Map.of(), ModelOverrides.NONE));
    assertEquals(UserError.Kind.MODEL, e.kind());
    assertTrue(e.getMessage().contains("5 classes") && e.getMessage().contains("at least 10"), e.getMessage());
  }

  @Test
  void twoInputsAreListed() {
    UserError e = assertThrows(UserError.class, () -> resolve(
        List.of(IMAGE, new TensorSignature("mask", "FLOAT", new long[] {1})), List.of(LOGITS),
        Map.of(), ModelOverrides.NONE));
    assertEquals(UserError.Kind.MODEL, e.kind());
    assertTrue(e.getMessage().contains("[image, mask]"), e.getMessage());
  }

  @Test
  void overridesAreValidated() {
    assertEquals(UserError.Kind.USAGE,
        assertThrows(UserError.class, () -> new ModelOverrides(100f, null, null, null)).kind());
    assertEquals(UserError.Kind.USAGE,
        assertThrows(UserError.class, () -> new ModelOverrides(null, 0.1f, null, null)).kind());
    assertEquals(UserError.Kind.USAGE,
        assertThrows(UserError.class, () -> new ModelOverrides(null, 0.1f, 0f, null)).kind());
  }
}
