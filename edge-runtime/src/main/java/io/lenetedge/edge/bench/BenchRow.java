package io.lenetedge.edge.bench;

import java.util.Locale;

/**
 * One benchmark configuration and what it measured, or why it could not run.
 *
 * @param provider the execution provider asked for
 * @param threads intra-op threads
 * @param batch images per call
 * @param stats the measurement, null when unavailable
 * @param unavailable why the configuration could not run, null when it ran
 * @param rssBytes process resident memory after the run, -1 when unknown
 */
public record BenchRow(String provider, int threads, int batch, LatencyStats stats,
    String unavailable, long rssBytes) {

  public boolean ran() {
    return stats != null;
  }

  static String header() {
    return String.format(Locale.ROOT, "%-8s %7s %5s %9s %9s %9s %9s %9s %12s %7s%n", "ep",
        "threads", "batch", "p50 µs", "p90 µs", "p99 µs", "p99.9 µs", "max µs", "images/s", "RSS MB");
  }

  String line() {
    if (!ran()) {
      return String.format(Locale.ROOT, "%-8s %7d %5d  unavailable: %s%n", provider, threads, batch,
          unavailable);
    }
    return String.format(Locale.ROOT, "%-8s %7d %5d %9.1f %9.1f %9.1f %9.1f %9.1f %,12.0f %7.1f%n",
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
