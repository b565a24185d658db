package io.lenetedge.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lenetedge.common.UserError;
import io.lenetedge.edge.CliRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The run verb end to end on the bundled demo, its options, and a stop by SIGTERM. */
class RunCommandTest {
  @Test
  void demoPrintsOneJsonLinePerFrameWithTheDocumentedFields() {
    CliRun r = CliRun.of("run", "--source", "demo", "--ep", "cpu", "--max-frames", "20");
    assertEquals(0, r.exit(), r.err());
    List<JsonObject> lines = r.out().lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
    assertEquals(20, lines.size());
    for (int i = 0; i < lines.size(); i++) {
      JsonObject o = lines.get(i);
      assertEquals(i, o.get("frame").getAsInt());
      assertTrue(o.has("digit") && o.has("confidence"), o.toString());
      JsonObject latency = o.getAsJsonObject("latency_us");
      assertTrue(latency.get("total").getAsDouble() >= latency.get("preprocess").getAsDouble(), o.toString());
    }
    assertTrue(r.err().contains("summary (--max-frames 20): 20 frames"), r.err());
    assertTrue(r.err().contains("p50") && r.err().contains("source restarts 0"), r.err());
  }

  @Test
  void printChangesWritesALineOnlyWhenTheDecisionChanges() {
    CliRun every = CliRun.of("run", "--source", "demo", "--ep", "cpu", "--max-frames", "24");
    List<String> all = every.out().lines().toList();
    CliRun changes = CliRun.of("run", "--source", "demo", "--ep", "cpu", "--max-frames", "24",
        "--print", "changes");
    assertEquals(0, changes.exit(), changes.err());
    List<String> expected = new java.util.ArrayList<>();
    String last = null;
    for (String line : all) {
      String digit = JsonParser.parseString(line).getAsJsonObject().get("digit").toString();
      if (!digit.equals(last)) {
        expected.add(line.substring(0, line.indexOf(",\"latency_us\"")));
        last = digit;
      }
    }
    List<String> got = changes.out().lines().map(l -> l.substring(0, l.indexOf(",\"latency_us\""))).toList();
    assertEquals(expected, got);
    assertTrue(got.size() >= 6 && got.size() < 24, got.toString());
    CliRun none = CliRun.of("run", "--source", "demo", "--ep", "cpu", "--max-frames", "5", "--print", "none");
    assertEquals("", none.out());
    assertTrue(none.err().contains("summary (--max-frames 5): 5 frames"), none.err());
    assertEquals(2, CliRun.of("run", "--source", "demo", "--print", "some").assertNoStackTrace().exit());
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertEquals(2, CliRun.of("run", "--source", "webcam").assertNoStackTrace().exit());
    assertEquals(2, CliRun.of("run", "--source", "demo", "--roi", "1,2,3").assertNoStackTrace().exit());
    assertEquals(2, CliRun.of("run", "--source", "demo", "--smooth", "0").assertNoStackTrace().exit());
    assertEquals(2, CliRun.of("run", "--source", "demo", "--min-confidence", "2").assertNoStackTrace().exit());
    assertEquals(2, CliRun.of("run").assertNoStackTrace().exit());
  }

  @Test
  void saveSamplesKeepsTheDecidedDigitsUnderTheirDigitUpToItsLimit(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path samples = dir.resolve("samples");
    CliRun r = CliRun.of("run", "--source", "demo", "--ep", "cpu", "--save-samples",
        samples.toString(), "--save-samples-max", "6");
    assertEquals(0, r.exit(), r.err());
    java.util.Set<String> decided = new java.util.HashSet<>();
    int changes = 0;
    String last = null;
    for (String line : r.out().lines().toList()) {
      var digit = JsonParser.parseString(line).getAsJsonObject().get("digit");
      String d = digit.isJsonNull() ? null : digit.getAsString();
      if (d != null && !d.equals(last)) {
        changes++;
        decided.add(d);
      }
      last = d;
    }
    assertTrue(changes > 6, "the demo changes its digit more than 6 times: " + changes);
    int kept = 0;
    for (int d = 0; d <= 9; d++) {
      try (var files = Files.list(samples.resolve(Integer.toString(d)))) {
        long n = files.count();
        kept += (int) n;
        assertTrue(n == 0 || decided.contains(Integer.toString(d)),
            "samples of " + d + " only when " + d + " was decided: " + decided);
      }
    }
    assertEquals(6, kept, r.err());
    assertTrue(r.err().contains("holds 6 samples") && r.err().contains("no more are saved"), r.err());
    CliRun bad = CliRun.of("run", "--source", "demo", "--save-samples", samples.toString(),
        "--save-samples-max", "0").assertNoStackTrace();
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("--save-samples-max"), bad.err());
  }

  @Test
  void roiOutsideTheFrameIsNamed() {
    CliRun r = CliRun.of("run", "--source", "demo", "--ep", "cpu", "--roi", "0,0,400,100").assertNoStackTrace();
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--roi 0,0,400,100 does not fit a 320x240 frame"), r.err());
  }

  @Test
  void missingVideoIsASourceError() {
    CliRun r = CliRun.of("run", "--source", "video:/no/such.mp4", "--ep", "cpu").assertNoStackTrace();
    assertEquals(UserError.Kind.INPUT.exitCode(), r.exit());
  }

  @Test
  void sigtermStopsCleanlyWithASummary(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path errFile = dir.resolve("stderr.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), EdgeCli.class.getName(), "run", "--ep", "cpu",
        "--source", "raw:-:32x32").redirectError(errFile.toFile()).start();
    try (OutputStream stdin = p.getOutputStream();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (int i = 0; i < 3; i++) {
        stdin.write(new byte[32 * 32]);
      }
      stdin.flush();
      for (int i = 0; i < 3; i++) {
        assertTrue(out.readLine().startsWith("{\"frame\":" + i), "frame " + i);
      }
      p.toHandle().destroy();
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stops within 20 s");
    }
    assertEquals(143, p.exitValue(), "128 + SIGTERM");
    String err = Files.readString(errFile);
    assertTrue(err.contains("summary (stopped by signal): 3 frames"), err);
  }
}
