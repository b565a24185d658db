package io.lenetedge.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.lenetedge.common.LeNetWeights;
import io.lenetedge.common.ModelContract.Meta;
import io.lenetedge.onnx.LeNetGraph;
import io.lenetedge.onnx.ModelInfo;
import io.lenetedge.trainer.CheckpointDescription;
import io.lenetedge.trainer.LeNet5;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataRoundTripTest {
  @TempDir Path dir;

  static CheckpointDescription description() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("train-images-idx3-ubyte", "aa");
    data.put("t10k-labels-idx1-ubyte", "bb");
    return new CheckpointDescription(1, "lenet5-avgpool-relu", LeNet5.LAYERS, LeNet5.PARAMETERS,
        List.of(1, 1, 28, 28), "[0,1]", 0.1307f, 0.3081f, 2, 0.25f, "lenet5.params", "cc", true,
        data, new CheckpointDescription.Recipe(20, 128, 0.003f, "cosine", 42, 5000, true, 0.25f,
            "adam", true, true, "data/fonts", 0.1f, 0.1f, 0.1f, null, 0.1f, 0, null, "last"), 20,
        17, 0.9921, 0.9943, "cpu()", Map.of("djl", "0.36.0", "trainer", "0.1.0"),
        "2026-01-01T00:00:00Z");
  }

  @Test
  void whatTheExporterWritesIsWhatOnnxRuntimeReads() throws Exception {
    LeNetWeights w = LeNetWeights.random(1);
    ModelInfo info = ExportMetadata.of(description(), w, Instant.parse("2026-11-29T10:00:00Z"));
    Path file = dir.resolve("m.onnx");
    Files.write(file, LeNetGraph.builder().build().model(w, info).toByteArray());

    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions())) {
      var meta = session.getMetadata();
      assertEquals(info.metadata(), meta.getCustomMetadata());
      assertEquals("lenet-edge exporter", meta.getProducerName());
      assertEquals(info.docString(), meta.getDescription());
      assertEquals(1, meta.getVersion());
      assertEquals(Set.of("image"), session.getInputNames());
      assertEquals(Set.of("logits", "probabilities"), session.getOutputNames());
    }
    Map<String, String> m = info.metadata();
    assertEquals("0.9943", m.get("accuracy.test"));
    assertEquals("0.9921", m.get("accuracy.validation"));
    assertEquals("aa", m.get("training.data.sha256.train-images-idx3-ubyte"));
    assertEquals("17", m.get("training.best_epoch"));
    assertEquals("0.1307", m.get(Meta.MEAN));
    assertEquals("2026-11-29T10:00:00Z", m.get("created"));
    assertEquals(w.sha256(), m.get(Meta.WEIGHTS_SHA256));
    assertTrue(!w.sha256().equals(LeNetWeights.random(2).sha256()));
  }

  @Test
  void graphUsesOnlyPlainOperatorsAtOpset17AndFoldsThePad() throws Exception {
    ModelProto model = ModelProto.parseFrom(LeNetGraph.builder().build()
        .model(LeNetWeights.random(1), new ModelInfo("t", "0", 1, "", Map.of())).toByteArray());
    assertEquals(8, model.getIrVersion());
    assertEquals(17, model.getOpsetImport(0).getVersion());
    assertEquals("", model.getOpsetImport(0).getDomain());
    assertEquals(List.of("Sub", "Div", "Conv", "Relu", "AveragePool", "Conv", "Relu", "AveragePool",
        "Conv", "Relu", "Flatten", "Gemm", "Relu", "Gemm", "Softmax"),
        model.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList());
    NodeProto conv1 = model.getGraph().getNode(2);
    assertEquals(List.of(2L, 2L, 2L, 2L), conv1.getAttributeList().stream()
        .filter(a -> a.getName().equals("pads")).findFirst().orElseThrow().getIntsList());
    assertEquals("N", model.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0)
        .getDimParam());
    long weights = model.getGraph().getInitializerList().stream()
        .filter(t -> !t.getName().equals("mean") && !t.getName().equals("std"))
        .mapToLong(t -> t.getRawData().size() / 4).sum();
    assertEquals(LeNet5.PARAMETERS, weights);
    assertEquals(Set.of(), model.getGraph().getNodeList().stream()
        .map(NodeProto::getOpType).filter(t -> Set.of("Shape", "Reshape", "Gather", "Pad").contains(t))
        .collect(Collectors.toSet()));
  }
}
