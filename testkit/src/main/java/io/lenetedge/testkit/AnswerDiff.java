package io.lenetedge.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two runs' JSON lines answer by answer: the same strings, keys and structure, numbers
 * within a tolerance, the values of named keys (timings) ignored. The ARM check uses it to hold
 * the emulated Pi's answers against x86's.
 */
public final class AnswerDiff {
  private static final Pattern TOKEN = Pattern.compile(
      "\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?|true|false|null|[{}\\[\\]:,]|\\S");

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");
  private static final Pattern TOP = Pattern.compile("(\"top\\d+\":\\[)([^\\]]*)\\]");
  private static final Pattern ENTRY = Pattern.compile("\\{[^}]*\\}");

  private final double tolerance;
  private final Set<String> ignoredKeys;

  /**
   * {@code AnswerDiff EXPECTED ACTUAL [TOLERANCE [KEY,KEY...]]}: exit 0 when the answers agree, 1
   * naming the first difference.
   */
  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: AnswerDiff EXPECTED ACTUAL [TOLERANCE [IGNORED_KEY,...]]");
      System.exit(2);
    }
    double tolerance = args.length > 2 ? Double.parseDouble(args[2]) : 1e-5;
    Set<String> ignored = args.length > 3 ? Set.of(args[3].split(",")) : Set.of();
    Optional<String> d = new AnswerDiff(tolerance, ignored).compare(Path.of(args[0]), Path.of(args[1]));
    d.ifPresent(s -> System.err.println(args[1] + " differs from " + args[0] + ": " + s));
    System.exit(d.isPresent() ? 1 : 0);
  }

  public AnswerDiff(double tolerance, Set<String> ignoredKeys) {
    this.tolerance = tolerance;
    this.ignoredKeys = Set.copyOf(ignoredKeys);
  }

  /** The first difference between two files of lines, or empty when they agree. */
  public Optional<String> compare(Path expected, Path actual) {
    List<String> a = lines(expected);
    List<String> b = lines(actual);
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      Optional<String> d = compareLine(a.get(i), b.get(i));
      if (d.isPresent()) {
        return Optional.of("line " + (i + 1) + " (" + subject(a.get(i)) + "): " + d.get());
      }
    }
    if (a.size() != b.size()) {
      return Optional.of(a.size() + " lines in " + expected + " but " + b.size() + " in " + actual);
    }
    return Optional.empty();
  }

  /** The first difference between two lines, or empty. */
  public Optional<String> compareLine(String expected, String actual) {
    List<String> a = tokens(byDigit(expected));
    List<String> b = tokens(byDigit(actual));
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      String x = a.get(i);
      String y = b.get(j);
      if (isNumber(x) && isNumber(y)) {
        double dx = Double.parseDouble(x);
        double dy = Double.parseDouble(y);
        if (Math.abs(dx - dy) > tolerance) {
          return Optional.of(String.format(Locale.ROOT, "%s is %s, expected %s (tolerance %g)",
              keyBefore(a, i), y, x, tolerance));
        }
      } else if (!x.equals(y)) {
        return Optional.of(keyBefore(a, i) + " is " + y + ", expected " + x);
      }
      if (x.startsWith("\"") && i + 1 < a.size() && a.get(i + 1).equals(":")
          && ignoredKeys.contains(unquote(x))) {
        i = skipValue(a, i + 2);
        j = skipValue(b, j + 2);
        continue;
      }
      i++;
      j++;
    }
    if (i < a.size() || j < b.size()) {
      return Optional.of("the answer ends differently: expected ..." + String.join("", a.subList(i, a.size())));
    }
    return Optional.empty();
  }

  /**
   * A {@code topN} list in digit order, so that two digits of nearly equal probability may come
   * in either order.
   */
  static String byDigit(String line) {
    Matcher m = TOP.matcher(line);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      List<String> entries = new ArrayList<>();
      Matcher e = ENTRY.matcher(m.group(2));
      while (e.find()) {
        entries.add(e.group());
      }
      entries.sort(java.util.Comparator.comparing(AnswerDiff::digitOf));
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + String.join(",", entries) + "]"));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static int digitOf(String entry) {
    Matcher d = Pattern.compile("\"digit\":(\\d+)").matcher(entry);
    return d.find() ? Integer.parseInt(d.group(1)) : -1;
  }

  private static int skipValue(List<String> t, int from) {
    if (from >= t.size()) {
      return from;
    }
    String first = t.get(from);
    if (!first.equals("{") && !first.equals("[")) {
      return from + 1;
    }
    int depth = 0;
    for (int k = from; k < t.size(); k++) {
      String s = t.get(k);
      if (s.equals("{") || s.equals("[")) {
        depth++;
      } else if (s.equals("}") || s.equals("]")) {
        depth--;
        if (depth == 0) {
          return k + 1;
        }
      }
    }
    return t.size();
  }

  private static String keyBefore(List<String> t, int index) {
    for (int k = index - 1; k > 0; k--) {
      if (t.get(k).equals(":") && t.get(k - 1).startsWith("\"")) {
        return unquote(t.get(k - 1));
      }
    }
    return "the value";
  }

  private static String subject(String line) {
    Matcher m = Pattern.compile("\"(?:path|image|source)\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(line);
    if (m.find()) {
      return m.group(1);
    }
    Matcher f = Pattern.compile("\"frame\":(\\d+)").matcher(line);
    return f.find() ? "frame " + f.group(1) : line.length() > 60 ? line.substring(0, 60) + "..." : line;
  }

  static List<String> tokens(String line) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(line);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static boolean isNumber(String s) {
    return NUMBER.matcher(s).matches();
  }

  private static String unquote(String s) {
    return s.substring(1, s.length() - 1);
  }

  private static List<String> lines(Path p) {
    try {
      return Files.readAllLines(p, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }
}
