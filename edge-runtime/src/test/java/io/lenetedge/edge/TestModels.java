package io.lenetedge.edge;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import io.lenetedge.common.LeNetWeights;
import io.lenetedge.onnx.LeNetGraph;
import io.lenetedge.onnx.ModelInfo;
import io.lenetedge.onnx.OnnxAttr;
import io.lenetedge.onnx.OnnxGraph;
import io.lenetedge.onnx.OnnxOp;
import io.lenetedge.onnx.OnnxRef;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Models the runtime's tests run: the shipped one, variants of it and broken ones, made in code. */
public final class TestModels {
  public static final Path SHIPPED = Path.of("../models/lenet5.onnx");

  private TestModels() {}

  /** The trained weights inside the shipped model. */
  public static LeNetWeights shippedWeights() throws IOException {
    GraphProto g = ModelProto.parseFrom(Files.readAllBytes(SHIPPED)).getGraph();
    List<float[]> arrays = new ArrayList<>();
    for (String name : LeNetWeights.NAMES) {
      String stored = name.replace("fc2.", "logits.");
      TensorProto t = g.getInitializerList().stream().filter(i -> i.getName().equals(stored))
          .findFirst().orElseThrow(() -> new IllegalStateException("no initializer " + stored));
      var floats = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
      float[] a = new float[floats.remaining()];
      floats.get(a);
      arrays.add(a);
    }
    return LeNetWeights.of(arrays);
  }

  /** A LeNet-5 model from {@code graph} and {@code weights}, with no metadata. */
  public static Path write(Path file, LeNetGraph graph, LeNetWeights weights) throws IOException {
    return write(file, graph.model(weights, new ModelInfo("test", "0", 1, "", Map.of())));
  }

  public static Path write(Path file, ModelProto model) throws IOException {
    return Files.write(file, model.toByteArray());
  }

  /** Input [N,784] instead of [N,1,28,28]. */
  public static ModelProto flatInput() {
    OnnxGraph g = new OnnxGraph("flat");
    OnnxRef x = g.input("pixels", List.of("N", 784L));
    OnnxRef y = g.apply(OnnxOp.GEMM, "scores", List.of(x, g.floats("w", new long[] {10, 784},
        random(7840)), g.floats("b", new long[] {10}, random(10))), OnnxAttr.integer("transB", 1));
    g.output(y, List.of("N", 10L));
    return model(g.build());
  }

  /** A right-shaped input feeding only {@code classes} outputs. */
  public static ModelProto fewClasses(int classes) {
    OnnxGraph g = new OnnxGraph("few");
    OnnxRef x = g.input("image", List.of("N", 1L, 28L, 28L));
    OnnxRef flat = g.apply(OnnxOp.FLATTEN, "flat", List.of(x), OnnxAttr.integer("axis", 1));
    OnnxRef y = g.apply(OnnxOp.GEMM, "scores", List.of(flat, g.floats("w",
        new long[] {classes, 784}, random(classes * 784)), g.floats("b", new long[] {classes},
        random(classes))), OnnxAttr.integer("transB", 1));
    g.output(y, List.of("N", (long) classes));
    return model(g.build());
  }

  /** The LeNet-5 graph behind an INT64 input that is cast to float. */
  public static ModelProto int64Input() {
    GraphProto lenet = LeNetGraph.builder().build().graph(LeNetWeights.random(1)).build();
    GraphProto.Builder g = lenet.toBuilder();
    var input = g.getInput(0).toBuilder().setName("raw");
    input.getTypeBuilder().getTensorTypeBuilder().setElemType(TensorProto.DataType.INT64_VALUE);
    g.setInput(0, input);
    g.addNode(0, NodeProto.newBuilder().setOpType("Cast").addInput("raw").addOutput("image")
        .addAttribute(AttributeProto.newBuilder().setName("to").setType(AttributeProto.AttributeType.INT)
            .setI(TensorProto.DataType.FLOAT_VALUE)));
    return model(g.build());
  }

  private static ModelProto model(GraphProto graph) {
    return ModelProto.newBuilder().setIrVersion(LeNetGraph.IR_VERSION).addOpsetImport(
        OperatorSetIdProto.newBuilder().setVersion(LeNetGraph.OPSET)).setGraph(graph).build();
  }

  private static float[] random(int n) {
    SplittableRandom rng = new SplittableRandom(n);
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) rng.nextGaussian() * 0.05f;
    }
    return a;
  }
}
