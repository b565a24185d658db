package io.lenetedge.edge.cli;

import io.lenetedge.common.IdxFormatException;
import io.lenetedge.edge.BuildInfo;
import io.lenetedge.edge.gpio.GpioException;
import io.lenetedge.image.ImageException;
import io.lenetedge.edge.model.ModelException;
import io.lenetedge.edge.model.ProviderException;
import io.lenetedge.edge.source.SourceException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar edge-runtime.jar}: the device-side command line. */
@Command(name = "edge-runtime", mixinStandardHelpOptions = true,
    versionProvider = EdgeCli.Version.class,
    description = "Recognise handwritten digits with ONNX Runtime on a Raspberry Pi, Jetson or PC.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ok", "1:internal error", "2:bad usage", "3:model missing or unusable",
        "4:bad input or source", "5:execution provider unavailable", "6:GPIO unavailable"})
public final class EdgeCli {
  public static final int EXIT_INTERNAL = 1;
  public static final int EXIT_MODEL = 3;
  public static final int EXIT_INPUT = 4;
  public static final int EXIT_PROVIDER = 5;
  public static final int EXIT_GPIO = 6;

  /** The verbs, in the order the help lists them; each made only when it is used. */
  private static final Map<String, Supplier<Object>> VERBS = verbs();

  static {
    // set once for the whole process, before any image, font or plot class is touched
    System.setProperty("java.awt.headless", "true");
  }

  public static void main(String[] args) {
    System.exit(execute(commandLine(args), args));
  }

  private static Map<String, Supplier<Object>> verbs() {
    Map<String, Supplier<Object>> v = new LinkedHashMap<>();
    v.put("run", RunCommand::new);
    v.put("info", InfoCommand::new);
    v.put("classify", ClassifyCommand::new);
    v.put("eval", EvalCommand::new);
    v.put("bench", BenchCommand::new);
    v.put("install-model", InstallModelCommand::new);
    return v;
  }

  /** Runs {@code args} on {@code cli} with the {@code run} verb's config file in place. */
  public static int execute(CommandLine cli, String... args) {
    try {
      ConfigFile.install(cli, args);
    } catch (IllegalArgumentException e) {
      cli.getErr().println("error: " + e.getMessage());
      cli.getErr().flush();
      return CommandLine.ExitCode.USAGE;
    }
    return cli.execute(args);
  }

  /** The configured command line with every verb. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The configured command line for {@code args}: only the verb they name when they name one (a
   * start builds one verb's options, not all five), every verb otherwise (help, a typo). User
   * errors become one line on stderr and an exit code.
   */
  public static CommandLine commandLine(String[] argv) {
    CommandLine cli = new CommandLine(new EdgeCli());
    Supplier<Object> only = argv.length > 0 ? VERBS.get(argv[0]) : null;
    if (only != null) {
      cli.addSubcommand(argv[0], only.get());
    } else {
      VERBS.forEach((name, verb) -> cli.addSubcommand(name, verb.get()));
    }
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    CommandLine.IParameterExceptionHandler usage = cli.getParameterExceptionHandler();
    return cli
        .setParameterExceptionHandler((e, args) -> {
          String fromConfig = e.getCommandLine().getDefaultValueProvider() instanceof ConfigFile c
              ? c.explain(e) : null;
          if (fromConfig == null) {
            return usage.handleParseException(e, args);
          }
          e.getCommandLine().getErr().println("error: " + fromConfig);
          e.getCommandLine().getErr().flush();
          return CommandLine.ExitCode.USAGE;
        })
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          int code = exitCode(e);
          cmd.getErr().println("error: " + e.getMessage());
          if (code == EXIT_INTERNAL) {
            e.printStackTrace(cmd.getErr());
          }
          cmd.getErr().flush();
          return code;
        });
  }

  static int exitCode(Throwable e) {
    if (e instanceof ModelException) {
      return EXIT_MODEL;
    }
    if (e instanceof ImageException || e instanceof IdxFormatException || e instanceof InputException
        || e instanceof SourceException) {
      return EXIT_INPUT;
    }
    if (e instanceof ProviderException) {
      return EXIT_PROVIDER;
    }
    if (e instanceof GpioException) {
      return EXIT_GPIO;
    }
    if (e instanceof IllegalArgumentException) {
      return CommandLine.ExitCode.USAGE;
    }
    return EXIT_INTERNAL;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"edge-runtime " + BuildInfo.get("version") + ", ONNX Runtime "
          + BuildInfo.get("onnxruntime.version")};
    }
  }
}
