package io.lenetedge.edge.bench;

import com.google.gson.GsonBuilder;
import io.lenetedge.edge.model.ModelFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark run: how and where it ran, and its rows; renders as a table, JSON and CSV.
 *
 * @param machine CPU, cores, OS, JVM and ONNX Runtime version
 * @param model the model's source and SHA-256
 * @param command the arguments the bench ran with
 * @param coldStartMillis process start to first result of each fresh process, if measured
 */
public record BenchReport(Map<String, Object> machine, Map<String, String> model, int warmup,
    long iterations, double durationLimitSeconds, String command, String created,
    List<BenchRow> results, double[] coldStartMillis) {

  public static BenchReport of(ModelFile file, int warmup, long iterations, double duration,
      List<BenchRow> rows, double[] coldStartMillis, String args) {
    Map<String, String> model = new LinkedHashMap<>();
    model.put("source", file.source());
    model.put("sha256", file.sha256());
    return new BenchReport(Machine.describe(), model, warmup, iterations, duration,
        "edge-runtime " + args, Instant.now().toString(), List.copyOf(rows),
        coldStartMillis.clone());
  }

  public static String header() {
    return BenchRow.header();
  }

  public static String line(BenchRow row) {
    return row.line();
  }

  public void writeJson(Path file) {
    write(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
        .serializeSpecialFloatingPointValues().create().toJson(this) + "\n");
  }

  public void writeCsv(Path file) {
    StringBuilder sb = new StringBuilder(BenchRow.csvHeader());
    results.forEach(r -> sb.append(r.csv()));
    write(file, sb.toString());
  }

  private static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
