package io.lenetedge.trainer;

/** A training run that cannot go on; the message says why and what to do. */
public final class TrainerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TrainerException(String message) {
    super(message);
  }

  public TrainerException(String message, Throwable cause) {
    super(message, cause);
  }
}
