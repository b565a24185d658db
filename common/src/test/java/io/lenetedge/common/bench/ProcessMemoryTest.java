package io.lenetedge.common.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
  @Test
  void readsTheKilobytesOfAStatusKey() {
    List<String> status = List.of("Name:\tjava", "VmPeak:\t  900 kB", "VmRSS:\t  123456 kB");
    assertEquals(123456, ProcessMemory.parse(status, "VmRSS:"));
    assertEquals(-1, ProcessMemory.parse(status, "VmSwap:"));
  }
}
