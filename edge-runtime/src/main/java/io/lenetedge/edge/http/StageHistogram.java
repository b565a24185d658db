package io.lenetedge.edge.http;

import java.math.BigDecimal;
import java.util.concurrent.atomic.LongAdder;

/**
 * Durations in fixed buckets, for the Prometheus histogram of one stage. Thread safe: one thread
 * records, any thread reads.
 */
final class StageHistogram {
  /** Upper bounds in nanoseconds, from 50 µs to 1 s; +Inf is implied. */
  static final long[] BOUNDS_NANOS = {50_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000,
      5_000_000, 10_000_000, 25_000_000, 50_000_000, 100_000_000, 250_000_000, 1_000_000_000};

  private final LongAdder[] counts = new LongAdder[BOUNDS_NANOS.length + 1];
  private final LongAdder sumNanos = new LongAdder();

  StageHistogram() {
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new LongAdder();
    }
  }

  void record(long nanos) {
    int i = 0;
    while (i < BOUNDS_NANOS.length && nanos > BOUNDS_NANOS[i]) {
      i++;
    }
    counts[i].increment();
    sumNanos.add(nanos);
  }

  /**
   * Appends the {@code _bucket}, {@code _sum} and {@code _count} lines of {@code name} with the
   * label {@code stage}; the count is the +Inf bucket, so the two always agree.
   */
  void writeTo(StringBuilder sb, String name, String stage) {
    long cumulative = 0;
    for (int i = 0; i < counts.length; i++) {
      cumulative += counts[i].sum();
      String le = i < BOUNDS_NANOS.length ? seconds(BOUNDS_NANOS[i]) : "+Inf";
      sb.append(name).append("_bucket{stage=\"").append(stage).append("\",le=\"").append(le)
          .append("\"} ").append(cumulative).append('\n');
    }
    sb.append(name).append("_sum{stage=\"").append(stage).append("\"} ")
        .append(seconds(sumNanos.sum())).append('\n');
    sb.append(name).append("_count{stage=\"").append(stage).append("\"} ").append(cumulative)
        .append('\n');
  }

  static String seconds(long nanos) {
    return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString();
  }
}
