package io.lenetedge.edge.gpio;

/** A status LED. */
public interface StatusLed {
  void light(boolean on);

  /** What the LED's pin reads now, e.g. {@code LOW}. */
  String level();
}
