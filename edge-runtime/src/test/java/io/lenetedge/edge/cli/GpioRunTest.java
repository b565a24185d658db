package io.lenetedge.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
import io.lenetedge.edge.CliRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --gpio} end to end on Pi4J's mock provider: the outputs are dark after a normal end,
 * after an error and after SIGTERM; without {@code --gpio} Pi4J is never loaded.
 */
class GpioRunTest {
  static final String DARK = "gpio: outputs off (a=LOW b=LOW c=LOW d=LOW e=LOW f=LOW g=LOW led=LOW)";

  private static CliRun mocked(String... args) {
    System.setProperty("edge.gpio.provider", "mock");
    try {
      return CliRun.of(args);
    } finally {
      System.clearProperty("edge.gpio.provider");
    }
  }

  @Test
  void outputsEndDarkAfterANormalRun() {
    CliRun r = mocked("run", "--source", "demo", "--ep", "cpu", "--gpio", "--max-frames", "10");
    assertEquals(0, r.exit(), r.err());
    assertEquals(10, r.out().lines().count());
    assertTrue(r.err().contains("gpio: segments a-g on BCM [5, 6, 13, 19, 26, 16, 20]"), r.err());
    assertTrue(r.err().strip().endsWith(DARK), r.err());
  }

  @Test
  void outputsEndDarkAfterAnError() {
    CliRun r = mocked("run", "--source", "demo", "--ep", "cpu", "--gpio", "--roi", "0,0,400,100");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains(DARK), r.err());
    assertTrue(r.err().indexOf(DARK) < r.err().indexOf("error: --roi"), "dark before the error is reported");
  }

  @Test
  void triggerModeNeedsTheButton() {
    CliRun r = CliRun.of("run", "--source", "demo", "--ep", "cpu", "--mode", "trigger").assertNoStackTrace();
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--mode trigger takes one decision per button press and needs a button"),
        r.err());
    CliRun web = CliRun.of("run", "--source", "demo", "--ep", "cpu", "--mode", "trigger", "--http",
        "127.0.0.1:0");
    assertEquals(0, web.exit(), "the live page's button will do: " + web.err());
    CliRun noButton = mocked("run", "--source", "demo", "--ep", "cpu", "--mode", "trigger", "--gpio",
        "--gpio-button", "-1");
    assertEquals(2, noButton.exit(), noButton.err());
    CliRun withButton = mocked("run", "--source", "demo", "--ep", "cpu", "--mode", "trigger", "--gpio");
    assertEquals(0, withButton.exit(), withButton.err());
    assertEquals("", withButton.out(), "no press, no decision");
    assertTrue(withButton.err().contains("(trigger mode: one decision per button press)"), withButton.err());
    assertTrue(withButton.err().contains("summary (end of source): 0 frames"), withButton.err());
  }

  @Test
  void gpioOnAMachineWithoutItIsAClearError() throws Exception {
    List<Path> chips = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(Path.of("/dev"), "gpiochip*")) {
      s.forEach(chips::add);
    }
    Assumptions.assumeTrue(chips.isEmpty(), "this machine has GPIO chips " + chips);
    CliRun r = CliRun.of("run", "--source", "demo", "--ep", "cpu", "--gpio").assertNoStackTrace();
    assertEquals(UserError.Kind.GPIO.exitCode(), r.exit());
    assertTrue(r.err().contains("this machine has no GPIO (no /dev/gpiochip* device)"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void outputsEndDarkAfterSigterm(@TempDir Path dir) throws Exception {
    Path errFile = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(java(), "--enable-native-access=ALL-UNNAMED",
        "-Dedge.gpio.provider=mock", "-cp", System.getProperty("java.class.path"),
        EdgeCli.class.getName(), "run", "--ep", "cpu", "--gpio", "--gpio-common", "anode",
        "--source", "raw:-:32x32").redirectError(errFile.toFile()).start();
    try (OutputStream stdin = p.getOutputStream();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      stdin.write(new byte[2 * 32 * 32]);
      stdin.flush();
      assertTrue(out.readLine().startsWith("{\"frame\":0"));
      assertTrue(out.readLine().startsWith("{\"frame\":1"));
      p.toHandle().destroy();
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stops within 20 s");
    }
    assertEquals(143, p.exitValue(), "128 + SIGTERM");
    String err = Files.readString(errFile);
    assertTrue(err.contains("summary (stopped by signal): 2 frames"), err);
    assertTrue(err.contains("gpio: outputs off (a=HIGH b=HIGH c=HIGH d=HIGH e=HIGH f=HIGH g=HIGH led=LOW)"),
        "a common-anode display is dark with its segment pins high:\n" + err);
  }

  @Test
  void withoutGpioPi4jIsNeverLoaded(@TempDir Path dir) throws Exception {
    Path classes = dir.resolve("classes.log");
    Process p = new ProcessBuilder(java(), "--enable-native-access=ALL-UNNAMED",
        "-Xlog:class+load=info:file=" + classes, "-cp", System.getProperty("java.class.path"),
        EdgeCli.class.getName(), "run", "--ep", "cpu", "--source", "demo", "--max-frames", "3")
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
    String loaded = Files.readString(classes);
    assertTrue(loaded.contains("io.lenetedge.edge.run.RunLoop"), "the log lists classes");
    assertFalse(loaded.contains("com.pi4j"), "Pi4J classes were loaded without --gpio");
    assertFalse(output.contains("SLF4J") || output.contains("ERROR"), output);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
