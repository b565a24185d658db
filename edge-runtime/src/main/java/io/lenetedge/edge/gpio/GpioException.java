package io.lenetedge.edge.gpio;

/** GPIO was asked for but cannot be used here; the message says why and what to do. */
public final class GpioException extends RuntimeException {
  public GpioException(String message) {
    super(message);
  }

  public GpioException(String message, Throwable cause) {
    super(message, cause);
  }
}
