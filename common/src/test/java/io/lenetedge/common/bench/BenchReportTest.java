package io.lenetedge.common.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {
  @TempDir Path dir;

  private static LatencyStats stats() {
    Histogram h = LatencyStats.newHistogram();
    h.recordValue(40_000);
    h.recordValue(60_000);
    return LatencyStats.of(h, 1, 0.001);
  }

  private static BenchReport report() {
    return BenchReport.of(Machine.current(Map.of("onnxruntime", "1.29.0")),
        new BenchReport.Model("embedded:lenet5.onnx", "ab12"), 5, 30, 0, "edge-runtime bench",
        List.of(BenchRow.measured("cpu", 1, 1, stats(), 1 << 20),
            BenchRow.unavailable("cuda:0", 1, 1, "no \"CUDA\" here", -1)),
        new double[] {400.5});
  }

  @Test
  void jsonHasTheRecordsFieldsAndLeavesOutWhatARowLacks() throws Exception {
    Path json = dir.resolve("sub/r.json");
    report().writeJson(json);
    JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    assertEquals(Set.of("machine", "model", "warmup", "iterations", "durationLimitSeconds",
        "command", "created", "results", "coldStartMillis"), o.keySet());
    assertEquals(Set.of("cpu", "cores", "os", "jvm", "runtime"), o.getAsJsonObject("machine").keySet());
    assertEquals("1.29.0", o.getAsJsonObject("machine").getAsJsonObject("runtime")
        .get("onnxruntime").getAsString());
    JsonObject ran = o.getAsJsonArray("results").get(0).getAsJsonObject();
    assertEquals(Set.of("provider", "threads", "batch", "stats", "rssBytes"), ran.keySet());
    assertEquals(60.0, ran.getAsJsonObject("stats").get("max").getAsDouble(), 0.1);
    JsonObject not = o.getAsJsonArray("results").get(1).getAsJsonObject();
    assertEquals(Set.of("provider", "threads", "batch", "unavailable", "rssBytes"), not.keySet());
  }

  @Test
  void aReadBackRowEqualsTheWrittenOne() {
    BenchRow row = BenchRow.measured("djl-pytorch", 2, 64, stats(), 5);
    BenchRow back = BenchReport.GSON.fromJson(BenchReport.GSON.toJson(row), BenchRow.class);
    assertEquals(row.line(), back.line());
  }

  @Test
  void csvHasARowPerResultAndQuotesTheReason() throws Exception {
    Path csv = dir.resolve("r.csv");
    report().writeCsv(csv);
    List<String> lines = Files.readAllLines(csv);
    assertEquals(3, lines.size());
    assertTrue(lines.get(1).startsWith("cpu,1,1,ok,2,"), lines.get(1));
    assertEquals("cuda:0,1,1,\"unavailable: no 'CUDA' here\",,,,,,,,,", lines.get(2));
  }

  @Test
  void tableLinesLineUpWithTheHeader() {
    String header = BenchRow.header();
    String line = BenchRow.measured("djl-pytorch", 1, 64, stats(), 1 << 20).line();
    assertEquals(header.length(), line.length(), header + line);
    assertTrue(line.startsWith("djl-pytorch       1    64 "), line);
    assertFalse(report().results().get(1).ran());
    assertTrue(report().results().get(1).line().contains("unavailable: no \"CUDA\" here"));
  }

  @Test
  void aMachineWithoutRuntimeLeavesTheFieldOut() {
    JsonObject m = JsonParser.parseString(BenchReport.GSON.toJson(Machine.current()))
        .getAsJsonObject();
    assertEquals(Set.of("cpu", "cores", "os", "jvm"), m.keySet());
    assertEquals(Runtime.getRuntime().availableProcessors(), m.get("cores").getAsInt());
  }
}
