package io.lenetedge.edge.gpio;

/**
 * Turns a push button's presses and releases into gestures: a short press (a trigger) or a long
 * press of at least {@code longPressMillis} (switch mode). Pure: times are passed in; not thread
 * safe (GPIO events for one pin arrive in order on one thread).
 */
public final class ButtonGestures {
  /** What a completed press means. */
  public enum Gesture { NONE, SHORT_PRESS, LONG_PRESS }

  private final long longPressNanos;
  private long pressedAt = -1;

  public ButtonGestures(long longPressMillis) {
    if (longPressMillis < 1) {
      throw new IllegalArgumentException("gpio.long-press-ms must be at least 1, got " + longPressMillis);
    }
    this.longPressNanos = longPressMillis * 1_000_000L;
  }

  /** The button went down (pressed, {@code true}) or up at {@code nanos}; returns the gesture it ends. */
  public Gesture onEdge(boolean pressed, long nanos) {
    if (pressed) {
      if (pressedAt < 0) {
        pressedAt = nanos;
      }
      return Gesture.NONE;
    }
    if (pressedAt < 0) {
      return Gesture.NONE;
    }
    long held = nanos - pressedAt;
    pressedAt = -1;
    return held >= longPressNanos ? Gesture.LONG_PRESS : Gesture.SHORT_PRESS;
  }
}
