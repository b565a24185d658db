package io.lenetedge.exporter;

import io.lenetedge.common.MnistData;
import io.lenetedge.common.MnistFolder;
import io.lenetedge.common.UserError;
import io.lenetedge.common.cli.Failures;
import io.lenetedge.trainer.BuildInfo;
import io.lenetedge.trainer.Checkpoint;
import io.lenetedge.trainer.CheckpointDescription;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code java -jar exporter.jar --checkpoint runs/NAME --out models/lenet5.onnx}. */
@Command(name = "exporter", mixinStandardHelpOptions = true,
    versionProvider = ExporterCli.Version.class,
    description = "Export a trained checkpoint to ONNX (IR 8, opset 17) and verify it against the"
        + " trainer with ONNX Runtime on the MNIST test set.")
public final class ExporterCli implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--checkpoint", required = true, description = "Run folder written by `trainer train`.")
  Path checkpoint;

  @Option(names = "--out", defaultValue = "models/lenet5.onnx", description = "ONNX file to write (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--data", defaultValue = "data/mnist",
      description = "MNIST folder for the verification (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--card", description = "Also write a model card (JSON) with the file's SHA-256, size and figures.")
  Path card;

  static {
    // set once for the whole process, before any image, font or plot class is touched
    System.setProperty("java.awt.headless", "true");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The configured command line: a user error becomes a one-line message and its exit code (a
   * failed verification or write is 1, nothing written), anything else is reported as a bug
   * ({@link Failures}).
   */
  public static CommandLine commandLine() {
    BuildInfo.applyDjlDefaults();
    return Failures.install(new CommandLine(new ExporterCli()), "exported and verified",
        UserError.Kind.USAGE, UserError.Kind.MODEL, UserError.Kind.INPUT);
  }

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    MnistData mnist = MnistFolder.load(data, err::println);
    OnnxExport.Result r = OnnxExport.export(checkpoint, mnist, out);
    var o = spec.commandLine().getOut();
    o.print(r.verification().report());
    o.printf(Locale.ROOT, "wrote %s: %,d bytes, SHA-256 %s%n", r.file(), r.bytes(), r.sha256());
    if (card != null) {
      CheckpointDescription d = Checkpoint.readDescription(checkpoint);
      Checkpoint.writeJson(card, ModelCard.of(r, d));
      o.printf("wrote %s%n", card);
    }
    o.flush();
    return 0;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"exporter " + ExporterBuildInfo.version() + " (ONNX Runtime "
          + ExporterBuildInfo.onnxRuntimeVersion() + " for verification)"};
    }
  }
}
