package io.lenetedge.edge.gpio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
import io.lenetedge.edge.gpio.ButtonGestures.Gesture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure parts of the board: segment levels, button gestures, LED policy, wiring checks. */
class GpioLogicTest {
  private static final long MS = 1_000_000L;

  @Test
  void everyDigitHasADistinctPatternAndBlankIsDark() {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int d = 0; d <= 9; d++) {
      assertTrue(seen.add(SegmentPatterns.segments(d)), "digit " + d + " looks like another");
    }
    assertArrayEquals(new boolean[7], SegmentPatterns.levels(-1, false));
    boolean[] anodeBlank = SegmentPatterns.levels(-1, true);
    for (boolean b : anodeBlank) {
      assertTrue(b, "a common-anode display is dark with its pins high");
    }
    assertThrows(IllegalArgumentException.class, () -> SegmentPatterns.segments(10));
  }

  @Test
  void shortAndLongPresses() {
    ButtonGestures g = new ButtonGestures(1000);
    assertEquals(Gesture.NONE, g.onEdge(false, 0), "a release without a press");
    assertEquals(Gesture.NONE, g.onEdge(true, 10 * MS));
    assertEquals(Gesture.NONE, g.onEdge(true, 20 * MS), "a repeated down edge keeps the first time");
    assertEquals(Gesture.SHORT_PRESS, g.onEdge(false, 999 * MS));
    assertEquals(Gesture.NONE, g.onEdge(true, 2000 * MS));
    assertEquals(Gesture.LONG_PRESS, g.onEdge(false, 3000 * MS));
    assertEquals(Gesture.NONE, g.onEdge(false, 3100 * MS));
  }

  @Test
  void ledBlinksForAWhileAfterARestartAndWhileFramesStall() {
    StatusPolicy p = new StatusPolicy(5000, 2000);
    long t = 1_000_000 * MS;
    assertFalse(p.blink(t, 0, t));
    assertTrue(p.blink(t + 100 * MS, 1, t + 100 * MS), "a restart");
    assertTrue(p.blink(t + 4000 * MS, 1, t + 4000 * MS), "still within 5 s of it");
    assertFalse(p.blink(t + 5200 * MS, 1, t + 5200 * MS), "5 s later, frames flowing");
    assertTrue(p.blink(t + 8000 * MS, 1, t + 5200 * MS), "no frame for 2.8 s");
  }

  @Test
  void wiringIsChecked() {
    int[] seven = {5, 6, 13, 19, 26, 16, 20};
    assertEquals("gpio.segments needs 7 pins (a,b,c,d,e,f,g), got 3", assertThrows(
        UserError.class, () -> new GpioSettings(new int[] {1, 2, 3}, false, -1, -1,
            true, 1000, null)).getMessage());
    assertTrue(assertThrows(UserError.class, () -> new GpioSettings(seven, false, 5,
        -1, true, 1000, null)).getMessage().startsWith("gpio.led: BCM pin 5 is used twice"));
    assertTrue(assertThrows(UserError.class, () -> new GpioSettings(seven, false, 40,
        -1, true, 1000, null)).getMessage().contains("not on the 40-pin header"));
    assertTrue(assertThrows(UserError.class,
        () -> GpioSettings.parseSegments("5,6,x")).getMessage().contains("'5,6,x'"));
    io.lenetedge.edge.CliRun both = io.lenetedge.edge.CliRun.of("run", "--source", "demo", "--gpio",
        "--gpio-common", "both").assertNoStackTrace();
    assertEquals(2, both.exit());
    assertTrue(both.err().toLowerCase(java.util.Locale.ROOT).contains("[cathode, anode]"), both.err());
  }

  @Test
  void aMachineWithoutGpioChipsIsToldSo(@TempDir Path dev) {
    UserError e = assertThrows(UserError.class, () -> Pi4jContexts.checkChips(dev));
    assertEquals(UserError.Kind.GPIO, e.kind());
    assertTrue(e.getMessage().contains("no " + dev + "/gpiochip* device"), e.getMessage());
    assertTrue(e.getMessage().contains("run without --gpio"), e.getMessage());
  }
}
