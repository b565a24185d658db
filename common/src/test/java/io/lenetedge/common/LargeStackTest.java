package io.lenetedge.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LargeStackTest {
  @Test
  void theStackGrowsWithTheCommandLine() {
    assertEquals(LargeStack.MIN_BYTES, LargeStack.stackBytes(0));
    assertEquals(LargeStack.MIN_BYTES, LargeStack.stackBytes(300));
    assertEquals(200_000L * 1024, LargeStack.stackBytes(200_000));
    assertEquals(LargeStack.MAX_BYTES, LargeStack.stackBytes(100_000_000));
  }

  @Test
  void thisProcessHasACommandLine() {
    assertTrue(LargeStack.commandLineLength() > 0);
  }

  @Test
  void recursionTooDeepForTheMainThreadsStackRuns() {
    // interpreted, about 100 bytes of stack a level: 20,000 levels overflow a default 1 MB thread
    assertEquals(20_000, (int) LargeStack.call("deep", () -> depth(20_000)));
  }

  @Test
  void failuresReachTheCaller() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> LargeStack.call("failing", () -> {
          throw new IllegalStateException("no library");
        }));
    assertEquals("no library", e.getMessage());
  }

  private static int depth(int n) {
    return n == 0 ? 0 : 1 + depth(n - 1);
  }
}
