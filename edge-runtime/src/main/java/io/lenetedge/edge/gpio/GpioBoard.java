package io.lenetedge.edge.gpio;

import static io.lenetedge.common.UserError.Kind.GPIO;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import io.lenetedge.common.UserError;
import io.lenetedge.edge.run.Decision;
import io.lenetedge.edge.run.FrameListener;
import io.lenetedge.edge.run.FrameResult;
import io.lenetedge.edge.run.TriggerGate;
import io.lenetedge.edge.source.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The board around the runtime: the decided digit (the last digit of a number or a meter value)
 * on a 7-segment display, a status LED (on while running, blinking while the source has trouble)
 * and a push button (long press: switch between continuous and trigger mode; short press in
 * trigger mode: take one decision). Every output
 * starts dark and is configured to end dark; {@link #close()} darkens them explicitly, then shuts
 * Pi4J down, and reports the levels it read back.
 */
public final class GpioBoard implements FrameListener, AutoCloseable {
  private static final long BLINK_MILLIS = 250;
  /** The LED blinks this long after a source restart. */
  static final long RESTART_BLINK_MILLIS = 5000;
  /** The LED blinks while no frame came for this long. */
  static final long NO_FRAME_MILLIS = 2000;

  private final Context pi4j;
  private final GpioSettings settings;
  private final Consumer<String> log;
  private final List<DigitalOutput> segments = new ArrayList<>();
  private final DigitalOutput led;
  private final DigitalInput button;
  private final ScheduledExecutorService ticker;
  private final StatusPolicy policy = new StatusPolicy(RESTART_BLINK_MILLIS, NO_FRAME_MILLIS);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final IntSupplier restarts;
  private final LongSupplier nanos;
  private volatile long lastFrameAt;
  private int shown = Integer.MIN_VALUE;
  private boolean ledLit;
  private boolean warned;

  private GpioBoard(Context pi4j, GpioSettings settings, TriggerGate gate, IntSupplier restarts,
      Consumer<String> log, LongSupplier nanos, boolean autoTick) {
    this.nanos = nanos;
    this.lastFrameAt = nanos.getAsLong();
    this.pi4j = pi4j;
    this.settings = settings;
    this.restarts = restarts;
    this.log = log;
    DigitalState dark = settings.commonAnode() ? DigitalState.HIGH : DigitalState.LOW;
    for (int i = 0; i < 7; i++) {
      segments.add(pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id("segment-" + SegmentPatterns.NAMES.charAt(i))
          .name("7-segment " + SegmentPatterns.NAMES.charAt(i)).address(settings.segments()[i])
          .initial(dark).shutdown(dark)));
    }
    led = settings.led() < 0 ? null : pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id("status-led")
        .name("status LED").address(settings.led()).initial(DigitalState.LOW).shutdown(DigitalState.LOW));
    button = settings.button() < 0 ? null : pi4j.create(DigitalInput.newConfigBuilder(pi4j).id("mode-button")
        .name("mode button").address(settings.button())
        .pull(settings.buttonActiveLow() ? PullResistance.PULL_UP : PullResistance.PULL_DOWN)
        .debounce(10_000L));
    if (button != null) {
      ButtonGestures gestures = new ButtonGestures(settings.longPressMillis());
      button.addListener((DigitalStateChangeListener) e -> {
        boolean pressed = e.state().isLow() == settings.buttonActiveLow();
        switch (gestures.onEdge(pressed, nanos.getAsLong())) {
          case LONG_PRESS -> log.accept("gpio: button held: " + gate.toggle() + " mode");
          case SHORT_PRESS -> {
            if (gate.press()) {
              log.accept("gpio: button pressed: taking one decision");
            }
          }
          default -> { }
        }
      });
    }
    ticker = !autoTick ? null : Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "gpio-status-led");
      t.setDaemon(true);
      return t;
    });
    if (led != null) {
      setLed(true);
      if (ticker != null) {
        ticker.scheduleAtFixedRate(this::tick, BLINK_MILLIS, BLINK_MILLIS, TimeUnit.MILLISECONDS);
      }
    }
  }

  /**
   * Opens the board's pins. {@code gate} receives the button's gestures; {@code restarts} tells
   * the source's restart count (the LED blinks after one).
   *
   * @throws UserError (GPIO) when this machine has no usable GPIO
   */
  public static GpioBoard open(GpioSettings settings, TriggerGate gate, IntSupplier restarts,
      Consumer<String> log) {
    return open(settings, gate, restarts, log, System::nanoTime, true);
  }

  /**
   * As above on the clock {@code nanos}; without {@code autoTick} the LED changes only when
   * {@link #tick()} is called (a test stepping its own clock every {@value #BLINK_MILLIS} ms).
   */
  static GpioBoard open(GpioSettings settings, TriggerGate gate, IntSupplier restarts,
      Consumer<String> log, LongSupplier nanos, boolean autoTick) {
    Context pi4j = Pi4jContexts.open(settings.chip());
    try {
      GpioBoard board = new GpioBoard(pi4j, settings, gate, restarts, log, nanos, autoTick);
      log.accept("gpio: " + settings);
      return board;
    } catch (RuntimeException e) {
      shutdownQuietly(pi4j);
      throw new UserError(GPIO, "--gpio: cannot set up the pins (" + settings + "): " + e.getMessage(), e);
    }
  }

  /** Pi4J's context, for tests that reach the mock pins. */
  Context context() {
    return pi4j;
  }

  @Override
  public void onFrame(Frame frame, FrameResult result) {
    lastFrameAt = nanos.getAsLong();
  }

  @Override
  public void onDecision(Decision decision) {
    show(decision.shownDigit());
  }

  /** Shows {@code digit} (0-9) on the display, or blanks it for -1. */
  public synchronized void show(int digit) {
    if (digit == shown || closed.get()) {
      return;
    }
    boolean[] levels = SegmentPatterns.levels(digit, settings.commonAnode());
    try {
      for (int i = 0; i < 7; i++) {
        segments.get(i).state(levels[i] ? DigitalState.HIGH : DigitalState.LOW);
      }
      shown = digit;
    } catch (RuntimeException e) {
      warnOnce("cannot drive the 7-segment display: " + e.getMessage());
    }
  }

  /** One step of the status LED: lit, or toggled while it should blink. */
  synchronized void tick() {
    if (closed.get() || led == null) {
      return;
    }
    boolean blink = policy.blink(nanos.getAsLong(), restarts.getAsInt(), lastFrameAt);
    setLed(!blink || !ledLit);
  }

  private void setLed(boolean lit) {
    try {
      led.state(lit ? DigitalState.HIGH : DigitalState.LOW);
      ledLit = lit;
    } catch (RuntimeException e) {
      warnOnce("cannot drive the status LED: " + e.getMessage());
    }
  }

  private void warnOnce(String message) {
    if (!warned) {
      warned = true;
      log.accept("gpio: " + message);
    }
  }

  /** The pin levels now, e.g. "a=LOW b=LOW … led=LOW". */
  private String levels() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      sb.append(SegmentPatterns.NAMES.charAt(i)).append('=').append(segments.get(i).state()).append(' ');
    }
    sb.append("led=").append(led == null ? "none" : led.state());
    return sb.toString().strip();
  }

  /** Darkens every output, shuts Pi4J down and logs the levels read back. Safe to call twice. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (ticker != null) {
      ticker.shutdownNow();
      try {
        ticker.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String readBack;
    synchronized (this) {
      DigitalState dark = settings.commonAnode() ? DigitalState.HIGH : DigitalState.LOW;
      for (DigitalOutput s : segments) {
        setQuietly(s, dark);
      }
      if (led != null) {
        setQuietly(led, DigitalState.LOW);
      }
      readBack = levels();
    }
    shutdownQuietly(pi4j);
    log.accept("gpio: outputs off (" + readBack + ")");
  }

  private static void setQuietly(DigitalOutput out, DigitalState state) {
    try {
      out.state(state);
    } catch (RuntimeException ignored) {
      // the context's shutdown state is the second line of defence
    }
  }

  private static void shutdownQuietly(Context pi4j) {
    try {
      pi4j.shutdown();
    } catch (RuntimeException ignored) {
      // shutting down is best effort once the pins are dark
    }
  }
}
