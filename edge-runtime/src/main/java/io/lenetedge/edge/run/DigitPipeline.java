package io.lenetedge.edge.run;

import io.lenetedge.edge.image.GrayImage;
import io.lenetedge.edge.image.Roi;
import io.lenetedge.edge.image.MnistStyle;
import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.source.Frame;
import java.util.Optional;

/**
 * The per-frame work: region of interest, MNIST-style preparation, inference, smoothed decision,
 * each stage timed. No I/O; not thread safe (one per loop).
 */
public final class DigitPipeline {
  /** The preparation step: a frame and its region to the model's input, or empty for no digit. */
  @FunctionalInterface
  public interface Preparation {
    Optional<MnistStyle.Prepared> prepare(GrayImage frame, Roi roi);
  }

  private final DigitModel model;
  private final Preparation preparation;
  private final Roi roi;
  private final DecisionSmoother smoother;

  public DigitPipeline(DigitModel model, Preparation preparation, Roi roi, DecisionSmoother smoother) {
    this.model = model;
    this.preparation = preparation;
    this.roi = roi;
    this.smoother = smoother;
  }

  /** Forgets the decisions of earlier frames (a trigger press starts afresh). */
  public void resetDecisions() {
    smoother.reset();
  }

  /** Processes one frame that took {@code waitNanos} to arrive. */
  public FrameResult process(Frame frame, long waitNanos) {
    long t0 = System.nanoTime();
    Roi region = roi != null ? roi : new Roi(0, 0, frame.image().width(), frame.image().height());
    if (!region.fits(frame.image().width(), frame.image().height())) {
      throw new IllegalArgumentException("--roi " + region + " does not fit a "
          + frame.image().width() + "x" + frame.image().height() + " frame");
    }
    Optional<MnistStyle.Prepared> prepared = preparation.prepare(frame.image(), region);
    long t1 = System.nanoTime();
    float[] probabilities = prepared.map(p -> model.classify(p.input()).probabilities()).orElse(null);
    long t2 = System.nanoTime();
    Decision decision = smoother.add(probabilities);
    long t3 = System.nanoTime();
    return new FrameResult(frame.index(), decision, prepared.orElse(null), probabilities, waitNanos,
        t1 - t0, t2 - t1, t3 - t0);
  }
}
