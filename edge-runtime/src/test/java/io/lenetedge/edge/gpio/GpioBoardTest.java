package io.lenetedge.edge.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import io.lenetedge.edge.run.Decision;
import io.lenetedge.edge.run.TriggerGate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The board on Pi4J's mock provider: segment patterns, button gestures, dark outputs at the end. */
class GpioBoardTest {
  private static final int[] SEGMENTS = {5, 6, 13, 19, 26, 16, 20};

  @BeforeAll
  static void mock() {
    System.setProperty("edge.gpio.provider", "mock");
  }

  @AfterAll
  static void unmock() {
    System.clearProperty("edge.gpio.provider");
  }

  private static GpioSettings wiring(boolean anode) {
    return new GpioSettings(SEGMENTS, anode, 21, 12, true, 1000, null);  // 1 s: --gpio-long-press-ms's default
  }

  /** The levels of pins a..g as a string of H and L, read from the mock pins. */
  private static String pins(GpioBoard board) {
    StringBuilder sb = new StringBuilder();
    for (char c : SegmentPatterns.NAMES.toCharArray()) {
      DigitalOutput out = board.context().registry().get("segment-" + c);
      sb.append(out.state() == DigitalState.HIGH ? 'H' : 'L');
    }
    return sb.toString();
  }

  private static DigitalState led(GpioBoard board) {
    return board.context().registry().<DigitalOutput>get("status-led").state();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void decisionsLightExactlyTheSegmentsOfEachDigit(boolean anode) {
    List<String> log = new CopyOnWriteArrayList<>();
    String[] cathodePatterns = {"HHHHHHL", "LHHLLLL", "HHLHHLH", "HHHHLLH", "LHHLLHH", "HLHHLHH",
        "HLHHHHH", "HHHLLLL", "HHHHHHH", "HHHHLHH"};
    try (GpioBoard board = GpioBoard.open(wiring(anode), TriggerGate.continuous(), () -> 0, log::add)) {
      assertEquals(anode ? "HHHHHHH" : "LLLLLLL", pins(board), "dark at start");
      assertEquals(DigitalState.HIGH, led(board), "status LED on while running");
      int[] sequence = {3, 3, 7, -1, 0, 1, 2, 4, 5, 6, 8, 9, -1};
      for (int digit : sequence) {
        board.onDecision(digit < 0 ? Decision.NONE : Decision.digit(digit, 0.9f));
        String expected = digit < 0 ? "LLLLLLL" : cathodePatterns[digit];
        assertEquals(anode ? invert(expected) : expected, pins(board), "digit " + digit);
      }
    }
  }

  private static String invert(String levels) {
    return levels.replace('H', 'x').replace('L', 'H').replace('x', 'L');
  }

  @Test
  void outputsEndDarkAfterCloseAndTheReadBackSaysSo() {
    List<String> log = new ArrayList<>();
    GpioBoard board = GpioBoard.open(wiring(true), TriggerGate.continuous(), () -> 0, log::add);
    board.onDecision(Decision.digit(8, 1f));
    assertEquals("LLLLLLL", pins(board), "8 lights every segment of a common-anode display");
    board.close();
    board.close();
    String last = log.get(log.size() - 1);
    assertEquals("gpio: outputs off (a=HIGH b=HIGH c=HIGH d=HIGH e=HIGH f=HIGH g=HIGH led=LOW)", last);
  }

  @Test
  void buttonShortPressTriggersAndLongPressSwitchesMode() throws Exception {
    TriggerGate gate = new TriggerGate(TriggerGate.Mode.CONTINUOUS, 5);
    List<String> log = new CopyOnWriteArrayList<>();
    long[] now = {0};
    try (GpioBoard board = GpioBoard.open(wiring(false), gate, () -> 0, log::add, () -> now[0], false)) {
      MockDigitalInput button = board.context().registry().get("mode-button");
      button.mockState(DigitalState.HIGH);
      press(button, now, 999);
      assertEquals(TriggerGate.Mode.CONTINUOUS, gate.mode(), "held just under the 1 s long press");
      assertTrue(gate.wantsFrame(), "continuous mode takes every frame");
      press(button, now, 1000);
      assertEquals(TriggerGate.Mode.TRIGGER, gate.mode(), "a long press switches to trigger mode");
      assertFalse(gate.wantsFrame(), "trigger mode waits for a press");
      press(button, now, 20);
      assertTrue(gate.wantsFrame(), "a short press arms the gate");
      assertTrue(log.contains("gpio: button pressed: taking one decision"), log.toString());
      press(button, now, 1500);
      assertEquals(TriggerGate.Mode.CONTINUOUS, gate.mode());
    }
  }

  /** Holds the button down for {@code millis} of the board's clock. */
  private static void press(MockDigitalInput button, long[] now, long millis) {
    button.mockState(DigitalState.LOW);
    now[0] += java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis);
    button.mockState(DigitalState.HIGH);
    now[0] += java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(100);
  }

  /**
   * The production timings on a clock the test steps, 250 ms per tick: lit while frames come;
   * blinking for 5 s after a restart, then lit again; blinking once no frame came for 2 s.
   */
  @Test
  void ledBlinksForFiveSecondsAfterARestartAndWhileNoFrameCameForTwo() {
    int[] restarts = {0};
    long[] now = {0};
    try (GpioBoard board = GpioBoard.open(wiring(false), TriggerGate.continuous(), () -> restarts[0],
        l -> { }, () -> now[0], false)) {
      assertEquals("HHHH", steps(board, now, 4, true), "lit while frames come");
      restarts[0] = 1;
      String afterRestart = steps(board, now, 20, true);
      assertEquals("LHLHLHLHLHLHLHLHLHLH", afterRestart, "5 s of blinking after the restart");
      assertEquals("HHHH", steps(board, now, 4, true), "lit again once 5 s have passed");
      String noFrames = steps(board, now, 12, false);
      assertEquals("HHHHHHHHLHLH", noFrames, "blinking once more than 2 s passed without a frame");
      assertEquals("HHH", steps(board, now, 3, true), "lit again when frames come");
    }
  }

  /** {@code n} ticks of 250 ms, a frame before each when {@code frames}; the LED's levels. */
  private static String steps(GpioBoard board, long[] now, int n, boolean frames) {
    StringBuilder levels = new StringBuilder();
    for (int i = 0; i < n; i++) {
      now[0] += java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(250);
      if (frames) {
        board.onFrame(null, null);
      }
      board.tick();
      levels.append(led(board) == DigitalState.HIGH ? 'H' : 'L');
    }
    return levels.toString();
  }
}
