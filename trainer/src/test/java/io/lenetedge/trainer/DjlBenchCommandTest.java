package io.lenetedge.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lenetedge.testkit.BenchShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code trainer bench} on a tiny checkpoint: table rows, JSON fields, usage errors. No timing asserts. */
class DjlBenchCommandTest {
  static {
    BuildInfo.applyDjlDefaults();
  }

  @TempDir static Path dir;
  static Path run;

  @BeforeAll
  static void trainTinyCheckpoint() {
    run = dir.resolve("tiny");
    TrainingRecipe recipe = TrainingRecipe.builder().optEpochs(1).optBatchSize(32)
        .optMaxBatchesPerEpoch(5).optValidationSize(500).optSeed(5)
        .optDevice(DeviceChoice.CPU).build();
    new TrainingRun(recipe, run).execute(RealMnist.load(), TrainingListener.NONE);
  }

  private static TrainerRun bench(String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "bench";
    System.arraycopy(args, 0, full, 1, args.length);
    return TrainerRun.of(full);
  }


  @Test
  void tableAndJsonHaveARowPerThreadCountAndBatch() throws IOException {
    Path json = dir.resolve("out/bench.json");
    TrainerRun r = bench("--checkpoint", run.toString(), "--batch", "1,4", "--threads", "1,2",
        "--warmup", "5", "--iterations", "20", "--json", json.toString());
    assertEquals(0, r.exit(), r.err());

    List<String> lines = r.out().lines().toList();
    assertEquals(5, lines.size(), r.out());
    assertEquals(List.of("ep", "threads", "batch", "p50", "µs", "p90", "µs", "p99", "µs", "p99.9",
        "µs", "max", "µs", "images/s", "RSS", "MB"), List.of(lines.get(0).trim().split("\\s+")));
    Set<String> configs = new HashSet<>();
    for (String line : lines.subList(1, 5)) {
      String[] f = line.trim().split("\\s+");
      assertEquals(10, f.length, line);
      assertEquals(DjlBenchCommand.ENGINE, f[0]);
      configs.add(f[1] + "x" + f[2]);
      for (int i = 3; i < 10; i++) {
        assertTrue(Double.parseDouble(f[i].replace(",", "")) > 0, line);
      }
    }
    assertEquals(Set.of("1x1", "1x4", "2x1", "2x4"), configs);

    String text = Files.readString(json);
    assertEquals(List.of(), BenchShape.problems(text), "the shape edge-runtime bench writes too");
    JsonObject report = JsonParser.parseString(text).getAsJsonObject();
    JsonObject runtime = report.getAsJsonObject("machine").getAsJsonObject("runtime");
    assertEquals(BuildInfo.djlVersion(), runtime.get("djl").getAsString());
    assertEquals(BuildInfo.pytorchVersion(), runtime.get("pytorch").getAsString());
    assertEquals(run.toString(), report.getAsJsonObject("model").get("source").getAsString());
    assertEquals(Checkpoint.readDescription(run).parametersSha256(),
        report.getAsJsonObject("model").get("sha256").getAsString());
    assertTrue(report.get("command").getAsString().startsWith("trainer bench --checkpoint"),
        report.get("command").getAsString());
    JsonArray results = report.getAsJsonArray("results");
    assertEquals(4, results.size());
    for (var e : results) {
      JsonObject row = e.getAsJsonObject();
      assertEquals(DjlBenchCommand.ENGINE, row.get("provider").getAsString());
      assertTrue(row.get("rssBytes").getAsLong() > 0, row.toString());
      JsonObject stats = row.getAsJsonObject("stats");
      assertEquals(20, stats.get("calls").getAsLong(), row.toString());
      assertEquals(row.get("batch").getAsInt(), stats.get("imagesPerCall").getAsInt());
      assertTrue(stats.get("p50").getAsDouble() > 0, row.toString());
      assertTrue(stats.get("p50").getAsDouble() <= stats.get("max").getAsDouble(), row.toString());
    }
  }

  @Test
  void badArgumentsAreUsageErrorsWithTheFix() {
    String ckpt = run.toString();
    TrainerRun zeroBatch = bench("--checkpoint", ckpt, "--batch", "0");
    assertEquals(CommandLine.ExitCode.USAGE, zeroBatch.exit());
    assertTrue(zeroBatch.err().contains("--batch"), zeroBatch.err());
    assertEquals(CommandLine.ExitCode.USAGE, bench("--checkpoint", ckpt, "--batch", "x").exit());
    assertEquals(CommandLine.ExitCode.USAGE, bench("--checkpoint", ckpt, "--threads", "0").exit());
    assertEquals(CommandLine.ExitCode.USAGE, bench("--checkpoint", ckpt, "--iterations", "0").exit());
    assertEquals(CommandLine.ExitCode.USAGE, bench("--checkpoint", ckpt, "--warmup", "-1").exit());
    assertEquals(CommandLine.ExitCode.USAGE, bench("--checkpoint", ckpt, "--bogus").exit());
    TrainerRun missing = bench("--checkpoint", dir.resolve("nothing").toString());
    assertEquals(CommandLine.ExitCode.USAGE, missing.exit());
    assertTrue(missing.err().contains("trainer train --out"), missing.err());
    assertFalse(missing.err().contains("\tat "), missing.err());
  }
}
