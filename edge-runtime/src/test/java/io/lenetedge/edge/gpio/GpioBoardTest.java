package io.lenetedge.edge.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.edge.run.Decision;
import io.lenetedge.edge.run.TriggerGate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The board's logic on in-memory parts and a clock the test steps, with the production timings:
 * digits shown, the status LED's blinking, the button's gestures, dark outputs at the end.
 */
class GpioBoardTest {
  private static final GpioSettings WIRING =
      new GpioSettings(new int[] {5, 6, 13, 19, 26, 16, 20}, false, 21, 12, true, 1000, null);

  private final FakeBoardParts parts = FakeBoardParts.full();
  private final List<String> log = new ArrayList<>();
  private final long[] now = {0};
  private final int[] restarts = {0};

  private GpioBoard board(FakeBoardParts on, TriggerGate gate) {
    return GpioBoard.on(on, WIRING, gate, () -> restarts[0], log::add, () -> now[0], false);
  }

  private void advance(long millis) {
    now[0] += TimeUnit.MILLISECONDS.toNanos(millis);
  }

  @Test
  void eachNewDecisionIsShownOnceAndNoDecisionBlanks() {
    try (GpioBoard board = board(parts, TriggerGate.continuous())) {
      for (int digit : new int[] {3, 3, 7, -1, -1, 0, 9}) {
        board.onDecision(digit < 0 ? Decision.NONE : Decision.digit(digit, 0.9f));
      }
      assertEquals(List.of(3, 7, -1, 0, 9), parts.shown());
    }
  }

  @Test
  void closeDarkensEveryOutputBeforeShuttingDownAndLogsTheReadBack() {
    GpioBoard board = board(parts, TriggerGate.continuous());
    board.onDecision(Decision.digit(8, 1f));
    board.close();
    board.close();
    board.onDecision(Decision.digit(4, 1f));
    assertEquals(List.of("led on", "show 8", "show -1", "led off", "shutdown"), parts.events());
    assertEquals(List.of("gpio: outputs off (digit=-1 led=off)"), log);
  }

  @Test
  void aBoardWithoutLedOrButtonSaysSoInTheReadBack() {
    FakeBoardParts bare = FakeBoardParts.displayOnly();
    GpioBoard board = board(bare, TriggerGate.continuous());
    board.tick();
    board.close();
    assertEquals(List.of("show -1", "shutdown"), bare.events());
    assertEquals(List.of("gpio: outputs off (digit=-1 led=none)"), log);
  }

  @Test
  void aFailingDisplayIsReportedOnceAndTheBoardKeepsRunning() {
    try (GpioBoard board = board(parts, TriggerGate.continuous())) {
      parts.failDisplay();
      board.onDecision(Decision.digit(1, 1f));
      board.onDecision(Decision.digit(2, 1f));
      board.tick();
      assertEquals(List.of("gpio: cannot drive the 7-segment display: segment pin busy"), log);
      assertTrue(parts.lit(), "the LED still works");
    }
  }

  @Test
  void buttonShortPressTriggersAndLongPressSwitchesMode() {
    TriggerGate gate = new TriggerGate(TriggerGate.Mode.CONTINUOUS, 5);
    try (GpioBoard ignored = board(parts, gate)) {
      press(999);
      assertEquals(TriggerGate.Mode.CONTINUOUS, gate.mode(), "held just under the 1 s long press");
      assertTrue(gate.wantsFrame(), "continuous mode takes every frame");
      press(1000);
      assertEquals(TriggerGate.Mode.TRIGGER, gate.mode(), "a long press switches to trigger mode");
      assertFalse(gate.wantsFrame(), "trigger mode waits for a press");
      press(20);
      assertTrue(gate.wantsFrame(), "a short press arms the gate");
      assertTrue(log.contains("gpio: button pressed: taking one decision"), log.toString());
      press(1500);
      assertEquals(TriggerGate.Mode.CONTINUOUS, gate.mode());
    }
  }

  /** Holds the button down for {@code millis} of the board's clock, then 100 ms released. */
  private void press(long millis) {
    parts.button(true);
    advance(millis);
    parts.button(false);
    advance(100);
  }

  /**
   * 250 ms per tick: lit while frames come; blinking for 5 s after a restart, then lit again;
   * blinking once no frame came for 2 s.
   */
  @Test
  void ledBlinksForFiveSecondsAfterARestartAndWhileNoFrameCameForTwo() {
    try (GpioBoard board = board(parts, TriggerGate.continuous())) {
      assertEquals("H", parts.ledLevels(), "lit from the start");
      assertEquals("HHHH", steps(board, 4, true), "lit while frames come");
      restarts[0] = 1;
      assertEquals("LHLHLHLHLHLHLHLHLHLH", steps(board, 20, true), "5 s of blinking after the restart");
      assertEquals("HHHH", steps(board, 4, true), "lit again once 5 s have passed");
      assertEquals("HHHHHHHHLHLH", steps(board, 12, false),
          "blinking once more than 2 s passed without a frame");
      assertEquals("HHH", steps(board, 3, true), "lit again when frames come");
    }
  }

  /** {@code n} ticks of 250 ms, a frame before each when {@code frames}; the LED's levels. */
  private String steps(GpioBoard board, int n, boolean frames) {
    StringBuilder levels = new StringBuilder();
    for (int i = 0; i < n; i++) {
      advance(GpioBoard.BLINK_MILLIS);
      if (frames) {
        board.onFrame(null, null);
      }
      board.tick();
      levels.append(parts.lit() ? 'H' : 'L');
    }
    return levels.toString();
  }
}
