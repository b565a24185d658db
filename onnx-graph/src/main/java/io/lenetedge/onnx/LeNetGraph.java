package io.lenetedge.onnx;

import static io.lenetedge.onnx.OnnxAttr.integer;
import static io.lenetedge.onnx.OnnxAttr.ints;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import io.lenetedge.common.LeNetWeights;
import io.lenetedge.common.ModelContract;
import java.util.List;
import java.util.Map;

/**
 * The LeNet-5 variant as an ONNX model: IR 8, opset 17, plain operators with constant attributes.
 * Normalisation is inside the graph and the pad of 2 is folded into the first Conv's {@code pads}.
 * The defaults give the shipped contract ({@code image} [N,1,28,28] in [0,1] to {@code logits} and
 * {@code probabilities}); the options make other MNIST-like models for the runtime's tests.
 */
public final class LeNetGraph {
  public static final long IR_VERSION = 8;
  public static final long OPSET = 17;

  private final String inputName;
  private final String logitsName;
  private final String probabilitiesName;
  private final Object batch;
  private final float inputScale;
  private final boolean normalize;

  private LeNetGraph(Builder b) {
    this.inputName = b.inputName;
    this.logitsName = b.logitsName;
    this.probabilitiesName = b.probabilitiesName;
    this.batch = b.batch;
    this.inputScale = b.inputScale;
    this.normalize = b.normalize;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The graph alone. */
  public OnnxGraph graph(LeNetWeights w) {
    OnnxGraph g = new OnnxGraph("lenet5");
    OnnxRef h = g.input(inputName, List.of(batch, 1L, 28L, 28L));
    if (normalize) {
      h = g.apply(OnnxOp.SUB, "centered", List.of(h,
          g.floats("mean", new long[] {1}, new float[] {ModelContract.MEAN * inputScale})));
      h = g.apply(OnnxOp.DIV, "normalized", List.of(h,
          g.floats("std", new long[] {1}, new float[] {ModelContract.STD * inputScale})));
    }
    h = conv(g, "conv1", h, w.conv1Weight(), w.conv1Bias(), 0, 2);
    h = pool(g, "pool1", g.apply(OnnxOp.RELU, "relu1", List.of(h)));
    h = conv(g, "conv2", h, w.conv2Weight(), w.conv2Bias(), 2, 0);
    h = pool(g, "pool2", g.apply(OnnxOp.RELU, "relu2", List.of(h)));
    h = conv(g, "conv3", h, w.conv3Weight(), w.conv3Bias(), 4, 0);
    h = g.apply(OnnxOp.RELU, "relu3", List.of(h));
    h = g.apply(OnnxOp.FLATTEN, "flatten", List.of(h), integer("axis", 1));
    h = dense(g, "fc1", h, w.fc1Weight(), w.fc1Bias(), 6);
    h = g.apply(OnnxOp.RELU, "relu4", List.of(h));
    OnnxRef logits = dense(g, logitsName, h, w.fc2Weight(), w.fc2Bias(), 8);
    g.output(logits, List.of(batch, (long) ModelContract.CLASSES));
    if (probabilitiesName != null) {
      OnnxRef probabilities = g.apply(OnnxOp.SOFTMAX, probabilitiesName, List.of(logits),
          integer("axis", 1));
      g.output(probabilities, List.of(batch, (long) ModelContract.CLASSES));
    }
    return g;
  }

  /** The whole model: graph, opset, producer and metadata. */
  public ModelProto model(LeNetWeights w, ModelInfo info) {
    ModelProto.Builder m = ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setProducerName(info.producerName())
        .setProducerVersion(info.producerVersion())
        .setModelVersion(info.modelVersion())
        .setDocString(info.docString())
        .setGraph(graph(w).build());
    for (Map.Entry<String, String> e : info.metadata().entrySet()) {
      m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue()));
    }
    return m.build();
  }

  private static OnnxRef conv(OnnxGraph g, String name, OnnxRef in, float[] weight, float[] bias,
      int shapeIndex, long pad) {
    long[] shape = LeNetWeights.SHAPES.get(shapeIndex);
    return g.apply(OnnxOp.CONV, name, List.of(in,
            g.floats(name + ".weight", shape, weight),
            g.floats(name + ".bias", LeNetWeights.SHAPES.get(shapeIndex + 1), bias)),
        ints("kernel_shape", shape[2], shape[3]), ints("pads", pad, pad, pad, pad),
        ints("strides", 1, 1));
  }

  private static OnnxRef pool(OnnxGraph g, String name, OnnxRef in) {
    return g.apply(OnnxOp.AVERAGE_POOL, name, List.of(in), ints("kernel_shape", 2, 2),
        ints("strides", 2, 2));
  }

  private static OnnxRef dense(OnnxGraph g, String name, OnnxRef in, float[] weight, float[] bias,
      int shapeIndex) {
    return g.apply(OnnxOp.GEMM, name, List.of(in,
            g.floats(name + ".weight", LeNetWeights.SHAPES.get(shapeIndex), weight),
            g.floats(name + ".bias", LeNetWeights.SHAPES.get(shapeIndex + 1), bias)),
        integer("transB", 1));
  }

  /** Options of the graph; the defaults are the shipped contract. */
  public static final class Builder {
    private String inputName = ModelContract.INPUT;
    private String logitsName = ModelContract.OUTPUT_LOGITS;
    private String probabilitiesName = ModelContract.OUTPUT_PROBABILITIES;
    private Object batch = "N";
    private float inputScale = 1f;
    private boolean normalize = true;

    private Builder() {}

    public Builder optInputName(String name) {
      this.inputName = name;
      return this;
    }

    public Builder optLogitsName(String name) {
      this.logitsName = name;
      return this;
    }

    /** Name of the softmax output, or null for a model with logits only. */
    public Builder optProbabilitiesName(String name) {
      this.probabilitiesName = name;
      return this;
    }

    /** A fixed batch size instead of the dynamic {@code N}. */
    public Builder optFixedBatch(long size) {
      this.batch = size;
      return this;
    }

    /** 255 for a model that takes pixels in [0,255]; the normalisation constants follow. */
    public Builder optInputScale(float scale) {
      this.inputScale = scale;
      return this;
    }

    /** False for a model that expects already normalised input. */
    public Builder optNormalize(boolean normalize) {
      this.normalize = normalize;
      return this;
    }

    public LeNetGraph build() {
      return new LeNetGraph(this);
    }
  }
}
