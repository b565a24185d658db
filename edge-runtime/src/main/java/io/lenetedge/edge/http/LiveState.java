package io.lenetedge.edge.http;

import io.lenetedge.edge.run.Decision;
import io.lenetedge.edge.run.FrameListener;
import io.lenetedge.edge.run.FrameResult;
import io.lenetedge.image.Roi;
import io.lenetedge.edge.run.TriggerGate;
import io.lenetedge.edge.source.Frame;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The latest frame, what the pipeline made of the latest processed one, and recent latency and
 * frame rate, for the live view. The run loop's calls only store references and a timestamp
 * (sources hand out a fresh pixel array per frame, so nothing is copied); HTTP threads read a
 * {@link Snapshot} and do any encoding themselves.
 */
public final class LiveState implements FrameListener {
  /** How long without a frame before {@code /healthz} says the source stalled. */
  public static final long STALE_NANOS = 5_000_000_000L;
  private static final int WINDOW = 120;
  /** How many recent frames and results stay reachable by index, for a page a little behind. */
  static final int KEPT = 16;

  private final Roi roi;
  private final Supplier<TriggerGate.Mode> mode;
  private final LongSupplier clock;
  private final RecentValues latencies = new RecentValues(WINDOW);
  private final RecentValues frameTimes = new RecentValues(WINDOW);
  private final AtomicReferenceArray<Frame> recentFrames = new AtomicReferenceArray<>(KEPT);
  private final AtomicReferenceArray<FrameResult> recentResults = new AtomicReferenceArray<>(KEPT);
  private volatile Frame frame;
  private volatile FrameResult result;
  private volatile Decision shown;
  private volatile long lastFrameAt;
  private volatile String ended;

  /**
   * @param roi the region the pipeline looks in; null for the whole frame
   * @param mode the trigger gate's current mode
   * @param clock nanoseconds, {@link System#nanoTime} outside tests
   */
  public LiveState(Roi roi, Supplier<TriggerGate.Mode> mode, LongSupplier clock) {
    this.roi = roi;
    this.mode = mode;
    this.clock = clock;
  }

  @Override
  public void onFrame(Frame f, FrameResult r) {
    long now = clock.getAsLong();
    frameTimes.record(now);
    if (r != null) {
      latencies.record(r.totalNanos());
      recentResults.set(slot(r.frame()), r);
      result = r;
    }
    recentFrames.set(slot(f.index()), f);
    frame = f;
    lastFrameAt = now;
  }

  @Override
  public void onDecision(Decision decision) {
    shown = decision;
  }

  @Override
  public void onEnd(String why, Throwable error) {
    ended = error == null ? why : why + " (" + error.getMessage() + ")";
  }

  /**
   * What the live view shows.
   *
   * @param frame the latest frame read, null before the first
   * @param result the latest processed frame's result, null before the first
   * @param shown the latest decision shown (one per press in trigger mode), null before the first
   * @param roi the region of interest in frame coordinates, null before the first frame
   * @param p50Micros median total latency over the recent frames
   * @param p99Micros 99th percentile of it
   * @param fps frames read per second, recently
   * @param mode continuous or trigger
   * @param ended why the loop ended, null while it runs
   */
  public record Snapshot(Frame frame, FrameResult result, Decision shown, Roi roi,
      double p50Micros, double p99Micros, double fps, TriggerGate.Mode mode, String ended) {}

  /** The state now; cheap enough for every request. */
  public Snapshot snapshot() {
    FrameResult r = result;
    Frame f = frame;
    long[] lat = latencies.snapshot();
    Roi region = f == null ? null
        : roi != null ? roi : new Roi(0, 0, f.image().width(), f.image().height());
    return new Snapshot(f, r, shown, region, RecentValues.percentile(lat, 50) / 1000.0,
        RecentValues.percentile(lat, 99) / 1000.0, RecentValues.rate(frameTimes.snapshot()),
        mode.get(), ended);
  }

  /** Frame {@code index} if it is among the last {@value #KEPT} read. */
  public Optional<Frame> frame(long index) {
    Frame f = recentFrames.get(slot(index));
    return f != null && f.index() == index ? Optional.of(f) : Optional.empty();
  }

  /** The result of frame {@code index} if it is among the last {@value #KEPT} processed. */
  public Optional<FrameResult> result(long index) {
    FrameResult r = recentResults.get(slot(index));
    return r != null && r.frame() == index ? Optional.of(r) : Optional.empty();
  }

  private static int slot(long index) {
    return (int) Math.floorMod(index, (long) KEPT);
  }

  /** Healthy while the loop runs and a frame arrived within {@link #STALE_NANOS}. */
  public record Health(boolean ok, String reason) {}

  public Health health() {
    String why = ended;
    if (why != null) {
      return new Health(false, "the run loop ended: " + why);
    }
    if (frame == null) {
      return new Health(false, "no frame yet");
    }
    long age = clock.getAsLong() - lastFrameAt;
    if (age > STALE_NANOS) {
      return new Health(false, String.format(Locale.ROOT, "no frame for %.1f s", age / 1e9));
    }
    return new Health(true, "ok");
  }
}
