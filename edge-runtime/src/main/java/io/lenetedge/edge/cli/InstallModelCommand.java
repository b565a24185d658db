package io.lenetedge.edge.cli;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelInstaller;
import io.lenetedge.edge.model.ModelStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code install-model}: validates a model completely, then makes it the one {@code run} uses. */
@Command(name = "install-model", mixinStandardHelpOptions = true,
    description = "Validate a model (ONNX structure, the model contract, the SHA-256 of its weights"
        + " and of the file, accuracy on a labelled set built into the jar against the current"
        + " model) and install it into the models folder (written, flushed and renamed: a power"
        + " cut leaves the old or the new model). A running `run` switches to it between frames."
        + " A refused model changes nothing.")
public final class InstallModelCommand implements Callable<Integer> {
  /** A test's power cut: the process halts (exit 137) after this step of an install. */
  static final String HALT_PROPERTY = "lenet.edge.install.halt-after";

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "The ONNX model to install.")
  Path file;

  @Option(names = "--sha256", paramLabel = "HEX",
      description = "The SHA-256 the file must have (e.g. from the release notes).")
  String sha256;

  @Option(names = "--models-dir", paramLabel = "DIR",
      description = "The models folder (default: /var/lib/lenet-edge/models when it exists, else"
          + " ~/.local/share/lenet-edge/models).")
  Path modelsDir;

  @Option(names = "--margin", defaultValue = "" + ModelInstaller.DEFAULT_MARGIN, paramLabel = "POINTS",
      description = "Refuse a model more than this many percentage points less accurate than the"
          + " current one on the built-in set (default: ${DEFAULT-VALUE}).")
  double margin;

  @Option(names = "--rollback", description = "Make the previous model current again.")
  boolean rollback;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ModelStore store = ModelStore.at(modelsDir).stepsHalting(Integer.getInteger(HALT_PROPERTY, 0));
    if (rollback) {
      if (file != null) {
        throw new UserError(USAGE, "--rollback takes no FILE");
      }
      store.rollback();
      out.println("rolled back: " + store.dir().resolve("current.onnx") + " is the previous model"
          + " again (the one it replaced is kept as the previous)");
      return 0;
    }
    if (file == null) {
      throw new UserError(USAGE, "give the model FILE to install, or --rollback");
    }
    ModelInstaller.Installed done = new ModelInstaller(store, margin).install(ModelFile.load(file), sha256);
    out.println("installed " + file + " as " + store.dir().resolve("current.onnx") + " (" + done + ")");
    return 0;
  }
}
