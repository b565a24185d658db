package io.lenetedge.edge.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.LeNetWeights;
import io.lenetedge.common.ReferenceLeNet;
import io.lenetedge.edge.TestModels;
import io.lenetedge.onnx.LeNetGraph;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The runner computes what a plain-Java forward pass of the specification computes. */
class DigitModelTest {
  @TempDir Path dir;

  static float[] images(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] x = new float[n * 784];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextInt(3) == 0 ? rng.nextFloat() : 0f;
    }
    return x;
  }

  static float[] expectedProbabilities(LeNetWeights w, float[] x, int n) {
    float[] logits = ReferenceLeNet.logits(w, x, n);
    float[] p = new float[n * 10];
    float[] row = new float[10];
    for (int i = 0; i < n; i++) {
      Scores.softmax(logits, i * 10, 10, row);
      System.arraycopy(row, 0, p, i * 10, 10);
    }
    return p;
  }

  private DigitModel open(Path file, ModelOverrides overrides, int maxBatch) {
    return DigitModel.open(ModelFile.load(file), ExecutionProvider.CPU, 1, overrides, maxBatch, s -> { });
  }

  @ParameterizedTest
  @CsvSource({"1,1", "7,4", "64,64", "64,16"})
  void batchesMatchThePlainJavaForwardPass(int n, int maxBatch) throws Exception {
    LeNetWeights w = LeNetWeights.random(n * 31L);
    Path file = TestModels.write(dir.resolve("m.onnx"), LeNetGraph.builder().build(), w);
    float[] x = images(n, n);
    float[] expected = expectedProbabilities(w, x, n);
    try (DigitModel m = open(file, ModelOverrides.NONE, maxBatch)) {
      float[] actual = new float[n * 10];
      m.classify(x, n, actual);
      assertArrayEquals(expected, actual, 1e-5f);
      float[] first = new float[784];
      System.arraycopy(x, 0, first, 0, 784);
      assertArrayEquals(java.util.Arrays.copyOf(expected, 10), m.classify(first).probabilities(), 1e-5f);
    }
  }

  /** Under, at and over the batch size (not a multiple of it), on a dynamic and a fixed batch. */
  @ParameterizedTest
  @CsvSource({"3,4,false", "4,4,false", "11,4,false", "3,4,true"})
  void chunkedBatchesEqualOneImageAtATime(int n, int maxBatch, boolean fixed) throws Exception {
    LeNetWeights w = LeNetWeights.random(n + 40L);
    LeNetGraph.Builder graph = LeNetGraph.builder();
    Path file = TestModels.write(dir.resolve("m.onnx"), (fixed ? graph.optFixedBatch(1) : graph).build(), w);
    float[] x = images(n, n + 1L);
    try (DigitModel m = open(file, ModelOverrides.NONE, maxBatch)) {
      assertEquals(fixed ? 1 : maxBatch, m.maxBatch(), "a fixed batch size decides the runs");
      float[] chunked = new float[n * 10];
      m.classify(x, n, chunked);
      for (int i = 0; i < n; i++) {
        float[] one = java.util.Arrays.copyOfRange(x, i * 784, (i + 1) * 784);
        assertArrayEquals(m.classify(one).probabilities(),
            java.util.Arrays.copyOfRange(chunked, i * 10, i * 10 + 10), 1e-6f, "image " + i);
      }
    }
  }

  @Test
  void singleImagesReuseTheirBuffersWithoutMixingResults() throws Exception {
    LeNetWeights w = LeNetWeights.random(5);
    Path file = TestModels.write(dir.resolve("m.onnx"), LeNetGraph.builder().build(), w);
    float[] x = images(3, 9);
    float[] expected = expectedProbabilities(w, x, 3);
    try (DigitModel m = open(file, ModelOverrides.NONE, 1)) {
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 3; i++) {
          float[] one = java.util.Arrays.copyOfRange(x, i * 784, (i + 1) * 784);
          assertArrayEquals(java.util.Arrays.copyOfRange(expected, i * 10, i * 10 + 10),
              m.classify(one).probabilities(), 1e-5f, "image " + i + " round " + round);
        }
      }
    }
  }

  @Test
  void modelWithOtherNamesFixedBatchAndByteInputNeedsOnlyItsRange() throws Exception {
    LeNetWeights w = LeNetWeights.random(77);
    LeNetGraph other = LeNetGraph.builder().optInputName("pixels").optLogitsName("scores")
        .optProbabilitiesName(null).optFixedBatch(1).optInputScale(255f).build();
    Path file = TestModels.write(dir.resolve("other.onnx"), other, w);
    float[] x = images(5, 3);
    float[] expected = expectedProbabilities(w, x, 5);
    try (DigitModel m = open(file, new ModelOverrides(255f, null, null, null), 64)) {
      assertEquals(1, m.spec().fixedBatch());
      assertEquals("pixels", m.spec().input().name());
      assertEquals(OutputKind.LOGITS, m.spec().outputKind());
      float[] actual = new float[50];
      m.classify(x, 5, actual);
      assertArrayEquals(expected, actual, 1e-5f);
    }
    try (DigitModel wrongRange = open(file, ModelOverrides.NONE, 64)) {
      float[] actual = new float[50];
      wrongRange.classify(x, 5, actual);
      float maxDiff = 0;
      for (int k = 0; k < 50; k++) {
        maxDiff = Math.max(maxDiff, Math.abs(actual[k] - expected[k]));
      }
      assertTrue(maxDiff > 1e-3, "without --input-range 255 the answers must differ");
    }
  }

  @Test
  void probabilitiesOutputWithoutMetadataIsDetectedNotSoftmaxedTwice() throws Exception {
    LeNetWeights w = LeNetWeights.random(8);
    var model = LeNetGraph.builder().optProbabilitiesName("output0").build()
        .model(w, new io.lenetedge.onnx.ModelInfo("t", "0", 1, "", java.util.Map.of()));
    var onlyProbabilities = model.toBuilder();
    onlyProbabilities.getGraphBuilder().removeOutput(0);
    Path file = TestModels.write(dir.resolve("p.onnx"), onlyProbabilities.build());
    float[] x = images(2, 4);
    float[] expected = expectedProbabilities(w, x, 2);
    try (DigitModel m = open(file, ModelOverrides.NONE, 2)) {
      assertEquals("output0", m.spec().output().name());
      assertEquals(OutputKind.PROBABILITIES, m.spec().outputKind(), "decided when opened");
      float[] actual = new float[20];
      m.classify(x, 2, actual);
      assertArrayEquals(expected, actual, 1e-5f);
    }
  }

  @Test
  void closedModelRefusesWork() throws Exception {
    Path file = TestModels.write(dir.resolve("m.onnx"), LeNetGraph.builder().build(), LeNetWeights.random(1));
    DigitModel m = open(file, ModelOverrides.NONE, 1);
    m.close();
    m.close();
    assertThrows(IllegalStateException.class, () -> m.classify(new float[784]));
  }
}
