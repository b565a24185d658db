package io.lenetedge.exporter;

/** An export that cannot be made or did not verify; the message names the figures and the fix. */
public final class ExportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, which decides the exit code. */
  public enum Reason { CHECKPOINT, VERIFICATION, OUTPUT }

  private final Reason reason;

  public ExportException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ExportException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
