package io.lenetedge.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A graph under construction: owns the names, the initializers and the nodes, and hands out
 * {@link OnnxRef}s. Float tensors only, which is all this project's models use.
 */
public final class OnnxGraph {
  private static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;

  private final GraphProto.Builder graph = GraphProto.newBuilder();
  private final Set<String> names = new HashSet<>();

  public OnnxGraph(String name) {
    graph.setName(name);
  }

  /**
   * Declares a float graph input.
   *
   * @param dims each a {@link Long} (fixed) or a {@link String} (symbolic, e.g. "N")
   */
  public OnnxRef input(String name, List<Object> dims) {
    graph.addInput(valueInfo(claim(name), dims));
    return new OnnxRef(name);
  }

  /** Adds a float initializer (little-endian raw data). */
  public OnnxRef floats(String name, long[] dims, float[] values) {
    if (io.lenetedge.common.LeNetWeights.size(dims) != values.length) {
      throw new IllegalArgumentException(name + ": " + values.length + " values for shape "
          + Arrays.toString(dims));
    }
    ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    raw.asFloatBuffer().put(values);
    graph.addInitializer(TensorProto.newBuilder().setName(claim(name)).setDataType(FLOAT)
        .addAllDims(Arrays.stream(dims).boxed().toList())
        .setRawData(ByteString.copyFrom(raw.array())));
    return new OnnxRef(name);
  }

  /** Adds one node whose single output is named {@code output}. */
  public OnnxRef apply(OnnxOp op, String output, List<OnnxRef> inputs, AttributeProto... attrs) {
    if (inputs.size() != op.inputs()) {
      throw new IllegalArgumentException(op.opType() + " takes " + op.inputs() + " inputs, got "
          + inputs.size());
    }
    for (OnnxRef in : inputs) {
      if (!names.contains(in.name())) {
        throw new IllegalArgumentException("unknown value " + in.name() + " as input of " + output);
      }
    }
    graph.addNode(NodeProto.newBuilder().setName(output + "_node").setOpType(op.opType())
        .addAllInput(inputs.stream().map(OnnxRef::name).toList())
        .addOutput(claim(output)).addAllAttribute(Arrays.asList(attrs)));
    return new OnnxRef(output);
  }

  /** Declares {@code ref} a graph output of float type and the given shape. */
  public void output(OnnxRef ref, List<Object> dims) {
    graph.addOutput(valueInfo(ref.name(), dims));
  }

  public GraphProto build() {
    return graph.build();
  }

  private String claim(String name) {
    if (!names.add(name)) {
      throw new IllegalArgumentException("name " + name + " is already used in the graph");
    }
    return name;
  }

  private static ValueInfoProto valueInfo(String name, List<Object> dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (Object d : dims) {
      TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
      if (d instanceof String symbol) {
        dim.setDimParam(symbol);
      } else {
        dim.setDimValue(((Number) d).longValue());
      }
      shape.addDim(dim);
    }
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(FLOAT).setShape(shape))).build();
  }

}
