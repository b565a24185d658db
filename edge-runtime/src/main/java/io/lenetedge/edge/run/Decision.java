package io.lenetedge.edge.run;

import java.util.Objects;

/**
 * What the loop decided for one frame, in the form its reading mode gives: one digit
 * ({@code --read digit}), a text of digits in lines ({@code --read number}), or a meter value
 * ({@code --digits}). {@code --read auto} gives a digit or a text frame by frame.
 *
 * @param kind which of the three
 * @param digit the digit, or -1 for none (digit decisions only)
 * @param confidence the (smoothed) probability of what was decided; for a digit decision without
 *     a digit, the best class's probability (0 when no ink was found)
 * @param text the digits read, lines joined by newlines, {@code ?} for an unsure digit; null when
 *     nothing was read (text decisions only)
 * @param meter the meter's value and what this frame read (meter decisions only)
 */
public record Decision(Kind kind, int digit, float confidence, String text, MeterValue meter) {
  /** The three forms of a decision. */
  public enum Kind { DIGIT, TEXT, METER }

  /** No digit. */
  public static final Decision NONE = digit(-1, 0f);

  public Decision {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.METER) {
      Objects.requireNonNull(meter, "a meter decision needs its meter value");
    }
  }

  /** A digit decision: {@code digit} (-1 for none) at {@code confidence}. */
  public static Decision digit(int digit, float confidence) {
    return new Decision(Kind.DIGIT, digit, confidence, null, null);
  }

  /** A text decision; {@code text} null when nothing was read. */
  public static Decision text(String text, float confidence) {
    return new Decision(Kind.TEXT, -1, text == null ? 0f : confidence, text, null);
  }

  /** A meter decision. */
  public static Decision meter(MeterValue meter, float confidence) {
    return new Decision(Kind.METER, -1, confidence, null, meter);
  }

  /** Whether a single digit was decided. */
  public boolean hasDigit() {
    return kind == Kind.DIGIT && digit >= 0;
  }

  /** Whether this decision names something: a digit, a text, or an accepted meter value. */
  public boolean found() {
    return switch (kind) {
      case DIGIT -> digit >= 0;
      case TEXT -> text != null;
      case METER -> meter.status() == ReadingStatus.OK;
    };
  }

  /** {@code ok} when something was decided, else why not ({@code no reading}, rejections). */
  public ReadingStatus status() {
    return kind == Kind.METER ? meter.status()
        : found() ? ReadingStatus.OK : ReadingStatus.NO_READING;
  }

  /**
   * The digit a one-digit display shows: the digit, the last digit of a text, or the last digit
   * of the meter's value; -1 for a blank display.
   */
  public int shownDigit() {
    String s = switch (kind) {
      case DIGIT -> null;
      case TEXT -> text;
      case METER -> meter.value() == null ? null : meter.value().toPlainString();
    };
    if (kind == Kind.DIGIT) {
      return digit;
    }
    if (s != null) {
      for (int i = s.length() - 1; i >= 0; i--) {
        char c = s.charAt(i);
        if (c >= '0' && c <= '9') {
          return c - '0';
        }
        if (c != '.') {
          return -1;
        }
      }
    }
    return -1;
  }

  /** What a change of decision is judged by ({@code --print changes}). */
  public String key() {
    return switch (kind) {
      case DIGIT -> String.valueOf(digit);
      case TEXT -> String.valueOf(text);
      case METER -> meter.value() + " " + meter.status();
    };
  }
}
