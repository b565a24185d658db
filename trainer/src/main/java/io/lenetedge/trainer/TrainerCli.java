package io.lenetedge.trainer;

import io.lenetedge.common.IdxFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar trainer.jar}: the trainer's command line. */
@Command(name = "trainer", mixinStandardHelpOptions = true, versionProvider = TrainerCli.Version.class,
    description = "Trains the LeNet-5 digit classifier on MNIST with DJL (PyTorch engine).",
    subcommands = {TrainCommand.class, FinetuneCommand.class, DjlBenchCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:training failed", "2:bad usage", "4:bad or missing data"})
public final class TrainerCli {
  public static final int EXIT_FAILED = 1;
  public static final int EXIT_DATA = 4;

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
    return new CommandLine(new TrainerCli())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println("error: " + e.getMessage());
          return exitCode(e);
        });
  }

  static int exitCode(Throwable e) {
    if (e instanceof IdxFormatException) {
      return EXIT_DATA;
    }
    if (e instanceof IllegalArgumentException) {
      return CommandLine.ExitCode.USAGE;
    }
    return EXIT_FAILED;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"trainer " + BuildInfo.version() + " (DJL " + BuildInfo.djlVersion()
          + ", PyTorch " + BuildInfo.pytorchVersion() + ")"};
    }
  }
}
