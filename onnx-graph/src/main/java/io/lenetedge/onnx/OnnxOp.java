package io.lenetedge.onnx;

/** The ONNX operators (default domain) the exporter writes; exactly what LeNet-5 needs. */
public enum OnnxOp {
  SUB("Sub", 2),
  DIV("Div", 2),
  CONV("Conv", 3),
  RELU("Relu", 1),
  AVERAGE_POOL("AveragePool", 1),
  FLATTEN("Flatten", 1),
  GEMM("Gemm", 3),
  SOFTMAX("Softmax", 1);

  private final String opType;
  private final int inputs;

  OnnxOp(String opType, int inputs) {
    this.opType = opType;
    this.inputs = inputs;
  }

  /** The ONNX op_type. */
  public String opType() {
    return opType;
  }

  /** How many inputs the exporter passes to it. */
  public int inputs() {
    return inputs;
  }
}
