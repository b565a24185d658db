package io.lenetedge.edge.cli;

import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelStore;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** {@code --model}: which model a verb runs, the same choice for every verb (run, bench, ...). */
public final class ModelFileOption {
  @Option(names = "--model", paramLabel = "FILE",
      description = "ONNX model to run (default: the one install-model installed, else the model"
          + " embedded in this jar).")
  Path model;

  /** Whether the model comes from the models folder (so a running loop may switch to a new one). */
  boolean installed() {
    return model == null;
  }

  /** The model file: {@code --model}, else the installed one, else the embedded one (said on the log). */
  ModelFile file(Consumer<String> log) {
    if (model != null) {
      return ModelFile.load(model);
    }
    Optional<Path> installed = ModelStore.at(null).current();
    if (installed.isPresent()) {
      log.accept("model: " + installed.get() + " (installed by install-model)");
      return ModelFile.load(installed.get());
    }
    return ModelFile.load(null);
  }
}
