package io.lenetedge.edge.gpio;

/** A 7-segment display showing one digit or nothing. */
public interface SegmentDisplay {
  /** Shows {@code digit} (0-9), or blanks the display for -1. */
  void show(int digit);

  /** What the display's pins read now, e.g. {@code a=LOW b=LOW … g=LOW}. */
  String levels();
}
