package io.lenetedge.edge.model;

/** A model that cannot be used: missing, not ONNX, or not an MNIST-like classifier. Exit code 3. */
public final class ModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
