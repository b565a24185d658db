package io.lenetedge.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Checks a README's option tables against picocli's model of the commands they describe, so the
 * two cannot drift. A table is marked by the HTML comment on the line above it: {@code <!--
 * options: trainer train -->} (every option of {@code trainer train} must be in it), or {@code
 * <!-- options: edge-runtime run --mqtt -->} (every option of {@code run} whose name starts with
 * {@code --mqtt}). Each row's first cell names the options (in backticks, a value after the
 * name; {@code a\|b\|c} lists an enum's choices, which must be its choices), the second their
 * default: the picocli default itself, {@code off} for a flag, {@code (required)} for a required
 * option, or any words for an option picocli has no default for.
 */
public final class ReadmeOptions {
  private static final Pattern MARKER =
      Pattern.compile("<!--\\s*options:\\s*(\\S+)(?:\\s+(\\S+))?(?:\\s+(--\\S+))?\\s*-->");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  private ReadmeOptions() {}

  /** One marked table: which command, which of its options, and its rows. */
  public record Table(int line, String program, String verb, String prefix, List<Row> rows) {
    String name() {
      return program + (verb == null ? "" : " " + verb) + (prefix == null ? "" : " " + prefix + "*");
    }
  }

  /** One row: the option texts of its first cell (name, then value) and its default cell. */
  public record Row(int line, List<String> options, String defaultText) {}

  /** Every marked option table of {@code readme}. */
  public static List<Table> tables(Path readme) {
    List<String> lines;
    try {
      lines = Files.readAllLines(readme);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Table> tables = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i));
      if (!m.find()) {
        continue;
      }
      List<Row> rows = new ArrayList<>();
      int at = i + 3;
      for (; at < lines.size() && lines.get(at).startsWith("|"); at++) {
        String[] cells = lines.get(at).replace("\\|", "\u0000").split("\\|");
        List<String> options = new ArrayList<>();
        Matcher c = CODE.matcher(cells[1]);
        while (c.find()) {
          options.add(c.group(1).replace('\u0000', '|').trim());
        }
        rows.add(new Row(at + 1, options, cells[2].replace("`", "").trim()));
      }
      tables.add(new Table(i + 1, m.group(1), m.group(2), m.group(3), rows));
      i = at;
    }
    return tables;
  }

  /**
   * What is wrong in {@code readme}'s tables for {@code program} (whose command line is {@code
   * cli}): options the command does not have, options of the table's scope the table leaves out,
   * defaults and choices that differ. Empty when the tables are true.
   */
  public static List<String> problems(Path readme, String program, CommandLine cli) {
    List<String> problems = new ArrayList<>();
    for (Table t : tables(readme)) {
      if (!t.program().equals(program)) {
        continue;
      }
      CommandLine command = t.verb() == null ? cli : cli.getSubcommands().get(t.verb());
      if (command == null) {
        problems.add("README line " + t.line() + ": " + program + " has no verb " + t.verb());
        continue;
      }
      problems.addAll(problems(t, command.getCommandSpec()));
    }
    return problems;
  }

  static List<String> problems(Table t, CommandSpec spec) {
    List<String> problems = new ArrayList<>();
    Set<String> listed = new LinkedHashSet<>();
    for (Row row : t.rows()) {
      for (String text : row.options()) {
        String name = text.split("[ =]", 2)[0];
        OptionSpec o = spec.findOption(name);
        String where = "README line " + row.line() + " (" + t.name() + "): ";
        if (o == null) {
          problems.add(where + name + " is not an option of " + spec.qualifiedName());
          continue;
        }
        listed.add(o.longestName());
        String choices = text.contains(" ") ? text.substring(text.indexOf(' ') + 1) : "";
        if (choices.contains("|") && o.type().isEnum()) {
          Set<String> shown = lower(List.of(choices.split("\\|")));
          Set<String> real = new TreeSet<>();
          o.completionCandidates().forEach(v -> real.add(v.toLowerCase(Locale.ROOT)));
          if (!shown.equals(real)) {
            problems.add(where + name + " lists " + shown + ", the command takes " + real);
          }
        }
        if (row.options().indexOf(text) == 0) {
          String expected = defaultText(o);
          if (expected != null && !expected.equals(row.defaultText())) {
            problems.add(where + name + " default says \"" + row.defaultText() + "\", the command's is \""
                + expected + "\"");
          }
        }
      }
    }
    for (OptionSpec o : spec.options()) {
      boolean inScope = t.prefix() == null || o.longestName().startsWith(t.prefix());
      if (inScope && !o.hidden() && !o.inherited() && !o.usageHelp() && !o.versionHelp()
          && !listed.contains(o.longestName())) {
        problems.add("README line " + t.line() + " (" + t.name() + "): " + o.longestName()
            + " is missing");
      }
    }
    return problems;
  }

  /** What the default cell must say, or null when any words will do. */
  private static String defaultText(OptionSpec o) {
    if (o.required()) {
      return "(required)";
    }
    String value = o.defaultValue() != null ? o.defaultValue()
        : o.initialValue() == null ? null : String.valueOf(o.initialValue());
    if (o.arity().max() == 0 && (value == null || value.equals("false"))) {
      return "off";
    }
    return value;
  }

  private static Set<String> lower(List<String> values) {
    Set<String> out = new TreeSet<>();
    values.forEach(v -> out.add(v.trim().toLowerCase(Locale.ROOT)));
    return out;
  }
}
