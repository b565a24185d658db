package io.lenetedge.edge.http;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The last {@code capacity} values one thread records, readable from any thread without locks:
 * recording is O(1) and never waits; a reader racing the writer may see one value from the next
 * round, which is harmless for the percentiles and rates shown in the live view.
 */
final class RecentValues {
  private final AtomicLongArray values;
  private final AtomicLong count = new AtomicLong();

  RecentValues(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("capacity must be at least 2, got " + capacity);
    }
    values = new AtomicLongArray(capacity);
  }

  /** Records {@code v}; from one thread only. */
  void record(long v) {
    long n = count.get();
    values.lazySet((int) (n % values.length()), v);
    count.lazySet(n + 1);
  }

  /** The recorded values, oldest first (at most the capacity). */
  long[] snapshot() {
    long n = count.get();
    int size = (int) Math.min(n, values.length());
    long[] out = new long[size];
    for (int i = 0; i < size; i++) {
      out[i] = values.get((int) ((n - size + i) % values.length()));
    }
    return out;
  }

  /** The nearest-rank percentile {@code p} (0..100) of {@code values}; 0 when there are none. */
  static long percentile(long[] values, double p) {
    if (values.length == 0) {
      return 0;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
  }

  /** Events per second over increasing timestamps in nanoseconds; 0 for fewer than two. */
  static double rate(long[] timesNanos) {
    if (timesNanos.length < 2) {
      return 0;
    }
    long span = timesNanos[timesNanos.length - 1] - timesNanos[0];
    return span <= 0 ? 0 : (timesNanos.length - 1) * 1e9 / span;
  }
}
