package io.lenetedge.edge.http;

import io.lenetedge.image.GrayImage;
import io.lenetedge.image.MnistStyle;
import io.lenetedge.image.Roi;
import io.lenetedge.edge.read.Reading;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Pictures for the live view: a frame with the region of interest, every digit's box and the digit
 * read in it drawn on, and the model inputs enlarged side by side. Pure.
 */
final class Overlay {
  /** The region of interest's colour (green). */
  static final int ROI_RGB = 0x00C853;
  /** The digits' box colour (orange). */
  static final int BOX_RGB = 0xFF6D00;

  private Overlay() {}

  /**
   * An RGB copy of {@code frame} with the region of interest and each digit of {@code reading}
   * outlined inside their bounds, in lines 1/160 of the frame's smaller side thick, each digit's
   * class ({@code ?} when unsure) written above its box.
   */
  static BufferedImage frame(GrayImage frame, Roi roi, Reading reading) {
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
    List<Reading.Digit> digits = reading == null ? List.of() : reading.digits();
    for (Reading.Digit d : digits) {
      MnistStyle.Prepared b = d.prepared();
      if (b != null) {
        outline(rgb, w, h, b.x(), b.y(), b.width(), b.height(), thickness, BOX_RGB);
      }
    }
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, w, h, rgb, 0, w);
    if (digits.size() > 1) {
      label(img, digits);
    }
    return img;
  }

  /** Writes each digit's class above its box. */
  private static void label(BufferedImage img, List<Reading.Digit> digits) {
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(new Color(BOX_RGB));
      for (Reading.Digit d : digits) {
        MnistStyle.Prepared b = d.prepared();
        if (b == null) {
          continue;
        }
        int size = Math.max(10, Math.min(b.height() / 2, 28));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        g.drawString(String.valueOf(d.symbol()), b.x(), Math.max(size, b.y() - 2));
      }
    } finally {
      g.dispose();
    }
  }

  /**
   * The 28x28 model inputs side by side as gray pixels, each pixel {@code scale} x {@code scale},
   * with a 1-pixel gap; one black field when there are none.
   */
  static BufferedImage inputs(List<float[]> inputs, int scale) {
    int side = MnistStyle.SIZE * scale;
    int n = Math.max(1, inputs.size());
    BufferedImage img = new BufferedImage(n * side + (n - 1), side, BufferedImage.TYPE_BYTE_GRAY);
    var raster = img.getRaster();
    for (int k = 0; k < inputs.size(); k++) {
      float[] input = inputs.get(k);
      int left = k * (side + 1);
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          float v = input[(y / scale) * MnistStyle.SIZE + x / scale];
          raster.setSample(left + x, y, 0, Math.round(Math.clamp(v, 0f, 1f) * 255));
        }
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
