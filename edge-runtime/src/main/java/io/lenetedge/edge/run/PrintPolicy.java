package io.lenetedge.edge.run;

/**
 * Which processed frames get a JSON line on stdout: {@code every} one (the default), only
 * {@code changes} of the decision (a digit, a text, a meter value or status: a service writing
 * to the journal), or {@code none}.
 * Not thread safe.
 */
public final class PrintPolicy {
  /** The choices of {@code --print}. */
  public enum Mode { EVERY, CHANGES, NONE }

  private final Mode mode;
  private boolean printedAny;
  private String lastKey;

  public PrintPolicy(Mode mode) {
    this.mode = mode;
  }

  /** Parses {@code every}, {@code changes} or {@code none}. */
  public static PrintPolicy parse(String s) {
    for (Mode m : Mode.values()) {
      if (m.name().equalsIgnoreCase(s.strip())) {
        return new PrintPolicy(m);
      }
    }
    throw new IllegalArgumentException("unknown --print '" + s
        + "', expected one of [every, changes, none]");
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
