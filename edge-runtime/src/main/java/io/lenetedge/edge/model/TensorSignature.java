package io.lenetedge.edge.model;

import java.util.Arrays;

/**
 * A model input or output as the runtime sees it: name, element type and shape (-1 for a dynamic
 * dimension).
 */
public record TensorSignature(String name, String elementType, long[] shape) {

  public boolean isFloat() {
    return "FLOAT".equals(elementType);
  }

  public int rank() {
    return shape.length;
  }

  @Override
  public String toString() {
    return name + " " + elementType + " " + describe(shape);
  }

  /** A shape as {@code [N,1,28,28]}, with N for dynamic dimensions. */
  public static String describe(long[] shape) {
    return Arrays.toString(Arrays.stream(shape).mapToObj(d -> d < 0 ? "N" : String.valueOf(d))
        .toArray()).replace(" ", "");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorSignature t && t.name.equals(name)
        && t.elementType.equals(elementType) && Arrays.equals(t.shape, shape);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }
}
