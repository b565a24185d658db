package io.lenetedge.edge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.edge.CliRun;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** {@code run --http} and {@code --fps} mistakes are one-line usage errors. */
class RunHttpOptionsTest {
  @Test
  void aBadAddressIsAUsageError() {
    CliRun r = CliRun.of("run", "--source", "demo", "--ep", "cpu", "--http", "localhost:http")
        .assertNoStackTrace();
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--http localhost:http: port 'http' is not a number"), r.err());
  }

  @Test
  void aBusyPortIsNamed() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliRun r = CliRun.of("run", "--source", "demo", "--ep", "cpu", "--http",
          String.valueOf(busy.getLocalPort())).assertNoStackTrace();
      assertEquals(2, r.exit());
      assertTrue(r.err().contains("cannot listen there"), r.err());
    }
  }

  @Test
  void fpsMustBePositive() {
    CliRun r = CliRun.of("run", "--source", "demo", "--ep", "cpu", "--fps", "0").assertNoStackTrace();
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--fps must be above 0"), r.err());
  }

  @Test
  void fpsPacesTheDemo() {
    long t0 = System.nanoTime();
    CliRun r = CliRun.of("run", "--source", "demo", "--ep", "cpu", "--fps", "50", "--max-frames", "11");
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(0, r.exit(), r.err());
    assertEquals(11, r.out().lines().count());
    assertTrue(seconds >= 0.2, "11 frames at 50 fps take at least 10 periods: " + seconds + " s");
  }
}
