package io.lenetedge.common.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.lenetedge.common.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A benchmark run: how and where it ran, and its rows; the one JSON and CSV shape of
 * {@code edge-runtime bench} and {@code trainer bench}.
 *
 * @param machine what it ran on
 * @param model the model measured
 * @param warmup untimed calls before each configuration
 * @param iterations timed calls per configuration at most
 * @param durationLimitSeconds time limit per configuration (0: none)
 * @param command the command line it ran with
 * @param created when the report was made (ISO-8601)
 * @param coldStartMillis process start to first result of each fresh process, if measured
 */
public record BenchReport(Machine machine, Model model, int warmup, long iterations,
    double durationLimitSeconds, String command, String created, List<BenchRow> results,
    double[] coldStartMillis) {

  /** How every bench writes its JSON (and a worker process hands its rows to its parent). */
  public static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
      .serializeSpecialFloatingPointValues().create();

  /**
   * The model a bench measured.
   *
   * @param source a file, {@code embedded:NAME} or a checkpoint folder
   * @param sha256 of the model file (for a checkpoint, of its parameters file)
   */
  public record Model(String source, String sha256) {}

  /** A report made now; {@code coldStartMillis} may be empty. */
  public static BenchReport of(Machine machine, Model model, int warmup, long iterations,
      double durationLimitSeconds, String command, List<BenchRow> rows, double[] coldStartMillis) {
    return new BenchReport(machine, model, warmup, iterations, durationLimitSeconds, command,
        Instant.now().toString(), List.copyOf(rows), coldStartMillis.clone());
  }

  public void writeJson(Path file) {
    write(file, GSON.toJson(this) + "\n");
  }

  public void writeCsv(Path file) {
    StringBuilder sb = new StringBuilder(BenchRow.csvHeader());
    results.forEach(r -> sb.append(r.csv()));
    write(file, sb.toString());
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UserError(UserError.Kind.FAILED, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
