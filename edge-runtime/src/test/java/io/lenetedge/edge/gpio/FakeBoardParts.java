package io.lenetedge.edge.gpio;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Board parts in memory: records each digit shown, each LED level and the shutdown, in order, and
 * lets a test press the button. A display made to fail throws on every digit.
 */
final class FakeBoardParts implements BoardParts {
  private final List<String> events = new ArrayList<>();
  private final List<Integer> shown = new ArrayList<>();
  private final StringBuilder ledLevels = new StringBuilder();
  private final SegmentDisplay display = new Display();
  private final StatusLed led;
  private final Button button;
  private Button.Listener listener;
  private int digit = -1;
  private boolean lit;
  private boolean failDisplay;

  private FakeBoardParts(boolean withLedAndButton) {
    this.led = withLedAndButton ? new Led() : null;
    this.button = withLedAndButton ? l -> listener = l : null;
  }

  /** A display, a status LED and a button. */
  static FakeBoardParts full() {
    return new FakeBoardParts(true);
  }

  /** A display alone. */
  static FakeBoardParts displayOnly() {
    return new FakeBoardParts(false);
  }

  /** Every digit shown from now on throws. */
  void failDisplay() {
    failDisplay = true;
  }

  /** "show 3", "led on", "shutdown", … in the order they happened. */
  List<String> events() {
    return events;
  }

  /** The digits shown, in order (-1: blank). */
  List<Integer> shown() {
    return shown;
  }

  /** The LED's level after each change, H or L. */
  String ledLevels() {
    return ledLevels.toString();
  }

  boolean lit() {
    return lit;
  }

  /** The button goes down ({@code true}) or up. */
  void button(boolean pressed) {
    listener.onEdge(pressed);
  }

  @Override
  public SegmentDisplay display() {
    return display;
  }

  @Override
  public Optional<StatusLed> led() {
    return Optional.ofNullable(led);
  }

  @Override
  public Optional<Button> button() {
    return Optional.ofNullable(button);
  }

  @Override
  public void shutdown() {
    events.add("shutdown");
  }

  private final class Display implements SegmentDisplay {
    @Override
    public void show(int d) {
      if (failDisplay) {
        throw new IllegalStateException("segment pin busy");
      }
      digit = d;
      shown.add(d);
      events.add("show " + d);
    }

    @Override
    public String levels() {
      return "digit=" + digit;
    }
  }

  private final class Led implements StatusLed {
    @Override
    public void light(boolean on) {
      lit = on;
      ledLevels.append(on ? 'H' : 'L');
      events.add("led " + (on ? "on" : "off"));
    }

    @Override
    public String level() {
      return lit ? "on" : "off";
    }
  }
}
