package io.lenetedge.edge.cli;

import static io.lenetedge.common.UserError.Kind.INPUT;
import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.IdxImages;
import io.lenetedge.common.IdxReader;
import io.lenetedge.common.ModelContract;
import io.lenetedge.common.SyntheticDigits;
import io.lenetedge.common.UserError;
import io.lenetedge.common.bench.BenchDefaults;
import io.lenetedge.common.bench.BenchReport;
import io.lenetedge.common.bench.BenchRow;
import io.lenetedge.common.bench.LatencyStats;
import io.lenetedge.common.bench.Machine;
import io.lenetedge.common.bench.ProcessMemory;
import io.lenetedge.edge.BuildInfo;
import io.lenetedge.edge.bench.BareOrtLoop;
import io.lenetedge.edge.bench.ColdStart;
import io.lenetedge.edge.bench.LatencyBench;
import io.lenetedge.edge.bench.LatencyPlot;
import io.lenetedge.edge.bench.PipelineBench;
import io.lenetedge.edge.read.FrameReader;
import io.lenetedge.edge.read.ReadMode;
import io.lenetedge.edge.run.Decider;
import io.lenetedge.edge.run.FramePipeline;
import io.lenetedge.edge.run.FrameResult;
import io.lenetedge.edge.run.MeterGuard;
import io.lenetedge.edge.source.Frame;
import io.lenetedge.edge.source.FrameSource;
import io.lenetedge.edge.source.SourceSpec;
import io.lenetedge.edge.source.Sources;
import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.EmbeddedPageModels;
import io.lenetedge.edge.model.ExecutionProvider;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelOverrides;
import io.lenetedge.edge.model.Sessions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench}: inference latency and throughput for every provider, thread and batch setting, or
 * with {@code --source} the frame loop's stages; options of the other mode are refused
 * ({@link BenchModes}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure inference latency (p50/p90/p99/p99.9/max, HdrHistogram) and throughput"
        + " for each combination of execution provider, threads and batch size; with --source,"
        + " time each stage of the frame loop instead. An option of the other mode is an error.")
public final class BenchCommand implements Callable<Integer> {
  private static final int MAX_PRELOAD = 300;
  /** The provider bench measures without --ep: a named one, so that a row says what ran. */
  static final String DEFAULT_PROVIDER = "cpu";

  @Spec CommandSpec spec;

  @Mixin ModelFileOption model;

  @Option(names = "--ep", split = ",", defaultValue = DEFAULT_PROVIDER, paramLabel = "EP",
      description = "Execution providers, comma-separated: " + ModelOptions.PROVIDERS
          + " (default: ${DEFAULT-VALUE}; one with --source).")
  List<String> providers;

  @Option(names = "--threads", split = ",", defaultValue = ModelOptions.DEFAULT_THREADS,
      description = "Intra-op thread counts, comma-separated (default: ${DEFAULT-VALUE}; one with"
          + " --source).")
  List<Integer> threads;

  @Option(names = "--batch", split = ",", defaultValue = BenchDefaults.BATCH,
      description = "Batch sizes, comma-separated (default: ${DEFAULT-VALUE}).")
  List<Integer> batches;

  @Option(names = "--warmup", defaultValue = BenchDefaults.WARMUP,
      description = "Untimed calls (frames with --source) first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--iterations", defaultValue = BenchDefaults.ITERATIONS,
      description = "Timed calls (frames with --source) (default: ${DEFAULT-VALUE}).")
  long iterations;

  @Option(names = "--duration", defaultValue = "0",
      description = "Stop each configuration after this many seconds (0: run all iterations).")
  double duration;

  @Option(names = "--images", paramLabel = "IDX",
      description = "Benchmark on these IDX images (default: synthetic digit-like images).")
  Path images;

  @Option(names = "--source", paramLabel = "SPEC",
      description = "Pipeline mode: run the whole frame loop on this source (" + RunCommand.SOURCES
          + ") and time each stage. Finite sources (files, demo) are read into memory first and replayed until"
          + " --iterations frames; live cameras include their real wait for each frame.")
  String source;

  /** What to read in each frame: pipeline mode only. */
  @Mixin ReadOptions reading;

  @Option(names = "--cold-start", paramLabel = "N", defaultValue = "0",
      description = "Also start the runtime N times as fresh processes and time each to its first result.")
  int coldStarts;

  @Option(names = "--cold-start-baseline", paramLabel = "JAR",
      description = "With --cold-start: also start this other build of the runtime (java -jar JAR,"
          + " e.g. the previous release) as many times, interleaved, and print the ratio of the p50s.")
  Path coldStartBaseline;

  @Option(names = "--cold-start-java-options", paramLabel = "OPTIONS",
      description = "With --cold-start: JVM options for this runtime's fresh processes, e.g. the"
          + " service's -XX:SharedArchiveFile=... (space-separated; the baseline gets none).")
  String coldStartJavaOptions;

  @Option(names = "--compare", description = "Also time a bare ONNX Runtime loop on the same model"
      + " for each CPU setting (the runtime's overhead).")
  boolean compare;

