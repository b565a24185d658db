package io.lenetedge.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.edge.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} options from a properties file: precedence, the default file, bad keys and values. */
class ConfigFileTest {
  @TempDir Path dir;

  private Path config(String text) throws Exception {
    Path p = dir.resolve("edge.properties");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void fileGivesOptionsAndTheCommandLineWins() throws Exception {
    Path c = config("# comment\nsource = demo\nep=cpu\nmax-frames=5\nmin.confidence=0.5\n");
    CliRun fromFile = CliRun.of("run", "--config", c.toString());
    assertEquals(0, fromFile.exit(), fromFile.err());
    assertEquals(5, fromFile.out().lines().count());
    CliRun overridden = CliRun.of("run", "--config=" + c, "--max-frames", "3");
    assertEquals(0, overridden.exit(), overridden.err());
    assertEquals(3, overridden.out().lines().count());
  }

  @Test
  void theDefaultFileIsReadWhenPresent() throws Exception {
    Path c = config("source=demo\nep=cpu\nmax-frames=2\n");
    System.setProperty(ConfigFile.DEFAULT_PATH_PROPERTY, c.toString());
    try {
      CliRun r = CliRun.of("run");
      assertEquals(0, r.exit(), r.err());
      assertEquals(2, r.out().lines().count());
    } finally {
      System.clearProperty(ConfigFile.DEFAULT_PATH_PROPERTY);
    }
    System.setProperty(ConfigFile.DEFAULT_PATH_PROPERTY, dir.resolve("absent.properties").toString());
    try {
      assertEquals(2, CliRun.of("run").assertNoStackTrace().exit(), "no file and no --source");
    } finally {
      System.clearProperty(ConfigFile.DEFAULT_PATH_PROPERTY);
    }
  }

  @Test
  void unknownKeysAreNamedWithTheValidOnes() throws Exception {
    Path c = config("source=demo\nmax-frame=2\n");
    CliRun r = CliRun.of("run", "--config", c.toString()).assertNoStackTrace();
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("error: " + c + ": unknown key 'max-frame', expected one of ["),
        r.err());
    assertTrue(r.err().contains("max-frames") && r.err().contains("gpio-segments"), r.err());
  }

  @Test
  void badValuesNameTheirKeyAndFile() throws Exception {
    Path c = config("source=demo\nsmooth=abc\n");
    CliRun r = CliRun.of("run", "--config", c.toString()).assertNoStackTrace();
    assertEquals(2, r.exit());
    assertEquals("error: " + c + ": key 'smooth': 'abc' is not an int", r.err().strip());
    Path empty = config("source=\n");
    CliRun e = CliRun.of("run", "--config", empty.toString()).assertNoStackTrace();
    assertTrue(e.err().contains("key 'source' has no value"), e.err());
    Path segments = config("source=demo\nep=cpu\ngpio=true\ngpio.segments=1,2\n");
    CliRun s = CliRun.of("run", "--config", segments.toString()).assertNoStackTrace();
    assertEquals(2, s.exit());
    assertTrue(s.err().contains("gpio.segments needs 7 pins"), s.err());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"raspberry-pi", "jetson"})
  void theDeployKitsConfigsAreValid(String device) {
    Path c = Path.of("../deploy", device, "edge.properties");
    CliRun r = CliRun.of("run", "--config", c.toString(), "--source", "demo", "--gpio=false",
        "--http", "127.0.0.1:0", "--max-frames", "12").assertNoStackTrace();
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("live view: http://127.0.0.1:"), r.err());
    assertTrue(r.err().contains("summary (--max-frames 12): 12 frames"), r.err());
    assertTrue(r.out().lines().count() < 12, "print=changes: " + r.out());
  }

  @Test
  void aMissingConfigFileIsAUsageError() {
    CliRun r = CliRun.of("run", "--config", dir.resolve("nope.properties").toString()).assertNoStackTrace();
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("nope.properties: no such file"), r.err());
  }
}
