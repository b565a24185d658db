package io.lenetedge.common.bench;

import java.util.Locale;

/**
 * One benchmark configuration and what it measured, or why it could not run; also its line in
 * the table and the CSV every bench prints.
 *
 * @param provider what ran: an execution provider (cpu, cuda:0), bare-ort or djl-pytorch
 * @param threads intra-op threads
 * @param batch images per call
 * @param stats the measurement, null when unavailable
 * @param unavailable why the configuration could not run, null when it ran
 * @param rssBytes resident memory of the measuring process after the run, -1 when unknown
 */
public record BenchRow(String provider, int threads, int batch, LatencyStats stats,
    String unavailable, long rssBytes) {

  /** A configuration that ran. */
  public static BenchRow measured(String provider, int threads, int batch, LatencyStats stats,
      long rssBytes) {
    return new BenchRow(provider, threads, batch, stats, null, rssBytes);
  }

  /** A configuration that could not run, and why. */
  public static BenchRow unavailable(String provider, int threads, int batch, String reason,
      long rssBytes) {
    return new BenchRow(provider, threads, batch, null, reason, rssBytes);
  }

  public boolean ran() {
    return stats != null;
  }

  /** The table's column names, with a line break. */
  public static String header() {
    return String.format(Locale.ROOT, "%-11s %7s %5s %9s %9s %9s %9s %9s %12s %7s%n", "ep",
        "threads", "batch", "p50 µs", "p90 µs", "p99 µs", "p99.9 µs", "max µs", "images/s", "RSS MB");
  }

  /** This row in the table, with a line break. */
  public String line() {
    if (!ran()) {
      return String.format(Locale.ROOT, "%-11s %7d %5d  unavailable: %s%n", provider, threads,
          batch, unavailable);
    }
    return String.format(Locale.ROOT, "%-11s %7d %5d %9.1f %9.1f %9.1f %9.1f %9.1f %,12.0f %7.1f%n",
        provider, threads, batch, stats.p50(), stats.p90(), stats.p99(), stats.p999(), stats.max(),
        stats.imagesPerSecond(), rssBytes / 1048576.0);
  }

  static String csvHeader() {
    return "ep,threads,batch,status,calls,p50_us,p90_us,p99_us,p999_us,max_us,mean_us,images_per_s,rss_bytes\n";
  }

  String csv() {
    if (!ran()) {
      return String.format(Locale.ROOT, "%s,%d,%d,\"unavailable: %s\",,,,,,,,,%n", provider, threads,
          batch, unavailable.replace("\"", "'"));
    }
    return String.format(Locale.ROOT, "%s,%d,%d,ok,%d,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.1f,%d%n",
        provider, threads, batch, stats.calls(), stats.p50(), stats.p90(), stats.p99(), stats.p999(),
        stats.max(), stats.mean(), stats.imagesPerSecond(), rssBytes);
  }
}
