package io.lenetedge.edge.bench;

import io.lenetedge.common.bench.LatencyStats;
import io.lenetedge.edge.run.FrameResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Per-stage latency of the frame loop: waiting for the frame, preprocessing, inference, decision,
 * and frame-to-decision total, plus end-to-end frames per second. Not thread safe.
 */
public final class PipelineBench {
  private final Map<String, Histogram> stages = new LinkedHashMap<>();
  private final Map<Integer, Histogram> byDigits = new TreeMap<>();
  private long frames;
  private long withDigit;
  private long firstNanos;
  private long lastNanos;

  public PipelineBench() {
    for (String s : new String[] {"wait for frame", "preprocess", "inference", "decision",
        "total (frame to decision)"}) {
      stages.put(s, LatencyStats.newHistogram());
    }
  }

  public void add(FrameResult r) {
    long now = System.nanoTime();
    if (frames == 0) {
      firstNanos = now - r.waitNanos() - r.totalNanos();
    }
    lastNanos = now;
    frames++;
    withDigit += r.decision().found() ? 1 : 0;
    long decision = r.totalNanos() - r.preprocessNanos() - r.inferNanos();
    record("wait for frame", r.waitNanos());
    record("preprocess", r.preprocessNanos());
    record("inference", r.inferNanos());
    record("decision", Math.max(0, decision));
    record("total (frame to decision)", r.totalNanos());
    Histogram h = byDigits.computeIfAbsent(r.reading().count(), k -> LatencyStats.newHistogram());
    h.recordValue(Math.min(Math.max(0, r.totalNanos()), h.getHighestTrackableValue()));
  }

  /** Frame-to-decision percentiles (µs) by how many digits the frame read. */
  public Map<Integer, LatencyStats> byDigitsRead() {
    Map<Integer, LatencyStats> m = new TreeMap<>();
    double seconds = (lastNanos - firstNanos) / 1e9;
    byDigits.forEach((k, h) -> m.put(k, LatencyStats.of(h, 1, seconds)));
    return m;
  }

  private void record(String stage, long nanos) {
    Histogram h = stages.get(stage);
    h.recordValue(Math.min(Math.max(0, nanos), h.getHighestTrackableValue()));
  }

  public long frames() {
    return frames;
  }

  /** Frames per second from the first frame's request to the last decision. */
  public double fps() {
    return frames / Math.max(1e-9, (lastNanos - firstNanos) / 1e9);
  }

  /** Stage name to its percentiles (µs), in pipeline order. */
  public Map<String, LatencyStats> stats() {
    Map<String, LatencyStats> m = new LinkedHashMap<>();
    double seconds = (lastNanos - firstNanos) / 1e9;
    stages.forEach((k, h) -> m.put(k, LatencyStats.of(h, 1, seconds)));
    return m;
  }

  public String table(String source) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "pipeline: %s, %d frames (%d with a digit), %.1f fps end to end%n", source, frames,
        withDigit, fps()));
    sb.append(String.format(Locale.ROOT, "%-26s %9s %9s %9s %9s %9s%n", "stage", "p50 µs", "p90 µs",
        "p99 µs", "max µs", "mean µs"));
    stats().forEach((k, s) -> sb.append(String.format(Locale.ROOT,
        "%-26s %9.1f %9.1f %9.1f %9.1f %9.1f%n", k, s.p50(), s.p90(), s.p99(), s.max(), s.mean())));
    if (byDigits.size() > 1) {
      sb.append("total by digits read:\n");
      byDigitsRead().forEach((k, s) -> sb.append(String.format(Locale.ROOT,
          "  %-24s %9.1f %9.1f %9.1f %9.1f %9.1f  (%d frames)%n", k + (k == 1 ? " digit" : " digits"),
          s.p50(), s.p90(), s.p99(), s.max(), s.mean(), byDigits.get(k).getTotalCount())));
    }
    return sb.toString();
  }
}
