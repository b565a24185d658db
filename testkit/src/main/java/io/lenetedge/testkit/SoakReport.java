package io.lenetedge.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Judges a memory soak ({@code scripts/soak-memory.sh}): RSS within 10 % of its value after the
 * first 5 minutes and at most 150 MB, no error counted, no frame skipped, no client refused; draws
 * the curve.
 */
public final class SoakReport {
  static final double SETTLED_SECONDS = 300;
  static final double DRIFT = 0.10;
  static final double CEILING_MB = 150;

  /** One sample: seconds since start, RSS, heap in use, frames so far. */
  record Sample(double seconds, double rssMb, double heapMb, long frames) {}

  /** What the soak showed. */
  record Verdict(double settledMb, double maxMb, double fps, List<String> failures) {}

  private SoakReport() {}

  /** {@code SoakReport rss.csv metrics.txt client-errors.txt curve.png TITLE}: exit 1 on failure. */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    List<Sample> samples = read(Path.of(args[0]));
    String metrics = text(Path.of(args[1]));
    String clientErrors = text(Path.of(args[2]));
    Verdict v = judge(samples, metrics, clientErrors);
    plot(samples, v, Path.of(args[3]), args.length > 4 ? args[4] : "");
    System.out.printf(Locale.ROOT, "soak: %d samples over %.0f s, RSS %.1f MB after 5 min, at most"
        + " %.1f MB after it (%+.1f %%), %.1f frames/s; wrote %s%n", samples.size(),
        samples.isEmpty() ? 0 : samples.get(samples.size() - 1).seconds(), v.settledMb(), v.maxMb(),
        100 * (v.maxMb() / v.settledMb() - 1), v.fps(), args[3]);
    if (!v.failures().isEmpty()) {
      v.failures().forEach(f -> System.out.println("FAIL: " + f));
      System.exit(1);
    }
    System.out.println("soak passed");
  }

  static Verdict judge(List<Sample> samples, String metrics, String clientErrors) {
    List<String> failures = new ArrayList<>();
    Sample settled = samples.stream().filter(s -> s.seconds() >= SETTLED_SECONDS).findFirst().orElse(null);
    if (settled == null) {
      failures.add("the soak ended before 5 minutes: nothing to hold RSS against");
      return new Verdict(0, 0, 0, failures);
    }
    double max = samples.stream().filter(s -> s.seconds() >= settled.seconds())
        .mapToDouble(Sample::rssMb).max().orElse(0);
    double min = samples.stream().filter(s -> s.seconds() >= settled.seconds())
        .mapToDouble(Sample::rssMb).min().orElse(0);
    if (max > settled.rssMb() * (1 + DRIFT) || min < settled.rssMb() * (1 - DRIFT)) {
      failures.add(String.format(Locale.ROOT, "RSS moved from %.1f MB to %.1f-%.1f MB, more than 10 %%",
          settled.rssMb(), min, max));
    }
    double peak = samples.stream().mapToDouble(Sample::rssMb).max().orElse(0);
    if (peak > CEILING_MB) {
      failures.add(String.format(Locale.ROOT, "RSS reached %.1f MB, over %.0f MB", peak, CEILING_MB));
    }
    for (String counter : List.of("lenet_edge_errors_total", "lenet_edge_skipped_frames_total")) {
      double value = counter(metrics, counter);
      if (Double.isNaN(value)) {
        failures.add(counter + " is missing from /metrics");
      } else if (value != 0) {
        failures.add(counter + " is " + (long) value);
      }
    }
    if (!clientErrors.isBlank()) {
      failures.add("clients were refused: " + clientErrors.lines().limit(3).toList());
    }
    Sample first = samples.get(0);
    Sample last = samples.get(samples.size() - 1);
    double fps = (last.frames() - first.frames()) / Math.max(1e-9, last.seconds() - first.seconds());
    return new Verdict(settled.rssMb(), max, fps, failures);
  }

  static double counter(String metrics, String name) {
    return metrics.lines().filter(l -> l.startsWith(name + " ")).findFirst()
        .map(l -> Double.parseDouble(l.substring(name.length() + 1).trim())).orElse(Double.NaN);
  }

  static List<Sample> read(Path csv) {
    List<Sample> out = new ArrayList<>();
    for (String line : text(csv).lines().skip(1).toList()) {
      String[] f = line.split(",");
      out.add(new Sample(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
          Long.parseLong(f[3].isBlank() ? "0" : f[3])));
    }
    return out;
  }

  private static void plot(List<Sample> samples, Verdict v, Path png, String title) {
    double[] minutes = samples.stream().mapToDouble(s -> s.seconds() / 60).toArray();
    XYChart chart = new XYChartBuilder().width(900).height(480)
        .title("edge-runtime run --http at 30 fps: memory (" + title + ")")
        .xAxisTitle("minutes").yAxisTitle("MB").build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
    chart.getStyler().setYAxisMin(0.0);
    XYSeries rss = chart.addSeries("RSS", minutes, samples.stream().mapToDouble(Sample::rssMb).toArray());
    rss.setMarker(SeriesMarkers.CIRCLE);
    XYSeries heap = chart.addSeries("Java heap in use", minutes,
        samples.stream().mapToDouble(Sample::heapMb).toArray());
    heap.setMarker(SeriesMarkers.NONE);
    if (minutes.length > 0) {
      double[] span = {minutes[0], minutes[minutes.length - 1]};
      chart.addSeries("150 MB ceiling", span, new double[] {CEILING_MB, CEILING_MB}).setMarker(SeriesMarkers.NONE);
      if (v.settledMb() > 0) {
        chart.addSeries("+10 % of the 5-minute value", span,
            new double[] {v.settledMb() * 1.1, v.settledMb() * 1.1}).setMarker(SeriesMarkers.NONE);
      }
    }
    try {
      Files.createDirectories(png.toAbsolutePath().getParent());
      BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + png, e);
    }
  }

  private static String text(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }
}
