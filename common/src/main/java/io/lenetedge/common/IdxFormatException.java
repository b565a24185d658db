package io.lenetedge.common;

/** An IDX file that is missing, truncated or not what it claims to be; the message names the file. */
public final class IdxFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IdxFormatException(String message) {
    super(message);
  }

  public IdxFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
