package io.lenetedge.edge.cli;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.EmbeddedPageModels;
import io.lenetedge.edge.model.ExecutionProvider;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelOverrides;
import io.lenetedge.edge.model.OutputKind;
import io.lenetedge.edge.read.ReadMode;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every verb that runs a model shares. */
public final class ModelOptions {
  /** The providers {@code --ep} takes, for the help of every verb. */
  static final String PROVIDERS = "auto, cpu, cuda[:ID] or tensorrt[:ID]";
  /** ONNX Runtime intra-op threads when {@code --threads} is not given, for every verb. */
  static final String DEFAULT_THREADS = "1";

  @Mixin ModelFileOption model;

  @Option(names = "--ep", defaultValue = "auto", paramLabel = "EP",
      description = "Execution provider: " + PROVIDERS + " (default: ${DEFAULT-VALUE}).")
  String ep;

  @Option(names = "--threads", defaultValue = DEFAULT_THREADS,
      description = "ONNX Runtime intra-op threads (default: ${DEFAULT-VALUE}; more help only batches).")
  int threads;

  @Option(names = "--input-range", paramLabel = "1|255",
      description = "Pixel range the model takes, when its metadata does not say: 1 for [0,1], 255 for [0,255].")
  Float inputRange;

  @Option(names = "--mean", description = "Normalise input as (x - mean) / std before the model (x in [0,1]); with --std.")
  Float mean;

  @Option(names = "--std", description = "See --mean.")
  Float std;

  @Option(names = "--output", paramLabel = "KIND",
      description = "What the model's output holds (${COMPLETION-CANDIDATES}), when its metadata does not say.")
  OutputKind output;

  /** Opens the chosen model; messages about the provider go to {@code err}. */
  public DigitModel open(int maxBatch, PrintWriter err) {
    return open(maxBatch, line -> {
      err.println(line);
      err.flush();
    });
  }

  /** Opens the chosen model; messages about the provider go to {@code log}. */
  public DigitModel open(int maxBatch, java.util.function.Consumer<String> log) {
    if (threads < 1) {
      throw new UserError(USAGE, "--threads must be at least 1, got " + threads);
    }
    ModelOverrides overrides = new ModelOverrides(inputRange, mean, std, output);
    ExecutionProvider provider = ExecutionProvider.parse(ep);
    return DigitModel.open(file(log), provider, threads, overrides, maxBatch, log);
  }

  /**
   * The page models for reading in {@code mode}: the embedded ones on this {@code --ep}, except
   * for {@code --read digit}, which needs none.
   */
  public EmbeddedPageModels openPageModels(ReadMode mode, int maxBatch) {
    return EmbeddedPageModels.forMode(mode, ExecutionProvider.parse(ep), threads, maxBatch);
  }

  /** Whether the model comes from the models folder (so a running loop may switch to a new one). */
  boolean installed() {
    return model.installed();
  }

  /** The model file: {@code --model}, else the installed one, else the embedded one (said on the log). */
  ModelFile file(java.util.function.Consumer<String> log) {
    return model.file(log);
  }

  /** Opens {@code file} with these options, for a model that replaces the running one. */
  DigitModel open(ModelFile file, int maxBatch) {
    return DigitModel.open(file, ExecutionProvider.parse(ep), threads,
        new ModelOverrides(inputRange, mean, std, output), maxBatch, s -> { });
  }


}
