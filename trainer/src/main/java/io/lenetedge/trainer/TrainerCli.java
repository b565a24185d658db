package io.lenetedge.trainer;

import io.lenetedge.common.UserError;
import io.lenetedge.common.cli.Failures;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar trainer.jar}: the trainer's command line. */
@Command(name = "trainer", mixinStandardHelpOptions = true, versionProvider = TrainerCli.Version.class,
    description = "Trains the LeNet-5 digit classifier on MNIST with DJL (PyTorch engine).",
    subcommands = {TrainCommand.class, FinetuneCommand.class, DjlBenchCommand.class})
public final class TrainerCli {
  static {
    // set once for the whole process, before any image, font or plot class is touched
    System.setProperty("java.awt.headless", "true");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The configured command line: a user error becomes a one-line message and its exit code (a bad
   * checkpoint for finetune or bench is 3), anything else is reported as a bug ({@link Failures}).
   */
  public static CommandLine commandLine() {
    BuildInfo.applyDjlDefaults();
    CommandLine cli = new CommandLine(new TrainerCli()).setCaseInsensitiveEnumValuesAllowed(true);
    return Failures.install(cli, "done",
        UserError.Kind.USAGE, UserError.Kind.MODEL, UserError.Kind.INPUT, UserError.Kind.PROVIDER);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"trainer " + BuildInfo.version() + " (DJL " + BuildInfo.djlVersion()
          + ", PyTorch " + BuildInfo.pytorchVersion() + ")"};
    }
  }
}
