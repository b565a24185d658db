package io.lenetedge.edge.bench;

import io.lenetedge.edge.model.DigitModel;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Times a {@link DigitModel} call by call: single images through its reused-tensor path, batches
 * through its batch path. Warm-up calls are not recorded.
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
    float[] batchInput = new float[batch * 784];
    float[] single = new float[784];
    float[] out = new float[batch * model.spec().classes()];
    Histogram histogram = LatencyStats.newHistogram();
    long deadline = maxSeconds > 0 ? System.nanoTime() + (long) (maxSeconds * 1e9) : Long.MAX_VALUE;
    long calls = 0;
    long timedStart = 0;
    for (long i = 0; i < warmup + iterations; i++) {
      if (i == warmup) {
        timedStart = System.nanoTime();
      }
      int first = (int) (i % imageCount);
      long t0;
      if (batch == 1) {
        System.arraycopy(images, first * 784, single, 0, 784);
        t0 = System.nanoTime();
        model.classify(single);
      } else {
        fill(images, imageCount, first, batchInput, batch);
        t0 = System.nanoTime();
        model.classify(batchInput, batch, out);
      }
      long t1 = System.nanoTime();
      if (i >= warmup) {
        histogram.recordValue(Math.min(t1 - t0, histogram.getHighestTrackableValue()));
        calls++;
        if (t1 > deadline) {
          break;
        }
      }
    }
    double seconds = (System.nanoTime() - timedStart) / 1e9;
    return LatencyStats.of(histogram, batch, seconds);
  }

  private static void fill(float[] images, int count, int first, float[] dst, int batch) {
    for (int b = 0; b < batch; b++) {
      System.arraycopy(images, ((first + b) % count) * 784, dst, b * 784, 784);
    }
  }

  /** {@code n} digit-like images: a few bright strokes on black, deterministic. */
  public static float[] syntheticImages(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] x = new float[n * 784];
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < 3; s++) {
        int x0 = 6 + rng.nextInt(16);
        int y0 = 4 + rng.nextInt(4);
        int len = 10 + rng.nextInt(10);
        for (int k = 0; k < len && y0 + k < 28; k++) {
          int px = Math.min(27, x0 + (k * (s - 1)) / 3);
          x[i * 784 + (y0 + k) * 28 + px] = 1f;
        }
      }
    }
    return x;
  }
}
