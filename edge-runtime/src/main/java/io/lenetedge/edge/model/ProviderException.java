package io.lenetedge.edge.model;

/** An execution provider that was asked for by name and cannot work here. Exit code 5. */
public final class ProviderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProviderException(String message, Throwable cause) {
    super(message, cause);
  }
}
