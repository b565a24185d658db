package io.lenetedge.edge.source;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * Hands out another source's frames no faster than {@code fps} per second ({@code run --fps}), so
 * a finite clip such as the demo can be watched in the live view.
 */
public final class PacedSource implements FrameSource {
  private final FrameSource source;
  private final long periodNanos;
  private long due;

  private PacedSource(FrameSource source, double fps) {
    this.source = source;
    this.periodNanos = Math.round(1e9 / fps);
  }

  /**
   * Pacing to {@code fps} frames a second, checked now so that a bad value fails before a source
   * is opened.
   */
  public static UnaryOperator<FrameSource> at(double fps) {
    if (!(fps > 0 && fps <= 1000)) {
      throw new UserError(USAGE, "--fps must be above 0 and at most 1000, got " + fps);
    }
    return source -> new PacedSource(source, fps);
  }

  @Override
  public Frame next() {
    long now = System.nanoTime();
    if (due == 0) {
      due = now;
    }
    while (now < due && !Thread.currentThread().isInterrupted()) {
      LockSupport.parkNanos(due - now);
      now = System.nanoTime();
    }
    // a late frame does not let the next one follow at once: frames stay a period apart
    due = Math.max(due, now) + periodNanos;
    return source.next();
  }

  @Override
  public int restarts() {
    return source.restarts();
  }

  @Override
  public String describe() {
    return source.describe() + String.format(Locale.ROOT, ", paced to %.3g fps", 1e9 / periodNanos);
  }

  @Override
  public void close() {
    source.close();
  }
}
