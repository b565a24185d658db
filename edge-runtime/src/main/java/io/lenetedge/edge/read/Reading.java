package io.lenetedge.edge.read;

import io.lenetedge.image.MnistStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one frame or image reads: lines of digits, top to bottom, each left to right. A digit the
 * model is unsure of (under {@code --min-confidence}) reads as {@code ?}. Pure.
 *
 * @param lines the lines; empty when nothing was found
 */
public record Reading(List<Line> lines) {
  /** Nothing read. */
  public static final Reading NONE = new Reading(List.of());
  /** What an unsure or missing digit reads as. */
  public static final char UNSURE = '?';

  public Reading {
    lines = List.copyOf(lines);
  }

  /**
   * One digit read.
   *
   * @param digit the class, or -1 when unsure or when nothing was found in its place
   * @param confidence the model's probability of its best class (0 when nothing was found)
   * @param probabilities every class's probability; null when nothing was found
   * @param prepared the model input and the digit's box in the frame; null when nothing was found
   * @param spaceBefore whether a gap wider than about a digit comes before it
   */
  public record Digit(int digit, float confidence, float[] probabilities,
      MnistStyle.Prepared prepared, boolean spaceBefore) {
    /** Whether the digit is known (not {@code ?}). */
    public boolean known() {
      return digit >= 0;
    }

    /** The digit's character in a text: its class as a decimal digit, or {@code ?}. */
    public char symbol() {
      return digit >= 0 && digit <= 9 ? (char) ('0' + digit) : UNSURE;
    }
  }

  /**
   * One line of digits.
   *
   * @param digits left to right
   */
  public record Line(List<Digit> digits) {
    public Line {
      digits = List.copyOf(digits);
    }

    /** The digits as text, a space where a wide gap is, {@code ?} for unsure digits. */
    public String text() {
      StringBuilder sb = new StringBuilder(digits.size() + 2);
      for (Digit d : digits) {
        if (d.spaceBefore() && !sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(d.symbol());
      }
      return sb.toString();
    }

    /** The probability that every digit is right: the product of their confidences. */
    public float confidence() {
      double p = 1;
      for (Digit d : digits) {
        p *= d.confidence();
      }
      return (float) p;
    }
  }

  /** The lines' texts joined by newlines; empty when nothing was read. */
  public String text() {
    List<String> texts = new ArrayList<>(lines.size());
    for (Line l : lines) {
      texts.add(l.text());
    }
    return String.join("\n", texts);
  }

  /** The probability that the whole reading is right. */
  public float confidence() {
    double p = lines.isEmpty() ? 0 : 1;
    for (Line l : lines) {
      p *= l.confidence();
    }
    return (float) p;
  }

  /** All digits, line after line. */
  public List<Digit> digits() {
    List<Digit> all = new ArrayList<>();
    for (Line l : lines) {
      all.addAll(l.digits());
    }
    return all;
  }

  /** How many digits (known or not) were read. */
  public int count() {
    int n = 0;
    for (Line l : lines) {
      n += l.digits().size();
    }
    return n;
  }

  /** The digit when exactly one was read. */
  public Optional<Digit> single() {
    return count() == 1 ? Optional.of(lines.get(0).digits().get(0)) : Optional.empty();
  }
}
