package io.lenetedge.edge.gpio;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where the board is wired: the BCM numbers of the seven segment pins (a to g), whether the display
 * is common anode, the status LED and push button pins (-1: not fitted), the button's active level,
 * the long-press time and an optional GPIO chip name.
 */
public record GpioSettings(int[] segments, boolean commonAnode, int led, int button,
    boolean buttonActiveLow, long longPressMillis, String chip) {
  /** The highest BCM number on the 40-pin header. */
  public static final int MAX_BCM = 27;

  public GpioSettings {
    segments = segments.clone();
    if (segments.length != 7) {
      throw new UserError(USAGE, "gpio.segments needs 7 pins (a,b,c,d,e,f,g), got "
          + segments.length);
    }
    Set<Integer> used = new HashSet<>();
    for (int pin : segments) {
      checkPin("gpio.segments", pin, used);
    }
    if (led >= 0) {
      checkPin("gpio.led", led, used);
    }
    if (button >= 0) {
      checkPin("gpio.button", button, used);
    }
    if (longPressMillis < 1) {
      throw new UserError(USAGE, "gpio.long-press-ms must be at least 1, got " + longPressMillis);
    }
  }

  private static void checkPin(String key, int pin, Set<Integer> used) {
    if (pin < 0 || pin > MAX_BCM) {
      throw new UserError(USAGE, key + ": BCM pin " + pin + " is not on the 40-pin header"
          + " (expected 0-" + MAX_BCM + ")");
    }
    if (!used.add(pin)) {
      throw new UserError(USAGE, key + ": BCM pin " + pin + " is used twice");
    }
  }

  /** Parses "5,6,13,19,26,16,20" (segments a to g). */
  public static int[] parseSegments(String s) {
    try {
      return Arrays.stream(s.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      throw new UserError(USAGE, "gpio.segments must be 7 BCM pin numbers separated by"
          + " commas (a,b,c,d,e,f,g), got '" + s + "'");
    }
  }

  /** The display's common pin: {@code --gpio-common}. */
  public enum Common {
    CATHODE, ANODE;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The pressed button's level: {@code low} (to ground, pull-up) or {@code high}. */
  public enum Level {
    LOW, HIGH;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Override
  public String toString() {
    return "segments a-g on BCM " + Arrays.toString(segments) + " (common "
        + (commonAnode ? "anode" : "cathode") + "), status LED "
        + (led >= 0 ? "on BCM " + led : "none") + ", button "
        + (button >= 0 ? "on BCM " + button + " (active " + (buttonActiveLow ? "low" : "high") + ")" : "none");
  }
}
