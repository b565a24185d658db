package io.lenetedge.edge.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.LeNetWeights;
import io.lenetedge.common.SyntheticDigits;
import io.lenetedge.common.UserError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The weights' SHA-256 the model records, checked when it loads. */
class WeightsCheckTest {
  private static final byte[] SHIPPED = ModelFile.embedded().bytes();

  @Test
  void theShippedModelsWeightsMatchWhatItRecords() {
    WeightsCheck.Parsed p = WeightsCheck.parse(SHIPPED);
    assertEquals(List.of("mean", "std", "conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias",
        "conv3.weight", "conv3.bias", "fc1.weight", "fc1.bias", "logits.weight", "logits.bias"),
        List.copyOf(p.initializers().keySet()));
    assertEquals((int) LeNetWeights.size(LeNetWeights.SHAPES.get(6)), p.initializers().get("fc1.weight").length);
    assertEquals(p.metadata().get(WeightsCheck.KEY), WeightsCheck.weightsSha256(p.initializers()).orElseThrow());
    assertEquals(WeightsCheck.Result.MATCH, WeightsCheck.verify(SHIPPED, "shipped"));
  }

  @Test
  void oneFlippedBitInAWeightIsRefusedWithTheReason() {
    byte[] damaged = SHIPPED.clone();
    damaged[offsetOfWeights() + 1234] ^= 0x10;
    UserError e = assertThrows(UserError.class, () -> WeightsCheck.verify(damaged, "copy.onnx"));
    assertEquals(UserError.Kind.MODEL, e.kind());
    assertEquals("copy.onnx: the model's weights do not match the SHA-256 it records (weights.sha256):"
        + " the file is damaged; copy the model again (or reinstall it)", e.getMessage());
  }

  @Test
  void aModelThatRecordsNoWeightsHashLoadsAsBefore() {
    byte[] third = replace(SHIPPED, "weights.sha256", "weights.sha257");
    assertEquals(WeightsCheck.Result.UNRECORDED, WeightsCheck.verify(third, "third-party.onnx"));
    assertEquals(WeightsCheck.Result.UNREADABLE, WeightsCheck.verify(new byte[] {(byte) 0xff, 1, 2}, "junk"));
  }

  /**
   * Sixty copies, each with one random bit flipped: every one is either refused or classifies
   * exactly as the shipped model (a flip in a name or a doc string); none misreads silently.
   */
  @Test
  void noDamagedCopyMisreadsSilently() {
    float[] strokes = SyntheticDigits.strokes(20, 7);
    List<float[]> images = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      images.add(java.util.Arrays.copyOfRange(strokes, i * 784, (i + 1) * 784));
    }
    float[][] expected;
    try (DigitModel m = open(SHIPPED)) {
      expected = m.classify(images);
    }
    SplittableRandom rng = new SplittableRandom(20261202);
    int refused = 0;
    List<String> silent = new ArrayList<>();
    for (int copy = 0; copy < 60; copy++) {
      byte[] damaged = SHIPPED.clone();
      int at = rng.nextInt(damaged.length);
      damaged[at] ^= (byte) (1 << rng.nextInt(8));
      try (DigitModel m = open(damaged)) {
        float[][] got = m.classify(images);
        for (int i = 0; i < got.length; i++) {
          if (!java.util.Arrays.equals(expected[i], got[i])) {
            silent.add("byte " + at);
            break;
          }
        }
      } catch (UserError | IllegalArgumentException e) {
        refused++;
      }
    }
    System.out.printf("damaged copies: %d of 60 refused, %d read exactly as the shipped model%n",
        refused, 60 - refused);
    assertTrue(silent.isEmpty(), "damaged copies that load and read differently: " + silent);
    assertTrue(refused > 40, refused + " of 60 refused");
  }

  private static DigitModel open(byte[] bytes) {
    return DigitModel.open(new ModelFile("test.onnx", bytes), ExecutionProvider.CPU, 1,
        ModelOverrides.NONE, 32, s -> { });
  }

  /** Where conv2.weight's raw data begins in the shipped file (found by its first floats). */
  private static int offsetOfWeights() {
    float[] w = WeightsCheck.parse(SHIPPED).initializers().get("conv2.weight");
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(w, 0, 4);
    byte[] head = b.array();
    outer:
    for (int i = 0; i + head.length <= SHIPPED.length; i++) {
      for (int k = 0; k < head.length; k++) {
        if (SHIPPED[i + k] != head[k]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("conv2.weight not found");
  }

  private static byte[] replace(byte[] in, String from, String to) {
    String s = new String(in, StandardCharsets.ISO_8859_1);
    assertTrue(s.contains(from));
    return s.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
  }
}
