package io.lenetedge.edge.source;

/** A frame source that cannot start or go on; the message names the source and the fix. Exit 4. */
public final class SourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SourceException(String message) {
    super(message);
  }

  public SourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
