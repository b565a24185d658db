package io.lenetedge.edge.run;

import io.lenetedge.edge.read.FrameReader;
import io.lenetedge.edge.read.Reading;
import io.lenetedge.edge.source.Frame;

/**
 * The per-frame work, as it runs: the frame is read ({@link FrameReader}: preparation, one batched
 * model call, the reading) and the reading decided ({@link Decider}), each stage timed. No I/O; not
 * thread safe (one per loop).
 */
public final class FramePipeline {
  private final FrameReader reader;
  private final Decider decider;

  public FramePipeline(FrameReader reader, Decider decider) {
    this.reader = reader;
    this.decider = decider;
  }

  /** Forgets the decisions of earlier frames (a trigger press starts afresh). */
  public void resetDecisions() {
    decider.reset();
  }

  /** Processes one frame that took {@code waitNanos} to arrive. */
  public FrameResult process(Frame frame, long waitNanos) {
    long t0 = System.nanoTime();
    Reading reading = reader.read(frame.image());
    Decision decision = decider.decide(reading, t0);
    long total = System.nanoTime() - t0;
    return new FrameResult(frame.index(), reading, decision, waitNanos, reader.prepareNanos(),
        reader.classifyNanos(), total);
  }
}
