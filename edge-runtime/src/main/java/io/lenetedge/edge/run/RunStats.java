package io.lenetedge.edge.run;

import io.lenetedge.common.bench.LatencyStats;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Running totals of a run loop, for its closing summary. Not thread safe. */
public final class RunStats {
  private final Histogram total = LatencyStats.newHistogram();
  private final long start = System.nanoTime();
  private long frames;
  private long withDigit;

  public void add(FrameResult r) {
    frames++;
    if (r.decision().found()) {
      withDigit++;
    }
    total.recordValue(Math.min(r.totalNanos(), total.getHighestTrackableValue()));
  }

  public long frames() {
    return frames;
  }

  /** One line: frames, fps, latency p50/p99, restarts. */
  public String summary(int restarts, String why) {
    double seconds = (System.nanoTime() - start) / 1e9;
    return String.format(Locale.ROOT, "summary (%s): %d frames (%d with a digit) in %.1f s, %.1f fps;"
        + " latency p50 %.1f µs, p99 %.1f µs; source restarts %d", why, frames, withDigit, seconds,
        frames / Math.max(seconds, 1e-9), total.getValueAtPercentile(50) / 1000.0,
        total.getValueAtPercentile(99) / 1000.0, restarts);
  }
}
