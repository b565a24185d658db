package io.lenetedge.edge.gpio;

/**
 * When the status LED blinks instead of shining: for {@code holdMillis} after a source restart, or
 * while no frame has arrived for {@code stallMillis} (the camera is failing or restarting). Pure:
 * times and counts are passed in; not thread safe.
 */
public final class StatusPolicy {
  private final long holdNanos;
  private final long stallNanos;
  private int restartsSeen;
  private long troubleUntil = Long.MIN_VALUE;

  public StatusPolicy(long holdMillis, long stallMillis) {
    this.holdNanos = holdMillis * 1_000_000L;
    this.stallNanos = stallMillis * 1_000_000L;
  }

  /**
   * Whether the LED should blink at {@code now}, given the source's restart count so far and when
   * the last frame arrived.
   */
  public boolean blink(long now, int restarts, long lastFrameAt) {
    if (restarts > restartsSeen) {
      restartsSeen = restarts;
      troubleUntil = now + holdNanos;
    }
    return now < troubleUntil || now - lastFrameAt > stallNanos;
  }
}
