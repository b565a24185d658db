package io.lenetedge.edge.gpio;

/**
 * Which of the seven segments (a to g: top, top right, bottom right, bottom, bottom left, top left,
 * middle) light for each digit, and the pin levels that light them on a common-cathode or
 * common-anode display. Pure.
 */
public final class SegmentPatterns {
  /** Bit i set: segment "abcdefg".charAt(i) lit. */
  private static final int[] DIGITS = {
    0b0111111, // 0: a b c d e f
    0b0000110, // 1: b c
    0b1011011, // 2: a b d e g
    0b1001111, // 3: a b c d g
    0b1100110, // 4: b c f g
    0b1101101, // 5: a c d f g
    0b1111101, // 6: a c d e f g
    0b0000111, // 7: a b c
    0b1111111, // 8: all
    0b1101111, // 9: a b c d f g
  };

  public static final String NAMES = "abcdefg";

  private SegmentPatterns() {}

  /** The lit segments of {@code digit} as bits (bit 0 = a), or 0 (blank) for -1. */
  public static int segments(int digit) {
    if (digit == -1) {
      return 0;
    }
    if (digit < 0 || digit > 9) {
      throw new IllegalArgumentException("a 7-segment display shows 0-9 or blank, not " + digit);
    }
    return DIGITS[digit];
  }

  /**
   * The level of each of the seven pins (true = high): a lit segment is high on a common-cathode
   * display and low on a common-anode one.
   */
  public static boolean[] levels(int digit, boolean commonAnode) {
    int lit = segments(digit);
    boolean[] levels = new boolean[7];
    for (int i = 0; i < 7; i++) {
      levels[i] = ((lit >> i) & 1) == 1 ^ commonAnode;
    }
    return levels;
  }
}
