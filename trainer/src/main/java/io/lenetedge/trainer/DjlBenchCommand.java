package io.lenetedge.trainer;

import static io.lenetedge.common.UserError.Kind.FAILED;
import static io.lenetedge.common.UserError.Kind.USAGE;

import ai.djl.pytorch.jni.JniUtils;
import io.lenetedge.common.ModelContract;
import io.lenetedge.common.SyntheticDigits;
import io.lenetedge.common.UserError;
import io.lenetedge.common.bench.BenchDefaults;
import io.lenetedge.common.bench.BenchReport;
import io.lenetedge.common.bench.BenchRow;
import io.lenetedge.common.bench.LatencyStats;
import io.lenetedge.common.bench.Machine;
import io.lenetedge.common.bench.ProcessMemory;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trainer bench}: latency and throughput of DJL PyTorch inference on the CPU for each thread
 * count and batch size, to compare with {@code edge-runtime bench}.
 *
 * <p>DJL sets PyTorch's thread counts from {@code ai.djl.pytorch.num_threads} and
 * {@code ai.djl.pytorch.num_interop_threads} when the engine starts, so each {@code --threads} value
 * is measured in a child JVM of the same class path started with those properties (one inter-op
 * thread, and the parent's {@code -Xmx}, {@code -Xms} and {@code -XX:MaxDirectMemorySize}); the
 * parent only validates, collects and prints. Table, JSON and CSV have the shape of
 * {@code edge-runtime bench} ({@link BenchReport}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure DJL PyTorch inference latency (p50/p90/p99/p99.9/max, HdrHistogram) and"
        + " throughput on the CPU for each thread count and batch size. Each thread count runs in"
        + " its own JVM, since DJL sets PyTorch's thread count only when its engine starts.")
public final class DjlBenchCommand implements Callable<Integer> {
  /** The provider column of the table and the JSON. */
  public static final String ENGINE = "djl-pytorch";
  private static final int IMAGE_POOL = 256;

  @Spec CommandSpec spec;

  @Option(names = "--checkpoint", paramLabel = "DIR", defaultValue = "runs/default",
      description = "Run folder written by `trainer train` (default: ${DEFAULT-VALUE}).")
  Path checkpoint;

  @Option(names = "--batch", paramLabel = "N", split = ",", defaultValue = BenchDefaults.BATCH,
      description = "Batch sizes, comma-separated (default: ${DEFAULT-VALUE}).")
  List<Integer> batches;

  @Option(names = "--threads", paramLabel = "N", split = ",", defaultValue = "1",
      description = "PyTorch intra-op thread counts, comma-separated; each runs in its own JVM"
          + " (default: ${DEFAULT-VALUE}).")
  List<Integer> threads;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = BenchDefaults.WARMUP,
      description = "Untimed calls first, per batch size (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = BenchDefaults.ITERATIONS,
      description = "Timed calls per batch size (default: ${DEFAULT-VALUE}).")
  long iterations;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
  Path json;

  @Option(names = "--csv", paramLabel = "FILE", description = "Also write the results as CSV.")
  Path csv;

  @Option(names = "--worker-out", paramLabel = "FILE", hidden = true,
      description = "Measure in this JVM (one --threads value, set by the parent) and write the rows"
          + " to FILE.")
  Path workerOut;

  @Override
  public Integer call() throws IOException, InterruptedException {
    validate();
    if (workerOut != null) {
      return worker();
    }
    CheckpointDescription description = Checkpoint.readDescription(checkpoint);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    err.println("bench: each --threads value runs in its own JVM (DJL sets PyTorch's thread count"
        + " only when its engine starts)");
    err.flush();
    out.print(BenchRow.header());
    out.flush();
    List<BenchRow> rows = new ArrayList<>();
    for (int t : threads) {
      for (BenchRow r : runChild(t, err)) {
        rows.add(r);
        out.print(r.line());
      }
      out.flush();
    }
    BenchReport report = BenchReport.of(machine(),
        new BenchReport.Model(checkpoint.toString(), description.parametersSha256()), warmup,
        iterations, 0, "trainer " + String.join(" ",
            spec.commandLine().getParseResult().originalArgs()), rows, new double[0]);
    if (json != null) {
      report.writeJson(json);
      err.println("wrote " + json);
    }
    if (csv != null) {
      report.writeCsv(csv);
      err.println("wrote " + csv);
    }
    err.flush();
    return 0;
  }

  private void validate() {
    if (warmup < 0 || iterations < 1) {
      throw new UserError(USAGE, "--warmup must be 0 or more and --iterations 1 or more, got "
          + warmup + " and " + iterations);
    }
    for (int b : batches) {
      if (b < 1 || b > BenchDefaults.MAX_BATCH) {
        throw new UserError(USAGE, "--batch values must be in [1," + BenchDefaults.MAX_BATCH
            + "], got " + b);
      }
    }
    for (int t : threads) {
      if (t < 1 || t > 256) {
        throw new UserError(USAGE, "--threads values must be in [1,256], got " + t);
      }
    }
    if (!Files.isDirectory(checkpoint)) {
      throw new UserError(USAGE, "--checkpoint " + checkpoint + ": no such folder; pass a run"
          + " folder written by `trainer train --out` (e.g. runs/default)");
    }
    if (workerOut != null && threads.size() != 1) {
      throw new UserError(USAGE, "--worker-out measures one --threads value, got " + threads);
    }
  }

  private List<BenchRow> runChild(int threadCount, PrintWriter err)
      throws IOException, InterruptedException {
    Path rows = Files.createTempFile("djl-bench-", ".json");
    Process process = null;
    try {
      process = new ProcessBuilder(childCommand(threadCount, rows)).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      log.lines().filter(l -> l.startsWith("warning:")).forEach(err::println);
      if (exit != 0) {
        throw new UserError(FAILED, "the benchmark JVM for --threads " + threadCount + " failed (exit "
            + exit + "): " + lastLine(log));
      }
      return List.of(BenchReport.GSON.fromJson(Files.readString(rows), BenchRow[].class));
    } finally {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
      }
      Files.deleteIfExists(rows);
    }
  }

  private List<String> childCommand(int threadCount, Path rows) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-Xmx") || a.startsWith("-Xms")
            || a.startsWith("-XX:MaxDirectMemorySize="))
        .forEach(cmd::add);
    System.getProperties().stringPropertyNames().stream().sorted()
        .filter(k -> k.startsWith("ai.djl.") && !k.startsWith("ai.djl.pytorch.num_"))
        .forEach(k -> cmd.add("-D" + k + "=" + System.getProperty(k)));
    cmd.add("-Dai.djl.pytorch.num_threads=" + threadCount);
    cmd.add("-Dai.djl.pytorch.num_interop_threads=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(TrainerCli.class.getName());
    cmd.addAll(List.of("bench", "--worker-out", rows.toString(),
        "--checkpoint", checkpoint.toAbsolutePath().toString(),
        "--threads", String.valueOf(threadCount),
        "--batch", batches.stream().map(String::valueOf).collect(Collectors.joining(",")),
        "--warmup", String.valueOf(warmup), "--iterations", String.valueOf(iterations)));
    return cmd;
  }

  private int worker() {
    PrintWriter err = spec.commandLine().getErr();
    List<BenchRow> results = new ArrayList<>();
    try (DjlInference inference = DjlInference.open(checkpoint)) {
      int actual = JniUtils.getNumThreads();
      if (actual != threads.get(0)) {
        err.println("warning: PyTorch runs " + actual + " intra-op threads, not the "
            + threads.get(0) + " asked for; was the engine started before -Dai.djl.pytorch.num_threads"
            + " was set?");
      }
      float[] pool = SyntheticDigits.strokes(IMAGE_POOL, 42);
      for (int b : batches) {
        results.add(measure(inference, b, actual, pool, err));
      }
    }
    err.flush();
    Checkpoint.writeJson(workerOut, results);
    return 0;
  }

  private BenchRow measure(DjlInference inference, int batch, int actualThreads, float[] pool,
      PrintWriter err) {
    float[] input = new float[batch * ModelContract.PIXELS];
    Histogram histogram = LatencyStats.newHistogram();
    double checksum = 0;
    long timedStart = System.nanoTime();
    for (long i = 0; i < warmup + iterations; i++) {
      if (i == warmup) {
        timedStart = System.nanoTime();
      }
      fill(pool, (int) (i % IMAGE_POOL), input, batch);
      long t0 = System.nanoTime();
      float[] logits = inference.logits(input);
      long t1 = System.nanoTime();
      checksum += logits[0];
      if (i >= warmup) {
        histogram.recordValue(Math.min(t1 - t0, histogram.getHighestTrackableValue()));
      }
    }
    double seconds = (System.nanoTime() - timedStart) / 1e9;
    if (Double.isNaN(checksum)) {
      err.println("warning: the model returned NaN logits");
    }
    return BenchRow.measured(ENGINE, actualThreads, batch,
        LatencyStats.of(histogram, batch, seconds), ProcessMemory.rssBytes());
  }

  private static void fill(float[] pool, int first, float[] dst, int batch) {
    int count = pool.length / ModelContract.PIXELS;
    for (int b = 0; b < batch; b++) {
      System.arraycopy(pool, ((first + b) % count) * ModelContract.PIXELS, dst,
          b * ModelContract.PIXELS, ModelContract.PIXELS);
    }
  }

  private static String lastLine(String log) {
    List<String> lines = log.lines().filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
  }

  static Machine machine() {
    Map<String, String> runtime = new LinkedHashMap<>();
    runtime.put("djl", BuildInfo.djlVersion());
    runtime.put("pytorch", BuildInfo.pytorchVersion());
    return Machine.current(runtime);
  }
}
