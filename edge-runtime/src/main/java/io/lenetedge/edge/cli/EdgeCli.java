package io.lenetedge.edge.cli;

import io.lenetedge.common.UserError;
import io.lenetedge.common.cli.Failures;
import io.lenetedge.edge.BuildInfo;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar edge-runtime.jar}: the device-side command line. */
@Command(name = "edge-runtime", mixinStandardHelpOptions = true,
    versionProvider = EdgeCli.Version.class,
    description = "Recognise handwritten digits with ONNX Runtime on a Raspberry Pi, Jetson or PC.")
public final class EdgeCli {
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
    } catch (UserError e) {
      cli.getErr().println("error: " + e.getMessage());
      cli.getErr().flush();
      return e.exitCode();
    }
    return cli.execute(args);
  }

  /** The configured command line with every verb. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The configured command line for {@code argv}: only the verb they name when they name one (a
   * start builds one verb's options, not all five), every verb otherwise (help, a typo). User
   * errors become one line on stderr and their exit code, anything else a bug ({@link Failures}).
   */
  public static CommandLine commandLine(String[] argv) {
    CommandLine cli = new CommandLine(new EdgeCli());
    String verb = Arrays.stream(argv).filter(a -> !a.startsWith("-")).findFirst().orElse("");
    Supplier<Object> only = VERBS.get(verb);
    if (only != null) {
      cli.addSubcommand(verb, only.get());
    } else {
      VERBS.forEach((name, make) -> cli.addSubcommand(name, make.get()));
    }
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    Failures.install(cli, "ok", UserError.Kind.values());
    CommandLine.IParameterExceptionHandler usage = cli.getParameterExceptionHandler();
    return cli.setParameterExceptionHandler((e, args) -> {
      String fromConfig = e.getCommandLine().getDefaultValueProvider() instanceof ConfigFile c
          ? c.explain(e) : null;
      if (fromConfig == null) {
        return usage.handleParseException(e, args);
      }
      e.getCommandLine().getErr().println("error: " + fromConfig);
      e.getCommandLine().getErr().flush();
      return CommandLine.ExitCode.USAGE;
    });
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"edge-runtime " + BuildInfo.get("version") + ", ONNX Runtime "
          + BuildInfo.get("onnxruntime.version")};
    }
  }
}
