package io.lenetedge.edge.run;

import io.lenetedge.edge.image.FramePreparer;

/** The preparation steps the loop can use. */
public final class Preparations {
  private Preparations() {}

  /**
   * MNIST-style preparation of the region of interest, the same as {@code classify} uses, with
   * buffers kept from frame to frame: one per loop.
   */
  public static DigitPipeline.Preparation mnistStyle() {
    FramePreparer preparer = new FramePreparer();
    return (frame, roi) -> preparer.prepare(frame, roi.x(), roi.y(), roi.width(), roi.height());
  }
}
