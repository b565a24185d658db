package io.lenetedge.common;

import java.util.Objects;

/**
 * A failure the user can fix: bad usage, a missing model, bad input, a missing provider or GPIO,
 * or work that failed its own check. The message names what failed and the fix; the {@link Kind}
 * decides the exit code. Anything else that escapes a command is a bug.
 */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, which decides the exit code; the descriptions are the help's list. */
  public enum Kind {
    FAILED(1, "failed its own check or could not write its output; or a bug"),
    USAGE(2, "bad usage"),
    MODEL(3, "model or checkpoint missing or unusable"),
    INPUT(4, "bad input, data or source"),
    PROVIDER(5, "execution provider unavailable"),
    GPIO(6, "GPIO unavailable");

    private final int exitCode;
    private final String description;

    Kind(int exitCode, String description) {
      this.exitCode = exitCode;
      this.description = description;
    }

    public int exitCode() {
      return exitCode;
    }

    /** A few words for the help's exit-code list. */
    public String description() {
      return description;
    }
  }

  private final Kind kind;

  public UserError(Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public UserError(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }

  public int exitCode() {
    return kind.exitCode();
  }
}
