package io.lenetedge.edge.bench;

import io.lenetedge.common.ModelContract;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Time from process start to the first result, over separate processes: each one is this runtime
 * started fresh ({@code java -jar edge-runtime.jar classify digit.pgm}), timed until its first line
 * of output.
 */
public final class ColdStart {
  private ColdStart() {}

  /**
   * This runtime (with {@code javaOptions}) and, when {@code baselineJar} is given, another build
   * of it ({@code java -jar baselineJar}, no options), started in turn {@code runs} times each so
   * that both see the same machine: {@code [this, baseline]}, milliseconds in run order.
   */
  public static double[][] compare(int runs, Path image, String mainClass, List<String> javaOptions,
      Path baselineJar) {
    List<String> self = new ArrayList<>(javaCommand(mainClass));
    self.addAll(1, javaOptions);
    self.addAll(List.of("classify", "--ep", "cpu", image.toString()));
    List<String> baseline = baselineJar == null ? null : new ArrayList<>(List.of(
        self.get(0), "-jar", baselineJar.toString(), "classify", "--ep", "cpu", image.toString()));
    double[][] ms = {new double[runs], new double[baseline == null ? 0 : runs]};
    for (int i = 0; i < runs; i++) {
      ms[0][i] = once(self);
      if (baseline != null) {
        ms[1][i] = once(baseline);
      }
    }
    return ms;
  }

  /** The p50 of {@code ms}. */
  public static double median(double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** {@code what (...): p50/min/max} as one line. */
  public static String describe(String what, double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "%s (process start to first result, %d processes):"
        + " p50 %.0f ms, min %.0f ms, max %.0f ms", what, sorted.length, median(ms),
        sorted[0], sorted[sorted.length - 1]);
  }

  private static double once(List<String> command) {
    long t0 = System.nanoTime();
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String first = out.readLine();
        long t1 = System.nanoTime();
        if (first == null) {
          throw new IllegalStateException("the runtime printed nothing (exit " + p.waitFor() + ")");
        }
        p.waitFor();
        return (t1 - t0) / 1e6;
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the runtime: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** How to start this runtime again: its jar with -jar, or its class path. */
  static List<String> javaCommand(String mainClass) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try {
      Path self = Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(self) && self.toString().endsWith(".jar")) {
        return List.of(java, "-jar", self.toString());
      }
    } catch (URISyntaxException | SecurityException ignored) {
      // fall back to the class path below
    }
    return List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), mainClass);
  }

  /** A 28x28 PGM of a stroke, enough for classify to answer. */
  public static Path sampleImage() throws IOException {
    byte[] header = "P5\n28 28\n255\n".getBytes(StandardCharsets.US_ASCII);
    byte[] file = Arrays.copyOf(header, header.length + ModelContract.PIXELS);
    for (int y = 6; y < 22; y++) {
      file[header.length + y * 28 + 14] = (byte) 255;
      file[header.length + y * 28 + 13] = (byte) 200;
    }
    Path p = Files.createTempFile("cold-start", ".pgm");
    p.toFile().deleteOnExit();
    return Files.write(p, file);
  }
}
