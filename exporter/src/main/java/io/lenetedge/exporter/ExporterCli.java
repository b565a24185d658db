package io.lenetedge.exporter;

import io.lenetedge.common.IdxFormatException;
import io.lenetedge.common.MnistData;
import io.lenetedge.common.MnistFolder;
import io.lenetedge.trainer.BuildInfo;
import io.lenetedge.trainer.Checkpoint;
import io.lenetedge.trainer.CheckpointDescription;
import io.lenetedge.trainer.TrainerException;
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
        + " trainer with ONNX Runtime on the MNIST test set.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:exported and verified", "1:verification or writing failed (nothing written)",
        "2:bad usage", "3:bad or missing checkpoint", "4:bad or missing MNIST data"})
public final class ExporterCli implements Callable<Integer> {
  public static final int EXIT_FAILED = 1;
  public static final int EXIT_CHECKPOINT = 3;
  public static final int EXIT_DATA = 4;

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

  /** The configured command line: user errors become a one-line message and an exit code. */
  public static CommandLine commandLine() {
    BuildInfo.applyDjlDefaults();
    return new CommandLine(new ExporterCli())
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println("error: " + e.getMessage());
          return exitCode(e);
        });
  }

  static int exitCode(Throwable e) {
    if (e instanceof TrainerException) {
      return EXIT_CHECKPOINT;
    }
    if (e instanceof IdxFormatException) {
      return EXIT_DATA;
    }
    if (e instanceof ExportException x && x.reason() == ExportException.Reason.CHECKPOINT) {
      return EXIT_CHECKPOINT;
    }
    if (e instanceof IllegalArgumentException) {
      return CommandLine.ExitCode.USAGE;
    }
    return EXIT_FAILED;
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
