package io.lenetedge.edge.read;

import java.util.Locale;

/** What {@code --read} looks for in a frame or image. */
public enum ReadMode {
  /** The one digit nearest the centre: the first version's behaviour. */
  DIGIT,
  /** Every digit, in lines and reading order. */
  NUMBER,
  /** A number when more than one digit is found, else one digit. */
  AUTO;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
