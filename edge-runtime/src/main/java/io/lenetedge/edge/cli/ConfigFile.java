package io.lenetedge.edge.cli;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code run} options from a properties file: {@code --config FILE}, else {@value #DEFAULT_PATH}
 * when it exists. Keys are the long option names without the dashes ({@code source},
 * {@code min-confidence}, {@code gpio.segments}: a dot may stand for a dash); the command line
 * wins. Unknown keys are an error that lists the valid ones; a bad value is reported with its key
 * and file by {@link #explain}.
 */
final class ConfigFile implements CommandLine.IDefaultValueProvider {
  static final String DEFAULT_PATH = "/etc/lenet-edge/edge.properties";
  /** Overrides {@link #DEFAULT_PATH} (tests, unusual layouts). */
  static final String DEFAULT_PATH_PROPERTY = "edge.config";

  private final Path path;
  /** Option name ("--smooth") to its value and the key it was written as. */
  private final Map<String, String[]> values;

  private ConfigFile(Path path, Map<String, String[]> values) {
    this.path = path;
    this.values = values;
  }

  /**
   * Gives the {@code run} subcommand its defaults from the config file named in {@code args} (or
   * the default one, if present).
   *
   * @throws UserError (USAGE) naming the file and key when it cannot be used
   */
  static void install(CommandLine root, String... args) {
    CommandLine run = root.getSubcommands().get("run");
    int verb = indexOf(args, "run");
    if (run == null || verb < 0) {
      return;
    }
    Path path = null;
    for (int i = verb + 1; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        path = Path.of(args[i + 1]);
        if (!Files.isRegularFile(path)) {
          throw new UserError(USAGE, "--config " + path + ": no such file");
        }
      } else if (args[i].startsWith("--config=")) {
        path = Path.of(args[i].substring("--config=".length()));
        if (!Files.isRegularFile(path)) {
          throw new UserError(USAGE, "--config " + path + ": no such file");
        }
      }
    }
    if (path == null) {
      Path fallback = Path.of(System.getProperty(DEFAULT_PATH_PROPERTY, DEFAULT_PATH));
      if (!Files.isRegularFile(fallback)) {
        return;
      }
      path = fallback;
    }
    run.setDefaultValueProvider(load(path, run.getCommandSpec()));
  }

  static ConfigFile load(Path path, CommandSpec command) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw new UserError(USAGE, path + ": cannot read it as a properties file ("
          + e.getMessage() + ")");
    }
    Map<String, OptionSpec> options = new LinkedHashMap<>();
    for (OptionSpec o : command.options()) {
      if (!o.usageHelp() && !o.versionHelp() && !o.longestName().equals("--config")) {
        options.put(o.longestName(), o);
      }
    }
    Map<String, String[]> values = new LinkedHashMap<>();
    for (String key : new TreeSet<>(p.stringPropertyNames())) {
      String name = "--" + key.strip().replace('.', '-');
      if (!options.containsKey(name)) {
        TreeSet<String> valid = new TreeSet<>();
        options.keySet().forEach(n -> valid.add(n.substring(2)));
        throw new UserError(USAGE, path + ": unknown key '" + key + "', expected one of "
            + valid);
      }
      String value = p.getProperty(key).strip();
      if (value.isEmpty()) {
        throw new UserError(USAGE, path + ": key '" + key + "' has no value");
      }
      values.put(name, new String[] {value, key});
    }
    return new ConfigFile(path, values);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (arg instanceof OptionSpec o) {
      String[] v = values.get(o.longestName());
      return v == null ? null : v[0];
    }
    return null;
  }

  /**
   * Rewords a picocli complaint about a value that came from this file so that it names the file
   * and key; null when the value came from the command line.
   */
  String explain(CommandLine.ParameterException e) {
    if (!(e.getArgSpec() instanceof OptionSpec o)) {
      return null;
    }
    String[] v = values.get(o.longestName());
    if (v == null || (e.getValue() != null && !e.getValue().equals(v[0]))) {
      return null;
    }
    String why = e.getMessage().replaceFirst("^Invalid value for option '[^']*': ", "");
    return path + ": key '" + v[1] + "': " + why;
  }

  private static int indexOf(String[] args, String verb) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(verb)) {
        return i;
      }
      if (!args[i].startsWith("-")) {
        return -1;
      }
    }
    return -1;
  }
}
