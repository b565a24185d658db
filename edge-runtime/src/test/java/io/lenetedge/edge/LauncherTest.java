package io.lenetedge.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LauncherTest {
  @ParameterizedTest
  @CsvSource({"1.8,8", "11,11", "17,17", "21,21", "25,25", "25.0.1,25", "x,0"})
  void readsTheJavaMajorVersion(String specification, int major) {
    assertEquals(major, Launcher.major(specification));
  }
}
