package io.lenetedge.edge.cli;

import io.lenetedge.edge.gpio.GpioSettings;
import picocli.CommandLine.Option;

/** The {@code run} options for the board: {@code --gpio} and where things are wired (BCM numbers). */
public final class GpioOptions {
  @Option(names = "--gpio", arity = "0..1", description = "Drive the 7-segment display, status LED and button"
      + " (Raspberry Pi; pins from --gpio-* or the config file's gpio.* keys).")
  boolean enabled;

  @Option(names = "--gpio-segments", paramLabel = "a,b,c,d,e,f,g", defaultValue = "5,6,13,19,26,16,20",
      description = "BCM pins of segments a to g (default: ${DEFAULT-VALUE}).")
  String segments;

  @Option(names = "--gpio-common", paramLabel = "PIN", defaultValue = "cathode",
      description = "The display's common pin: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  GpioSettings.Common common;

  @Option(names = "--gpio-led", paramLabel = "BCM", defaultValue = "21",
      description = "Status LED pin, -1 for none (default: ${DEFAULT-VALUE}).")
  int led;

  @Option(names = "--gpio-button", paramLabel = "BCM", defaultValue = "12",
      description = "Mode button pin, -1 for none (default: ${DEFAULT-VALUE}).")
  int button;

  @Option(names = "--gpio-button-active", paramLabel = "LEVEL", defaultValue = "low",
      description = "Level of the pressed button: ${COMPLETION-CANDIDATES}; low: to ground, with"
          + " the pull-up (default: ${DEFAULT-VALUE}).")
  GpioSettings.Level buttonActive;

  @Option(names = "--gpio-long-press-ms", defaultValue = "1000",
      description = "Holding the button this long switches continuous/trigger mode (default: ${DEFAULT-VALUE}).")
  long longPressMillis;

  @Option(names = "--gpio-chip", paramLabel = "NAME",
      description = "GPIO chip label (default: Pi4J picks the board's own).")
  String chip;

  /** The wiring, checked; null without {@code --gpio}. */
  GpioSettings settings() {
    if (!enabled) {
      return null;
    }
    return new GpioSettings(GpioSettings.parseSegments(segments), common == GpioSettings.Common.ANODE,
        led, button, buttonActive == GpioSettings.Level.LOW, longPressMillis, chip);
  }
}
