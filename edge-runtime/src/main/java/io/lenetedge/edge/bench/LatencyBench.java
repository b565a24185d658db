package io.lenetedge.edge.bench;

import io.lenetedge.common.ModelContract;
import io.lenetedge.common.bench.LatencyStats;
import io.lenetedge.edge.model.DigitModel;
import org.HdrHistogram.Histogram;

/**
 * Times calls one by one after untimed warm-up calls: a {@link DigitModel}'s single-image path
 * (reused tensors) or batch path, or any {@link TimedCall}. Two targets can be interleaved in
 * rounds, so that both see the same machine state (a shared VM drifts between fast and slow
 * phases over seconds).
 */
public final class LatencyBench {
  private final int warmup;
  private final long iterations;
  private final double maxSeconds;

  /**
   * @param warmup calls before timing starts
   * @param iterations timed calls at most
   * @param maxSeconds stop timing after this long even if fewer calls were made (0: no limit)
   */
  public LatencyBench(int warmup, long iterations, double maxSeconds) {
    this.warmup = warmup;
    this.iterations = iterations;
    this.maxSeconds = maxSeconds;
  }

  public LatencyStats run(DigitModel model, int batch, float[] images, int imageCount) {
    return run(target(model, batch, images, imageCount), batch);
  }

  /** Times {@code call} for the warm-up, then up to the iterations or the time limit. */
  public LatencyStats run(TimedCall call, int batch) {
    for (long i = 0; i < warmup; i++) {
      call.call(i);
    }
    Histogram histogram = LatencyStats.newHistogram();
    long start = System.nanoTime();
    long deadline = deadline(start);
    for (long i = 0; i < iterations; i++) {
      record(histogram, call.call(warmup + i));
      if (System.nanoTime() > deadline) {
        break;
      }
    }
    return LatencyStats.of(histogram, batch, (System.nanoTime() - start) / 1e9);
  }

  /**
   * Times {@code a} and {@code b} in {@code rounds} alternating slices of the iterations (after
   * warming both up); returns their stats in that order. Throughput counts each one's own time.
   */
  public LatencyStats[] interleave(TimedCall a, TimedCall b, int batch, int rounds) {
    for (long i = 0; i < warmup; i++) {
      a.call(i);
      b.call(i);
    }
    Histogram ha = LatencyStats.newHistogram();
    Histogram hb = LatencyStats.newHistogram();
    long[] nanos = new long[2];
    long slice = Math.max(1, iterations / rounds);
    long deadline = deadline(System.nanoTime());
    long i = warmup;
    for (int r = 0; r < rounds && System.nanoTime() <= deadline; r++) {
      nanos[0] += slice(a, i, slice, ha);
      nanos[1] += slice(b, i, slice, hb);
      i += slice;
    }
    return new LatencyStats[] {LatencyStats.of(ha, batch, nanos[0] / 1e9),
        LatencyStats.of(hb, batch, nanos[1] / 1e9)};
  }

  private static long slice(TimedCall call, long from, long n, Histogram h) {
    long start = System.nanoTime();
    for (long k = 0; k < n; k++) {
      record(h, call.call(from + k));
    }
    return System.nanoTime() - start;
  }

  private long deadline(long start) {
    return maxSeconds > 0 ? start + (long) (maxSeconds * 1e9) : Long.MAX_VALUE;
  }

  private static void record(Histogram h, long nanos) {
    h.recordValue(Math.min(Math.max(0, nanos), h.getHighestTrackableValue()));
  }

  /**
   * The runtime's call: the input is copied out of {@code images} untimed, then the model call is
   * timed (single images through the reused tensors, batches through the batch path).
   */
  public static TimedCall target(DigitModel model, int batch, float[] images, int imageCount) {
    float[] batchInput = new float[batch * ModelContract.PIXELS];
    float[] single = new float[ModelContract.PIXELS];
    float[] out = new float[batch * model.spec().classes()];
    return i -> {
      int first = (int) (i % imageCount);
      long t0;
      if (batch == 1) {
        System.arraycopy(images, first * ModelContract.PIXELS, single, 0, ModelContract.PIXELS);
        t0 = System.nanoTime();
        model.classify(single);
      } else {
        fill(images, imageCount, first, batchInput, batch);
        t0 = System.nanoTime();
        model.classify(batchInput, batch, out);
      }
      return System.nanoTime() - t0;
    };
  }

  private static void fill(float[] images, int count, int first, float[] dst, int batch) {
    for (int b = 0; b < batch; b++) {
      System.arraycopy(images, ((first + b) % count) * ModelContract.PIXELS, dst, b * ModelContract.PIXELS, ModelContract.PIXELS);
    }
  }
}
