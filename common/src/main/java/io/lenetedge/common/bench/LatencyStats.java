package io.lenetedge.common.bench;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles (microseconds) and throughput of one benchmark configuration, the same for
 * every bench of the project.
 *
 * @param calls timed calls
 * @param imagesPerCall images per call (the batch size)
 * @param seconds wall time of the timed calls
 * @param p50 median latency (µs); p90, p99, p999 (99.9 %) and max likewise
 * @param mean mean latency (µs)
 * @param curve latency (µs) at each of {@link #CURVE_PERCENTILES}
 */
public record LatencyStats(long calls, int imagesPerCall, double seconds, double p50, double p90,
    double p99, double p999, double max, double mean, double[] curve) {

  /** The percentiles {@link #curve()} holds latencies for. */
  public static final double[] CURVE_PERCENTILES = {0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9,
      99.95, 99.99, 100};

  /** Summarises a histogram of nanoseconds. */
  public static LatencyStats of(Histogram nanos, int imagesPerCall, double seconds) {
    double[] curve = new double[CURVE_PERCENTILES.length];
    for (int i = 0; i < curve.length; i++) {
      curve[i] = micros(nanos.getValueAtPercentile(CURVE_PERCENTILES[i]));
    }
    return new LatencyStats(nanos.getTotalCount(), imagesPerCall, seconds,
        micros(nanos.getValueAtPercentile(50)), micros(nanos.getValueAtPercentile(90)),
        micros(nanos.getValueAtPercentile(99)), micros(nanos.getValueAtPercentile(99.9)),
        micros(nanos.getMaxValue()), nanos.getMean() / 1000.0, curve);
  }

  /** Images per second over the timed calls. */
  public double imagesPerSecond() {
    return calls * (double) imagesPerCall / seconds;
  }

  private static double micros(long nanos) {
    return nanos / 1000.0;
  }

  /** A histogram for 1 ns .. 10 s at 3 significant digits. */
  public static Histogram newHistogram() {
    return new Histogram(10_000_000_000L, 3);
  }
}
