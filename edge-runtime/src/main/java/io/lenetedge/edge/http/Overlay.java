package io.lenetedge.edge.http;

import io.lenetedge.edge.image.GrayImage;
import io.lenetedge.edge.image.MnistStyle;
import io.lenetedge.edge.image.Roi;
import java.awt.image.BufferedImage;

/** Pictures for the live view: a frame with its boxes drawn on, and the model input enlarged. Pure. */
final class Overlay {
  /** The region of interest's colour (green). */
  static final int ROI_RGB = 0x00C853;
  /** The digit's box colour (orange). */
  static final int BOX_RGB = 0xFF6D00;

  private Overlay() {}

  /**
   * An RGB copy of {@code frame} with the region of interest and, when not null, the digit's box
   * outlined inside their bounds, in lines 1/160 of the frame's smaller side thick.
   */
  static BufferedImage frame(GrayImage frame, Roi roi, MnistStyle.Prepared digit) {
    int w = frame.width();
    int h = frame.height();
    int[] rgb = new int[w * h];
    byte[] p = frame.pixels();
    for (int i = 0; i < rgb.length; i++) {
      int v = p[i] & 0xFF;
      rgb[i] = v << 16 | v << 8 | v;
    }
    int thickness = Math.max(1, Math.min(w, h) / 160);
    if (roi != null) {
      outline(rgb, w, h, roi.x(), roi.y(), roi.width(), roi.height(), thickness, ROI_RGB);
    }
    if (digit != null) {
      outline(rgb, w, h, digit.x(), digit.y(), digit.width(), digit.height(), thickness, BOX_RGB);
    }
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, w, h, rgb, 0, w);
    return img;
  }

  /** The 28x28 model input as gray pixels, each {@code scale} x {@code scale}; black when null. */
  static BufferedImage input(float[] input, int scale) {
    int side = MnistStyle.SIZE * scale;
    BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
    if (input == null) {
      return img;
    }
    var raster = img.getRaster();
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        float v = input[(y / scale) * MnistStyle.SIZE + x / scale];
        raster.setSample(x, y, 0, Math.round(Math.clamp(v, 0f, 1f) * 255));
      }
    }
    return img;
  }

  private static void outline(int[] rgb, int w, int h, int x, int y, int bw, int bh, int t,
      int colour) {
    int x0 = Math.clamp(x, 0, w - 1);
    int y0 = Math.clamp(y, 0, h - 1);
    int x1 = Math.clamp((long) x + bw - 1, 0, w - 1);
    int y1 = Math.clamp((long) y + bh - 1, 0, h - 1);
    for (int k = 0; k < t; k++) {
      for (int xx = x0; xx <= x1; xx++) {
        set(rgb, w, xx, Math.min(y0 + k, y1), colour);
        set(rgb, w, xx, Math.max(y1 - k, y0), colour);
      }
      for (int yy = y0; yy <= y1; yy++) {
        set(rgb, w, Math.min(x0 + k, x1), yy, colour);
        set(rgb, w, Math.max(x1 - k, x0), yy, colour);
      }
    }
  }

  private static void set(int[] rgb, int w, int x, int y, int colour) {
    rgb[y * w + x] = colour;
  }
}
