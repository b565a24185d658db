package io.lenetedge.edge.run;

import io.lenetedge.edge.source.Frame;

/**
 * Told about what the run loop reads and decides (the GPIO display, the live view, metrics).
 * Called on the loop's thread: implementations hand work off and return at once; they never block
 * on I/O or on a client.
 */
public interface FrameListener {
  /**
   * A frame and what the pipeline made of it; {@code result} is null when the frame was read but
   * not processed (trigger mode between presses).
   */
  void onFrame(Frame frame, FrameResult result);

  /** The decision to show: each frame's in continuous mode, one per press in trigger mode. */
  default void onDecision(Decision decision) {}

  /** The loop ended, because of {@code why}; {@code error} is the failure that ended it, if any. */
  default void onEnd(String why, Throwable error) {}
}
