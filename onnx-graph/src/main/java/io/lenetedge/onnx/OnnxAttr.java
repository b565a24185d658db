package io.lenetedge.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import java.util.Arrays;

/** Constant node attributes. */
public final class OnnxAttr {
  private OnnxAttr() {}

  public static AttributeProto ints(String name, long... values) {
    return AttributeProto.newBuilder().setName(name)
        .setType(AttributeProto.AttributeType.INTS)
        .addAllInts(Arrays.stream(values).boxed().toList()).build();
  }

  public static AttributeProto integer(String name, long value) {
    return AttributeProto.newBuilder().setName(name)
        .setType(AttributeProto.AttributeType.INT).setI(value).build();
  }
}
