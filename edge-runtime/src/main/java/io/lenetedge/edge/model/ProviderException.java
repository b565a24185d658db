package io.lenetedge.edge.model;

/** An execution provider that was asked for by name and cannot work here. Exit code 5. */
public final class ProviderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  /**
   * @param message what failed and what to do
   * @param reason the cause in a few words, for one-line logs
   */
  public ProviderException(String message, String reason, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
