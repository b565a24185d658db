package io.lenetedge.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lenetedge.edge.CliRun;
import io.lenetedge.testkit.BenchShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** The bench verb's arguments, outputs and provider reporting, on short runs (no timing asserts). */
class BenchCommandTest {
  @TempDir Path dir;

  @Test
  void everyCombinationIsReportedInTableJsonAndCsv() throws Exception {
    Path json = dir.resolve("out/bench.json");
    Path csv = dir.resolve("bench.csv");
    CliRun r = CliRun.of("bench", "--ep", "cpu,cuda", "--threads", "1,2", "--batch", "1,8",
        "--warmup", "5", "--iterations", "30", "--json", json.toString(), "--csv", csv.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> rows = r.out().lines().skip(1).toList();
    assertEquals(8, rows.size(), r.out());
    assertEquals(4, rows.stream().filter(l -> l.startsWith("cpu ")).count());
    assertTrue(rows.stream().filter(l -> l.startsWith("cuda:0")).allMatch(l -> l.contains("unavailable:")),
        r.out());

    JsonObject report = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    JsonArray results = report.getAsJsonArray("results");
    assertEquals(8, results.size());
    JsonObject first = results.get(0).getAsJsonObject();
    assertEquals("cpu", first.get("provider").getAsString());
    JsonObject stats = first.getAsJsonObject("stats");
    assertEquals(30, stats.get("calls").getAsLong());
    assertTrue(stats.get("p50").getAsDouble() > 0);
    assertTrue(stats.get("p50").getAsDouble() <= stats.get("p99").getAsDouble());
    assertTrue(stats.get("p99").getAsDouble() <= stats.get("max").getAsDouble());
    assertTrue(report.getAsJsonObject("machine").has("cpu"));
    String ort = report.getAsJsonObject("machine").getAsJsonObject("runtime").get("onnxruntime")
        .getAsString();
    String ortJar = ai.onnxruntime.OrtEnvironment.class.getProtectionDomain().getCodeSource()
        .getLocation().getPath();
    assertTrue(ortJar.endsWith("-" + ort + ".jar"), "ONNX Runtime " + ort + " but the class path has " + ortJar);
    assertTrue(report.get("command").getAsString().startsWith("edge-runtime bench --"), report.get("command").toString());
    assertTrue(report.get("command").getAsString().contains("--batch 1,8"));
    assertEquals(List.of(), BenchShape.problems(Files.readString(json)), "the shape trainer bench writes too");

    List<String> lines = Files.readAllLines(csv);
    assertEquals(9, lines.size());
    assertTrue(lines.get(0).startsWith("ep,threads,batch,status"));
    assertTrue(lines.get(2).startsWith("cpu,1,8,ok,30,"), lines.get(2));
    assertTrue(lines.get(5).contains("unavailable"), lines.get(5));
  }

  @Test
  void pipelineModeTimesEachStageAndReplaysAFiniteSource() {
    CliRun r = CliRun.of("bench", "--source", "demo", "--warmup", "5", "--iterations", "100");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("pipeline: demo on cpu, 100 frames"), r.out());
    for (String stage : List.of("wait for frame", "preprocess", "inference", "decision",
        "total (frame to decision)")) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith(stage + " ")), stage + " in " + r.out());
    }
    assertTrue(r.out().matches("(?s).*\\d+\\.\\d fps end to end.*"), r.out());
  }

  @Test
  void compareAddsABareOrtRowPlotAndColdStartAreWritten() throws Exception {
    Path png = dir.resolve("latency.png");
    Path json = dir.resolve("b.json");
    CliRun r = CliRun.of("bench", "--compare", "--warmup", "5", "--iterations", "40", "--rounds", "4",
        "--plot", png.toString(), "--json", json.toString(), "--cold-start", "1");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("bare-ort          1     1")), r.out());
    assertTrue(r.out().contains("p50 overhead over bare ONNX Runtime:"), r.out());
    assertTrue(r.out().contains("(interleaved in 4 rounds)"), r.out());
    assertTrue(r.out().matches("(?s).*cold start \\(process start to first result, 1 processes\\): p50 \\d+ ms.*"),
        r.out());
    var image = javax.imageio.ImageIO.read(png.toFile());
    assertEquals(1000, image.getWidth());
    JsonObject report = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    assertEquals(1, report.getAsJsonArray("coldStartMillis").size());
    assertEquals(2, report.getAsJsonArray("results").size());
    for (var row : report.getAsJsonArray("results")) {
      assertEquals(40, row.getAsJsonObject().getAsJsonObject("stats").get("calls").getAsLong(),
          "4 rounds of 10 calls each: " + row);
    }
    assertEquals(13, report.getAsJsonArray("results").get(1).getAsJsonObject().getAsJsonObject("stats")
        .getAsJsonArray("curve").size());
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertEquals(2, CliRun.of("bench", "--batch", "0").assertNoStackTrace().exit());
    assertEquals(2, CliRun.of("bench", "--threads", "0").assertNoStackTrace().exit());
    assertEquals(2, CliRun.of("bench", "--ep", "fpga").assertNoStackTrace().exit());
    assertEquals(2, CliRun.of("bench", "--iterations", "0").assertNoStackTrace().exit());
    assertEquals(2, CliRun.of("bench", "--compare", "--rounds", "0").assertNoStackTrace().exit());
    CliRun noCount = CliRun.of("bench", "--cold-start-baseline", "old.jar").assertNoStackTrace();
    assertEquals(2, noCount.exit());
    assertTrue(noCount.err().contains("--cold-start-baseline needs --cold-start N"), noCount.err());
    CliRun missing = CliRun.of("bench", "--cold-start", "1", "--cold-start-baseline", dir.resolve("old.jar").toString())
        .assertNoStackTrace();
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("no such file"), missing.err());
  }

  @Test
  void coldStartTakesTheJavaOptionsItIsGiven() {
    CliRun r = CliRun.of("bench", "--warmup", "1", "--iterations", "5", "--cold-start", "1",
        "--cold-start-java-options", "-Xshare:auto -XX:TieredStopAtLevel=1");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("cold start (-Xshare:auto -XX:TieredStopAtLevel=1) (process start to first result, 1 processes)"), r.out());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "--source demo|--batch 8|--batch applies to the model-latency mode",
      "--source demo|--compare|--compare applies to the model-latency mode",
      "--source demo|--json x.json|--json applies to the model-latency mode",
      "--source demo|--plot x.png|--plot applies to the model-latency mode",
      "--source demo|--cold-start 1|--cold-start applies to the model-latency mode",
      "--source demo|--duration 2|--duration applies to the model-latency mode",
      "--source demo|--ep cpu,cuda|--ep takes one value in the pipeline mode",
      "--source demo|--threads 1,2|--threads takes one value in the pipeline mode",
      "--iterations 5|--read number|--read applies to the pipeline mode (bench --source SPEC)",
      "--iterations 5|--digits 0,0,9,9|--digits applies to the pipeline mode",
      "--iterations 5|--min-confidence 0.9|--min-confidence applies to the pipeline mode",
      "--iterations 5|--rounds 4|--rounds needs --compare"})
  void anOptionOfAnotherModeIsRefusedWithItsMode(String mode, String option, String message) {
    List<String> args = new java.util.ArrayList<>(List.of("bench"));
    args.addAll(List.of(mode.split(" ")));
    args.addAll(List.of(option.split(" ")));
    CliRun r = CliRun.of(args.toArray(String[]::new)).assertNoStackTrace();
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains(message), r.err());
    assertEquals("", r.out());
  }

  @Test
  void eachModeTakesItsOwnOptions() {
    assertEquals(0, CliRun.of("bench", "--source", "demo", "--read", "number", "--ep", "cpu",
        "--threads", "1", "--warmup", "2", "--iterations", "10").exit());
    assertEquals(0, CliRun.of("bench", "--batch", "2", "--duration", "5", "--compare", "--rounds",
        "2", "--warmup", "2", "--iterations", "10").exit());
  }
}
