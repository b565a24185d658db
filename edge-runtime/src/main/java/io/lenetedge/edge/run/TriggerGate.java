package io.lenetedge.edge.run;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import java.util.Locale;

/**
 * Continuous or trigger mode. In continuous mode every frame is processed and every decision shown;
 * in trigger mode frames are only read until a press arms the gate, then processed until one
 * decision names something (or {@code patience} frames passed without one, which gives "no digit"),
 * and that single decision is shown. Presses and mode switches may come from any thread (a GPIO
 * button's); the rest is called by the loop.
 */
public final class TriggerGate {
  /** How the loop treats frames. */
  public enum Mode {
    CONTINUOUS, TRIGGER;

    /** Parses {@code continuous} or {@code trigger}. */
    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final int patience;
  private volatile Mode mode;
  private volatile boolean armed;
  private int waited;

  public TriggerGate(Mode mode, int patience) {
    if (patience < 1) {
      throw new UserError(USAGE, "--trigger-frames must be at least 1, got " + patience);
    }
    this.mode = mode;
    this.patience = patience;
  }

  /** A gate that is always open. */
  public static TriggerGate continuous() {
    return new TriggerGate(Mode.CONTINUOUS, 1);
  }

  public Mode mode() {
    return mode;
  }

  /** Switches between continuous and trigger mode (disarmed); returns the new mode. */
  public synchronized Mode toggle() {
    mode = mode == Mode.CONTINUOUS ? Mode.TRIGGER : Mode.CONTINUOUS;
    armed = false;
    return mode;
  }

  /** A press: in trigger mode, take one decision from the next frames. Returns whether it armed. */
  public synchronized boolean press() {
    if (mode != Mode.TRIGGER || armed) {
      return false;
    }
    waited = 0;
    armed = true;
    return true;
  }

  /** Whether the loop should process the next frame. */
  public boolean wantsFrame() {
    return mode == Mode.CONTINUOUS || armed;
  }

  /** Whether the gate was just armed and has seen no frame yet (the smoother should forget). */
  public synchronized boolean freshlyArmed() {
    return armed && waited == 0;
  }

  /**
   * The decision of a processed frame; returns it when it is one to show (always in continuous
   * mode; in trigger mode the first with a digit, or "no digit" after {@code patience} frames),
   * otherwise null.
   */
  public synchronized Decision offer(Decision d) {
    if (mode == Mode.CONTINUOUS) {
      return d;
    }
    if (!armed) {
      return null;
    }
    waited++;
    if (d.found() || waited >= patience) {
      armed = false;
      return d;
    }
    return null;
  }
}
