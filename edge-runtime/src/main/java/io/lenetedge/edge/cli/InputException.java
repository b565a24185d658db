package io.lenetedge.edge.cli;

/** Input the user pointed at that cannot be used (no images found, some unreadable). Exit code 4. */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }
}
