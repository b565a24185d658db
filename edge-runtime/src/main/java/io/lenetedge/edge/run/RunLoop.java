package io.lenetedge.edge.run;

import io.lenetedge.edge.source.Frame;
import io.lenetedge.edge.source.FrameSource;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads frames, runs the pipeline on each the {@link TriggerGate} lets through, prints one JSON
 * line per processed frame on stdout, tells its {@link FrameListener}s, and prints a summary on
 * stderr when it ends: at the end of the source, after {@code maxFrames}, or when stopped
 * (SIGINT/SIGTERM through {@link #stop(long)}).
 */
public final class RunLoop {
  private final FrameSource source;
  private final FramePipeline pipeline;
  private final PrintWriter out;
  private final PrintWriter err;
  private final long maxFrames;
  private final TriggerGate gate;
  private final List<FrameListener> listeners;
  private final CountDownLatch done = new CountDownLatch(1);
  private final AtomicBoolean summarized = new AtomicBoolean();
  private final RunStats stats = new RunStats();
  private volatile boolean stopping;
  private PrintPolicy printing = new PrintPolicy(PrintPolicy.Mode.EVERY);

  public RunLoop(FrameSource source, FramePipeline pipeline, PrintWriter out, PrintWriter err,
      long maxFrames, TriggerGate gate, List<FrameListener> listeners) {
    this.source = source;
    this.pipeline = pipeline;
    this.out = out;
    this.err = err;
    this.maxFrames = maxFrames;
    this.gate = gate;
    this.listeners = List.copyOf(listeners);
  }

  /** Runs until the end; returns the stats. */
  public RunStats run() {
    String why = "end of source";
    Throwable error = null;
    try {
      while (!stopping) {
        if (maxFrames > 0 && stats.frames() >= maxFrames) {
          why = "--max-frames " + maxFrames;
          break;
        }
        long t0 = System.nanoTime();
        Frame frame = source.next();
        if (frame == null) {
          break;
        }
        if (!gate.wantsFrame()) {
          listeners.forEach(l -> l.onFrame(frame, null));
          continue;
        }
        if (gate.freshlyArmed()) {
          pipeline.resetDecisions();
        }
        FrameResult result = pipeline.process(frame, System.nanoTime() - t0);
        stats.add(result);
        Decision shown = gate.offer(result.decision());
        boolean triggered = shown != null && gate.mode() == TriggerGate.Mode.TRIGGER;
        if (printing.print(result.decision().key(), triggered)) {
          out.println(result.json(triggered));
          out.flush();
        }
        for (FrameListener l : listeners) {
          l.onFrame(frame, result);
          if (shown != null) {
            l.onDecision(shown);
          }
        }
      }
      if (stopping) {
        why = "stopped by signal";
      }
      return stats;
    } catch (RuntimeException | Error e) {
      error = e;
      why = "error";
      throw e;
    } finally {
      summarize(why);
      for (FrameListener l : listeners) {
        l.onEnd(why, error);
      }
      done.countDown();
    }
  }

  /** Which frames get a JSON line (default: every processed frame). */
  public RunLoop printing(PrintPolicy policy) {
    this.printing = policy;
    return this;
  }

  /**
   * Asks the loop to stop after the frame in hand and waits up to {@code millis} for it; a loop
   * still blocked on its source then (stdin does not wake up on close) is summarised from here.
   */
  public void stop(long millis) {
    stopping = true;
    source.close();
    try {
      done.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    summarize("stopped by signal");
  }

  private void summarize(String why) {
    if (summarized.compareAndSet(false, true)) {
      synchronized (err) {
        err.println(stats.summary(source.restarts(), why));
        err.flush();
      }
    }
  }
}
