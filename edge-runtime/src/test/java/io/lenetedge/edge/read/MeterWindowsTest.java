package io.lenetedge.edge.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
import io.lenetedge.image.Roi;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MeterWindowsTest {
  @org.junit.jupiter.api.Test
  void windowsAreReadInOrder() {
    List<Roi> w = MeterWindows.parse("10,20,30,40; 50,20,30,40;90,20,30,40");
    assertEquals(List.of(new Roi(10, 20, 30, 40), new Roi(50, 20, 30, 40), new Roi(90, 20, 30, 40)), w);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "10,20,30|window 1",
      "10,20,30,40;50,x,30,40|window 2",
      "10,20,30,40;50,20,0,40|window 2",
      "10,20,30,40;30,20,30,40|window 1 (10,20,30,40) overlaps window 2",
      "'  '|no windows"})
  void badSpecsNameTheWindow(String spec, String named) {
    UserError e = assertThrows(UserError.class, () -> MeterWindows.parse(spec));
    assertEquals(UserError.Kind.USAGE, e.kind());
    assertTrue(e.getMessage().contains(named), e.getMessage());
    assertTrue(e.getMessage().startsWith("--digits"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"600,0,50,50", "0,470,20,20"})
  void aWindowOutsideTheFrameIsNamedAtTheFirstFrame(String second) {
    List<Roi> w = MeterWindows.parse("0,0,20,20;" + second);
    UserError e = assertThrows(UserError.class,
        () -> MeterWindows.checkFits(w, 640, 480));
    assertEquals(UserError.Kind.USAGE, e.kind());
    assertTrue(e.getMessage().contains("window 2 (" + second + ") does not lie inside the 640x480 frame"),
        e.getMessage());
  }
}
