package io.lenetedge.edge.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The board's parts on Pi4J pins, wired as {@link GpioSettings} say. Every output is configured
 * to start dark and to end dark when Pi4J shuts down (a segment is dark LOW on a common-cathode
 * display, HIGH on a common-anode one; the LED is dark LOW); the button's input gets the pull
 * resistor that holds it at its released level.
 */
public final class Pi4jBoardParts implements BoardParts {
  private static final long DEBOUNCE_MICROS = 10_000L;

  private final Context pi4j;
  private final SegmentDisplay display;
  private final StatusLed led;
  private final Button button;

  private Pi4jBoardParts(Context pi4j, GpioSettings settings) {
    this.pi4j = pi4j;
    this.display = new Display(pi4j, settings);
    this.led = settings.led() < 0 ? null : new Led(pi4j, settings.led());
    this.button = settings.button() < 0 ? null : new PushButton(pi4j, settings);
  }

  /**
   * Creates the pins of {@code settings} in {@code pi4j}; {@link #shutdown()} shuts the context
   * down.
   *
   * @throws com.pi4j.exception.Pi4JException when a pin cannot be created (taken, or no provider)
   */
  public static Pi4jBoardParts create(GpioSettings settings, Context pi4j) {
    return new Pi4jBoardParts(pi4j, settings);
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
    pi4j.shutdown();
  }

  private static DigitalOutput output(Context pi4j, String id, String name, int bcm,
      DigitalState dark) {
    return pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(id).name(name).address(bcm)
        .initial(dark).shutdown(dark));
  }

  private static DigitalState state(boolean high) {
    return high ? DigitalState.HIGH : DigitalState.LOW;
  }

  /** Seven outputs, ids {@code segment-a} to {@code segment-g}. */
  private static final class Display implements SegmentDisplay {
    private final List<DigitalOutput> segments = new ArrayList<>();
    private final boolean commonAnode;

    Display(Context pi4j, GpioSettings settings) {
      this.commonAnode = settings.commonAnode();
      for (int i = 0; i < 7; i++) {
        char c = SegmentPatterns.NAMES.charAt(i);
        segments.add(output(pi4j, "segment-" + c, "7-segment " + c, settings.segments()[i],
            state(commonAnode)));
      }
    }

    @Override
    public void show(int digit) {
      boolean[] levels = SegmentPatterns.levels(digit, commonAnode);
      for (int i = 0; i < 7; i++) {
        segments.get(i).state(state(levels[i]));
      }
    }

    @Override
    public String levels() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 7; i++) {
        sb.append(i == 0 ? "" : " ").append(SegmentPatterns.NAMES.charAt(i)).append('=')
            .append(segments.get(i).state());
      }
      return sb.toString();
    }
  }

  /** One output, id {@code status-led}. */
  private static final class Led implements StatusLed {
    private final DigitalOutput pin;

    Led(Context pi4j, int bcm) {
      this.pin = output(pi4j, "status-led", "status LED", bcm, DigitalState.LOW);
    }

    @Override
    public void light(boolean on) {
      pin.state(state(on));
    }

    @Override
    public String level() {
      return pin.state().toString();
    }
  }

  /** One input, id {@code mode-button}, debounced by Pi4J. */
  private static final class PushButton implements Button {
    private final DigitalInput pin;
    private final boolean activeLow;

    PushButton(Context pi4j, GpioSettings settings) {
      this.activeLow = settings.buttonActiveLow();
      this.pin = pi4j.create(DigitalInput.newConfigBuilder(pi4j).id("mode-button")
          .name("mode button").address(settings.button())
          .pull(activeLow ? PullResistance.PULL_UP : PullResistance.PULL_DOWN)
          .debounce(DEBOUNCE_MICROS));
    }

    @Override
    public void listen(Listener listener) {
      pin.addListener((DigitalStateChangeListener) e -> listener.onEdge(e.state().isLow() == activeLow));
    }
  }
}
