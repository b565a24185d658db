package io.lenetedge.edge.run;

import io.lenetedge.edge.source.Frame;
import io.lenetedge.edge.source.FrameSource;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads frames, runs the pipeline on each, prints one JSON line per frame on stdout and a summary
 * on stderr when it ends: at the end of the source, after {@code maxFrames}, or when stopped
 * (SIGINT/SIGTERM through {@link #stop()}).
 */
public final class RunLoop {
  private final FrameSource source;
  private final DigitPipeline pipeline;
  private final PrintWriter out;
  private final PrintWriter err;
  private final long maxFrames;
  private final CountDownLatch done = new CountDownLatch(1);
  private final AtomicBoolean summarized = new AtomicBoolean();
  private final RunStats stats = new RunStats();
  private volatile boolean stopping;

  public RunLoop(FrameSource source, DigitPipeline pipeline, PrintWriter out, PrintWriter err,
      long maxFrames) {
    this.source = source;
    this.pipeline = pipeline;
    this.out = out;
    this.err = err;
    this.maxFrames = maxFrames;
  }

  /** Runs until the end; returns the stats. */
  public RunStats run() {
    String why = "end of source";
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
        FrameResult result = pipeline.process(frame, System.nanoTime() - t0);
        stats.add(result);
        out.println(result.json());
        out.flush();
      }
      if (stopping) {
        why = "stopped by signal";
      }
      return stats;
    } finally {
      summarize(why);
      done.countDown();
    }
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
