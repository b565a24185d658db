package io.lenetedge.edge.run;

/**
 * Which processed frames get a JSON line on stdout: {@code every} one (the default), only
 * {@code changes} of the decision (a digit, a text, a meter value or status: a service writing
 * to the journal), or {@code none}.
 * Not thread safe.
 */
public final class PrintPolicy {
  /** The choices of {@code --print}. */
  public enum Mode {
    EVERY, CHANGES, NONE;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Mode mode;
  private boolean printedAny;
  private String lastKey;

  public PrintPolicy(Mode mode) {
    this.mode = mode;
  }

  /** Whether the line of a frame whose decision is {@code key} ({@link Decision#key()}) is printed. */
  public boolean print(String key, boolean triggered) {
    boolean print = switch (mode) {
      case EVERY -> true;
      case CHANGES -> triggered || !printedAny || !key.equals(lastKey);
      case NONE -> false;
    };
    if (print) {
      printedAny = true;
      lastKey = key;
    }
    return print;
  }
}
