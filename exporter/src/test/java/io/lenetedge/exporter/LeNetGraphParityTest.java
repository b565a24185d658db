package io.lenetedge.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.onnx.proto.OnnxMl.ModelProto;
import io.lenetedge.common.LeNetWeights;
import io.lenetedge.common.ModelContract;
import io.lenetedge.common.ReferenceLeNet;
import io.lenetedge.onnx.LeNetGraph;
import io.lenetedge.onnx.ModelInfo;
import io.lenetedge.trainer.BuildInfo;
import io.lenetedge.trainer.LeNet5;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exported graph computes what the specification says, with weights no training made. */
class LeNetGraphParityTest {
  static {
    BuildInfo.applyDjlDefaults();
  }

  @TempDir Path dir;

  static float[] randomImages(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] x = new float[n * ModelContract.PIXELS];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextInt(4) == 0 ? rng.nextFloat() : 0f;
    }
    return x;
  }

  static Path export(LeNetWeights w, Path file) throws Exception {
    ModelProto model = LeNetGraph.builder().build()
        .model(w, new ModelInfo("test", "0", 1, "random weights", Map.of()));
    Files.write(file, model.toByteArray());
    return file;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 64})
  void onnxRuntimeEqualsThePlainJavaForwardPass(int n) throws Exception {
    LeNetWeights w = LeNetWeights.random(n);
    Path file = export(w, dir.resolve("random.onnx"));
    float[] x = randomImages(n, 100 + n);
    float[] expected = ReferenceLeNet.logits(w, x, n);
    try (OnnxScorer logits = new OnnxScorer(file, "image", "logits", 64);
        OnnxScorer probabilities = new OnnxScorer(file, "image", "probabilities", 64)) {
      float[] actual = logits.run(x, 0, n);
      float[] p = probabilities.run(x, 0, n);
      assertEquals(expected.length, actual.length);
      double spread = 0;
      for (int k = 0; k < expected.length; k++) {
        assertEquals(expected[k], actual[k], 1e-4 * Math.max(1, Math.abs(expected[k])), "logit " + k);
        spread = Math.max(spread, Math.abs(expected[k]));
      }
      assertTrue(spread > 0.1, "logits should not be all near zero: " + spread);
      for (int i = 0; i < n; i++) {
        assertEquals(1.0, sum(p, i), 1e-5);
        assertEquals(Math.exp(actual[i * 10 + 3] - actual[i * 10]), p[i * 10 + 3] / p[i * 10], 1e-3
            * Math.exp(actual[i * 10 + 3] - actual[i * 10]));
      }
    }
  }

  @Test
  void djlBlockWeightsAreReadInOnnxOrder() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      Block block = LeNet5.builder().build().newBlock();
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
      LeNetWeights w = LeNetWeights.random(9);
      Iterator<float[]> arrays = w.arrays().iterator();
      for (Pair<String, Parameter> p : block.getParameters()) {
        p.getValue().getArray().set(arrays.next());
      }
      assertEquals(w.arrays().size(), block.getParameters().size());
      LeNetWeights read = DjlWeights.from(block);
      for (int i = 0; i < w.arrays().size(); i++) {
        assertEquals(List.of(), diff(w.arrays().get(i), read.arrays().get(i)), LeNetWeights.NAMES.get(i));
      }
      float[] x = randomImages(5, 3);
      float[] djl = OnnxExport.djlLogits(block, manager, x, 0, 5);
      float[] reference = ReferenceLeNet.logits(w, x, 5);
      for (int k = 0; k < djl.length; k++) {
        assertEquals(reference[k], djl[k], 1e-4 * Math.max(1, Math.abs(reference[k])), "logit " + k);
      }
    }
  }

  private static List<Integer> diff(float[] a, float[] b) {
    return java.util.stream.IntStream.range(0, Math.max(a.length, b.length))
        .filter(i -> i >= a.length || i >= b.length || a[i] != b[i]).limit(3).boxed().toList();
  }

  private static double sum(float[] p, int row) {
    double s = 0;
    for (int c = 0; c < 10; c++) {
      s += p[row * 10 + c];
    }
    return s;
  }
}
