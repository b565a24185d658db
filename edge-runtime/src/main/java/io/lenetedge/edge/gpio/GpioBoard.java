package io.lenetedge.edge.gpio;

import static io.lenetedge.common.UserError.Kind.GPIO;

import com.pi4j.context.Context;
import io.lenetedge.common.UserError;
import io.lenetedge.edge.run.Decision;
import io.lenetedge.edge.run.FrameListener;
import io.lenetedge.edge.run.FrameResult;
import io.lenetedge.edge.run.TriggerGate;
import io.lenetedge.edge.source.Frame;
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
 * trigger mode: take one decision). It drives {@link BoardParts}: {@link #open} puts them on Pi4J
 * pins, tests pass their own. {@link #close()} darkens every output explicitly, then shuts the
 * parts down, and reports the levels it read back.
 */
public final class GpioBoard implements FrameListener, AutoCloseable {
  /** The LED's blink half-period and the ticker's step. */
  static final long BLINK_MILLIS = 250;
  /** The LED blinks this long after a source restart. */
  static final long RESTART_BLINK_MILLIS = 5000;
  /** The LED blinks while no frame came for this long. */
  static final long NO_FRAME_MILLIS = 2000;

  private final BoardParts parts;
  private final SegmentDisplay display;
  private final StatusLed led;
  private final Consumer<String> log;
  private final ScheduledExecutorService ticker;
  private final StatusPolicy policy = new StatusPolicy(RESTART_BLINK_MILLIS, NO_FRAME_MILLIS);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final IntSupplier restarts;
  private final LongSupplier nanos;
  private volatile long lastFrameAt;
  private int shown = Integer.MIN_VALUE;
  private boolean ledLit;
  private boolean warned;

  private GpioBoard(BoardParts parts, long longPressMillis, TriggerGate gate, IntSupplier restarts,
      Consumer<String> log, LongSupplier nanos, boolean autoTick) {
    this.parts = parts;
    this.display = parts.display();
    this.led = parts.led().orElse(null);
    this.restarts = restarts;
    this.log = log;
    this.nanos = nanos;
    this.lastFrameAt = nanos.getAsLong();
    ButtonGestures gestures = new ButtonGestures(longPressMillis);
    parts.button().ifPresent(b -> b.listen(pressed -> onButton(gestures, pressed, gate)));
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
   * Opens the board's pins with Pi4J. {@code gate} receives the button's gestures; {@code
   * restarts} tells the source's restart count (the LED blinks after one).
   *
   * @throws UserError (GPIO) when this machine has no usable GPIO
   */
  public static GpioBoard open(GpioSettings settings, TriggerGate gate, IntSupplier restarts,
      Consumer<String> log) {
    Context pi4j = Pi4jContexts.open(settings.chip());
    GpioBoard board;
    try {
      board = on(Pi4jBoardParts.create(settings, pi4j), settings, gate, restarts, log,
          System::nanoTime, true);
    } catch (RuntimeException e) {
      quietly(pi4j::shutdown);
      throw new UserError(GPIO, "--gpio: cannot set up the pins (" + settings + "): " + e.getMessage(), e);
    }
    log.accept("gpio: " + settings);
    return board;
  }

  /**
   * The board on {@code parts} and the clock {@code nanos}; without {@code autoTick} the LED
   * changes only when {@link #tick()} is called (a test stepping its own clock every
   * {@value #BLINK_MILLIS} ms).
   */
  static GpioBoard on(BoardParts parts, GpioSettings settings, TriggerGate gate,
      IntSupplier restarts, Consumer<String> log, LongSupplier nanos, boolean autoTick) {
    return new GpioBoard(parts, settings.longPressMillis(), gate, restarts, log, nanos, autoTick);
  }

  private void onButton(ButtonGestures gestures, boolean pressed, TriggerGate gate) {
    switch (gestures.onEdge(pressed, nanos.getAsLong())) {
      case LONG_PRESS -> log.accept("gpio: button held: " + gate.toggle() + " mode");
      case SHORT_PRESS -> {
        if (gate.press()) {
          log.accept("gpio: button pressed: taking one decision");
        }
      }
      default -> { }
    }
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
    try {
      display.show(digit);
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
      led.light(lit);
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

  /** Darkens every output, shuts the parts down and logs the levels read back. Safe to call twice. */
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
      // the parts' shutdown states are the second line of defence
      quietly(() -> display.show(-1));
      if (led != null) {
        quietly(() -> led.light(false));
      }
      readBack = display.levels() + " led=" + (led == null ? "none" : led.level());
    }
    quietly(parts::shutdown);
    log.accept("gpio: outputs off (" + readBack + ")");
  }

  private static void quietly(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException ignored) {
      // best effort: the pins are being let go either way
    }
  }
}