  @Option(names = "--rounds", defaultValue = "20",
      description = "With --compare: alternate the runtime and the bare loop in this many slices of"
          + " the iterations, so both see the same machine state (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
  Path json;

  @Option(names = "--csv", paramLabel = "FILE", description = "Also write the results as CSV.")
  Path csv;

  @Option(names = "--plot", paramLabel = "FILE.png", description = "Also plot the latency distributions.")
  Path plot;

  @Override
  public Integer call() {
    BenchModes.check(spec.commandLine().getParseResult(), source != null);
    validate();
    if (source != null) {
      return pipeline();
    }
    List<ExecutionProvider> eps = providers.stream().map(ExecutionProvider::parse).toList();
    float[] data;
    int count;
    if (images != null) {
      IdxImages idx = IdxReader.readImages(images);
      count = Math.min(idx.count(), BenchDefaults.MAX_BATCH);
      data = new float[count * ModelContract.PIXELS];
      for (int i = 0; i < count; i++) {
        idx.copyScaled(i, data, i * ModelContract.PIXELS);
      }
    } else {
      count = 256;
      data = SyntheticDigits.strokes(count, 42);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ModelFile file = model.file(err::println);
    LatencyBench bench = new LatencyBench(warmup, iterations, duration);
    List<BenchRow> rows = new ArrayList<>();
    out.print(BenchRow.header());
    out.flush();
    for (ExecutionProvider ep : eps) {
      for (int t : threads) {
        for (int b : batches) {
          boolean withBare = compare && ep.kind() == ExecutionProvider.Kind.CPU;
          List<BenchRow> measured = withBare ? runWithBare(file, t, b, bench, data, count)
              : List.of(runOne(file, ep, t, b, bench, data, count));
          for (BenchRow row : measured) {
            rows.add(row);
            out.print(row.line());
          }
          if (withBare) {
            out.printf(java.util.Locale.ROOT, "%-8s p50 overhead over bare ONNX Runtime: %+.1f %%"
                + " (interleaved in %d rounds)%n", "", 100 * (measured.get(0).stats().p50()
                / measured.get(1).stats().p50() - 1), rounds);
          }
          out.flush();
        }
      }
    }
    double[] cold = new double[0];
    if (coldStarts > 0) {
      List<String> options = coldStartJavaOptions == null || coldStartJavaOptions.isBlank()
          ? List.of() : List.of(coldStartJavaOptions.trim().split("\\s+"));
      double[][] both;
      try {
        both = ColdStart.compare(coldStarts, ColdStart.sampleImage(), EdgeCli.class.getName(),
            options, coldStartBaseline);
      } catch (java.io.IOException e) {
        throw new UserError(UserError.Kind.FAILED, "--cold-start: cannot start the java processes it times: "
            + e.getMessage(), e);
      }
      cold = both[0];
      out.println(ColdStart.describe(options.isEmpty() ? "cold start" : "cold start (" + coldStartJavaOptions.trim() + ")", cold));
      if (coldStartBaseline != null) {
        out.println(ColdStart.describe("cold start of " + coldStartBaseline, both[1]));
        out.printf(java.util.Locale.ROOT, "cold start p50: %.2fx the baseline's (interleaved in one run)%n",
            ColdStart.median(cold) / ColdStart.median(both[1]));
      }
    }
    Machine machine = Machine.current(Map.of("onnxruntime", BuildInfo.get("onnxruntime.version")));
    BenchReport report = BenchReport.of(machine, new BenchReport.Model(file.source(), file.sha256()),
        warmup, iterations, duration, "edge-runtime " + String.join(" ",
            spec.commandLine().getParseResult().originalArgs()), rows, cold);
    if (json != null) {
      report.writeJson(json);
      err.println("wrote " + json);
    }
    if (csv != null) {
      report.writeCsv(csv);
      err.println("wrote " + csv);
    }
    if (plot != null) {
      LatencyPlot.write(rows, "edge-runtime bench: latency by percentile (" + machine.cpu() + ", "
          + machine.cores() + " cores)", plot);
      err.println("wrote " + plot);
    }
    err.flush();
    return 0;
  }

  private int pipeline() {
    SourceSpec sourceSpec = SourceSpec.parse(source);
    var preparation = reading.preparation();
    Decider decider = reading.meter() ? Decider.meter(new MeterGuard(reading.decimals(), false, null, 0))
        : Decider.digit(1, reading.minConfidence);
    ExecutionProvider ep = ExecutionProvider.parse(providers.get(0));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PipelineBench bench = new PipelineBench();
    try (DigitModel m = DigitModel.open(model.file(err::println), ep, threads.get(0),
        ModelOverrides.NONE, RunCommand.BATCH, line -> { });
        EmbeddedPageModels pages = EmbeddedPageModels.forMode(reading.pageModelMode(), ep,
            threads.get(0), RunCommand.BATCH)) {
      FramePipeline pipeline = new FramePipeline(
          new FrameReader(preparation, m, pages.models(), reading.minConfidence), decider);
      boolean live = sourceSpec.kind() == SourceSpec.Kind.RPICAM
          || sourceSpec.kind() == SourceSpec.Kind.V4L2 || sourceSpec.kind() == SourceSpec.Kind.GST
          || "-".equals(sourceSpec.target());
      if (live) {
        try (FrameSource frames = Sources.open(sourceSpec, 3, err::println)) {
          measure(pipeline, frames::next, bench);
        }
      } else {
        List<Frame> clip = preload(sourceSpec, err);
        long[] next = {0};
        measure(pipeline, () -> next[0] < warmup + iterations
            ? new Frame(next[0], clip.get((int) (next[0]++ % clip.size())).image()) : null, bench);
      }
      String read = reading.meter() ? ", meter windows"
          : reading.mode() == ReadMode.DIGIT ? "" : ", read " + reading.mode();
      out.print(bench.table(source + " on " + m.provider() + read));
    }
    out.flush();
    return 0;
  }

  /** Times each frame from {@code frames} through the pipeline after the warm-up. */
  private void measure(FramePipeline pipeline, FrameSupplier frames, PipelineBench bench) {
    long seen = 0;
    long t0 = System.nanoTime();
    for (Frame f; seen < warmup + iterations && (f = frames.next()) != null; ) {
      FrameResult r = pipeline.process(f, System.nanoTime() - t0);
      if (seen++ >= warmup) {
        bench.add(r);
      }
      t0 = System.nanoTime();
    }
  }

  /**
   * Reads a finite source into memory (at most {@value #MAX_PRELOAD} frames) so that the replay
   * times the frame loop, not decoding or drawing the clip.
   */
  private static List<Frame> preload(SourceSpec spec, PrintWriter err) {
    List<Frame> clip = new ArrayList<>();
    try (FrameSource frames = Sources.open(spec, 3, err::println)) {
      for (Frame f; clip.size() < MAX_PRELOAD && (f = frames.next()) != null; ) {
        clip.add(f);
      }
    }
    if (clip.isEmpty()) {
      throw new UserError(INPUT, "--source " + spec + " gave no frames to benchmark");
    }
    return clip;
  }

  @FunctionalInterface
  private interface FrameSupplier {
    Frame next();
  }

  private static BenchRow runOne(ModelFile file, ExecutionProvider ep, int threads, int batch,
      LatencyBench bench, float[] data, int count) {
    try (DigitModel m = DigitModel.open(file, ep, threads, ModelOverrides.NONE, batch, line -> { })) {
      LatencyStats stats = bench.run(m, batch, data, count);
      return BenchRow.measured(ep.toString(), threads, batch, stats, ProcessMemory.rssBytes());
    } catch (UserError e) {
      if (e.kind() != UserError.Kind.PROVIDER) {
        throw e;
      }
      return BenchRow.unavailable(ep.toString(), threads, batch, Sessions.reason(ep, e),
          ProcessMemory.rssBytes());
    }
  }

  /** The runtime on the CPU and a bare ONNX Runtime loop, interleaved in {@link #rounds} rounds. */
  private List<BenchRow> runWithBare(ModelFile file, int threads, int batch, LatencyBench bench,
      float[] data, int count) {
    try (DigitModel m = DigitModel.open(file, ExecutionProvider.CPU, threads, ModelOverrides.NONE,
        batch, line -> { });
        BareOrtLoop bare = BareOrtLoop.open(file.bytes(), m.spec().input().name(), threads, batch,
            data, count)) {
      LatencyStats[] stats = bench.interleave(LatencyBench.target(m, batch, data, count), bare,
          batch, rounds);
      long rss = ProcessMemory.rssBytes();
      return List.of(BenchRow.measured("cpu", threads, batch, stats[0], rss),
          BenchRow.measured("bare-ort", threads, batch, stats[1], rss));
    }
  }

  private void validate() {
    if (rounds < 1) {
      throw new UserError(USAGE, "--rounds must be at least 1, got " + rounds);
    }
    if ((coldStartBaseline != null || coldStartJavaOptions != null) && coldStarts < 1) {
      throw new UserError(USAGE, "--cold-start-baseline and --cold-start-java-options need"
          + " --cold-start N (how many processes of each)");
    }
    if (coldStartBaseline != null && !java.nio.file.Files.isRegularFile(coldStartBaseline)) {
      throw new UserError(USAGE, "--cold-start-baseline " + coldStartBaseline
          + ": no such file; give the jar of the build to compare with");
    }
    if (warmup < 0 || iterations < 1 || duration < 0 || coldStarts < 0) {
      throw new UserError(USAGE, "--warmup and --cold-start must be >= 0, --iterations >= 1"
          + " and --duration >= 0");
    }
    for (int t : threads) {
      if (t < 1) {
        throw new UserError(USAGE, "--threads values must be at least 1, got " + t);
      }
    }
    for (int b : batches) {
      if (b < 1 || b > BenchDefaults.MAX_BATCH) {
        throw new UserError(USAGE, "--batch values must be in [1," + BenchDefaults.MAX_BATCH
            + "], got " + b);
      }
    }
  }
}
