package io.lenetedge.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.edge.CliRun;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run}'s MQTT options on the command line: usage errors, and a password kept out of the logs. */
class MqttOptionsTest {
  @Test
  void aBadBrokerUrlIsAUsageErrorListingTheSchemes() {
    CliRun r = CliRun.of("run", "--source", "demo", "--mqtt", "mqtt://broker:1883").assertNoStackTrace();
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("[tcp://, ssl://]"), r.err());
  }

  @Test
  void aMissingPasswordFileOrVariableIsAUsageErrorNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("mqtt.pass");
    CliRun file = CliRun.of("run", "--source", "demo", "--mqtt", "tcp://127.0.0.1:1883",
        "--mqtt-user", "edge", "--mqtt-password-file", missing.toString()).assertNoStackTrace();
    assertEquals(2, file.exit(), file.err());
    assertTrue(file.err().contains(missing.toString()), file.err());
    String unset = "LENET_EDGE_TEST_UNSET_" + System.nanoTime();
    CliRun env = CliRun.of("run", "--source", "demo", "--mqtt", "tcp://127.0.0.1:1883",
        "--mqtt-user", "edge", "--mqtt-password-env", unset).assertNoStackTrace();
    assertEquals(2, env.exit(), env.err());
    assertTrue(env.err().contains(unset), env.err());
  }

  @Test
  void loginOptionsWithoutABrokerAreAUsageError() {
    CliRun r = CliRun.of("run", "--source", "demo", "--mqtt-user", "edge").assertNoStackTrace();
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--mqtt tcp://"), r.err());
  }

  @Test
  void thePasswordNeverReachesTheLog(@TempDir Path dir) throws Exception {
    Path pass = dir.resolve("mqtt.pass");
    Files.writeString(pass, "Very-Secret-42\n");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CliRun r = CliRun.of("run", "--source", "demo", "--ep", "cpu", "--max-frames", "5", "--mqtt",
        "tcp://127.0.0.1:" + port, "--mqtt-user", "edge", "--mqtt-password-file", pass.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("mqtt: cannot connect"), r.err());
    assertFalse(r.err().contains("Very-Secret") || r.out().contains("Very-Secret"), r.err());
  }
}
