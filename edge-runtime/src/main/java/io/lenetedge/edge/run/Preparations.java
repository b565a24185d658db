package io.lenetedge.edge.run;

import io.lenetedge.edge.image.GrayImage;
import io.lenetedge.edge.image.MnistStyle;

/** The preparation steps the loop can use. */
public final class Preparations {
  private Preparations() {}

  /** MNIST-style preparation of the region of interest, shared with {@code classify}. */
  public static DigitPipeline.Preparation mnistStyle() {
    return (frame, roi) -> MnistStyle.prepare(crop(frame, roi));
  }

  static GrayImage crop(GrayImage img, Roi roi) {
    if (roi.x() == 0 && roi.y() == 0 && roi.width() == img.width() && roi.height() == img.height()) {
      return img;
    }
    byte[] out = new byte[roi.width() * roi.height()];
    for (int y = 0; y < roi.height(); y++) {
      System.arraycopy(img.pixels(), (roi.y() + y) * img.width() + roi.x(), out, y * roi.width(), roi.width());
    }
    return new GrayImage(roi.width(), roi.height(), out);
  }
}
