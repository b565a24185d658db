package io.lenetedge.edge.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import io.lenetedge.edge.run.TriggerGate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The board's parts on Pi4J's mock provider: the pins of the settings, their levels, the button. */
class Pi4jBoardPartsTest {
  private static final int[] SEGMENTS = {5, 6, 13, 19, 26, 16, 20};
  private static final String[] CATHODE_PATTERNS = {"HHHHHHL", "LHHLLLL", "HHLHHLH", "HHHHLLH",
      "LHHLLHH", "HLHHLHH", "HLHHHHH", "HHHLLLL", "HHHHHHH", "HHHHLHH"};

  static {
    Pi4jContexts.quietLogging();
  }

  private final Context pi4j = Pi4J.newContextBuilder().add(new MockPlatform())
      .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
      .disableShutdownHook().build();

  @AfterEach
  void shutdown() {
    pi4j.shutdown();
  }

  private static GpioSettings wiring(boolean anode, boolean activeLow) {
    return new GpioSettings(SEGMENTS, anode, 21, 12, activeLow, 1000, null);
  }

  private DigitalOutput output(String id) {
    return pi4j.registry().get(id);
  }

  /** The levels of pins a..g as H and L. */
  private String pins() {
    StringBuilder sb = new StringBuilder();
    for (char c : SegmentPatterns.NAMES.toCharArray()) {
      sb.append(output("segment-" + c).state() == DigitalState.HIGH ? 'H' : 'L');
    }
    return sb.toString();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void everyOutputIsOnItsBcmPinAndStartsAndEndsDark(boolean anode) {
    Pi4jBoardParts.create(wiring(anode, true), pi4j);
    DigitalState dark = anode ? DigitalState.HIGH : DigitalState.LOW;
    for (int i = 0; i < 7; i++) {
      DigitalOutput segment = output("segment-" + SegmentPatterns.NAMES.charAt(i));
      assertEquals(SEGMENTS[i], segment.address().intValue(), segment.id());
      assertEquals(dark, segment.config().initialState(), segment.id());
      assertEquals(dark, segment.config().shutdownState(), segment.id());
      assertEquals(dark, segment.state(), segment.id());
    }
    DigitalOutput led = output("status-led");
    assertEquals(21, led.address().intValue());
    assertEquals(DigitalState.LOW, led.config().initialState());
    assertEquals(DigitalState.LOW, led.config().shutdownState());
    DigitalInput button = pi4j.registry().get("mode-button");
    assertEquals(12, button.address().intValue());
    assertEquals(PullResistance.PULL_UP, button.pull());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void digitsLightExactlyTheirSegments(boolean anode) {
    SegmentDisplay display = Pi4jBoardParts.create(wiring(anode, true), pi4j).display();
    for (int digit = 0; digit <= 9; digit++) {
      display.show(digit);
      String expected = CATHODE_PATTERNS[digit];
      assertEquals(anode ? invert(expected) : expected, pins(), "digit " + digit);
    }
    display.show(-1);
    assertEquals(anode ? "HHHHHHH" : "LLLLLLL", pins(), "blank");
    assertEquals(anode ? "a=HIGH b=HIGH c=HIGH d=HIGH e=HIGH f=HIGH g=HIGH"
        : "a=LOW b=LOW c=LOW d=LOW e=LOW f=LOW g=LOW", display.levels());
  }

  private static String invert(String levels) {
    return levels.replace('H', 'x').replace('L', 'H').replace('x', 'L');
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theButtonReportsPressesAtItsActiveLevel(boolean activeLow) {
    Pi4jBoardParts parts = Pi4jBoardParts.create(wiring(false, activeLow), pi4j);
    List<Boolean> edges = new ArrayList<>();
    parts.button().orElseThrow().listen(edges::add);
    MockDigitalInput pin = pi4j.registry().get("mode-button");
    DigitalState down = activeLow ? DigitalState.LOW : DigitalState.HIGH;
    DigitalState up = activeLow ? DigitalState.HIGH : DigitalState.LOW;
    pin.mockState(up);
    edges.clear();
    pin.mockState(down);
    pin.mockState(up);
    assertEquals(List.of(true, false), edges);
    assertEquals(activeLow ? PullResistance.PULL_UP : PullResistance.PULL_DOWN,
        pi4j.registry().<DigitalInput>get("mode-button").pull());
  }

  /** What {@code run --gpio} prints at the end on the mock provider (scripts/test-arm64.sh). */
  @Test
  void theBoardOnPi4jEndsWithEveryOutputDarkAndSaysSo() {
    System.setProperty("edge.gpio.provider", "mock");
    List<String> log = new ArrayList<>();
    try {
      GpioBoard board = GpioBoard.open(wiring(true, true), TriggerGate.continuous(), () -> 0, log::add);
      board.show(8);
      board.close();
    } finally {
      System.clearProperty("edge.gpio.provider");
    }
    assertEquals(List.of("gpio: " + wiring(true, true),
        "gpio: outputs off (a=HIGH b=HIGH c=HIGH d=HIGH e=HIGH f=HIGH g=HIGH led=LOW)"), log);
  }
}
