package io.lenetedge.testkit;

import io.lenetedge.common.LabeledImages;
import java.util.SplittableRandom;

/**
 * Builds one page by hand for a test: MNIST test digits placed where the test wants them, strokes
 * (a ruled line, a dash, a letter), then photographed with a chosen camera look. Returns the pixels
 * of the frame, 8-bit grey, row-major.
 */
public final class PageBuilder {
  private final LabeledImages digits;
  private final InkCanvas canvas;
  private CameraLook look = new CameraLook(0, 0.6, 225, 50, 0.5, -1, 0.75, 3, 0f);

  public PageBuilder(LabeledImages digits, int width, int height) {
    this.digits = digits;
    this.canvas = new InkCanvas(width, height);
  }

  /** The {@code nth} digit (from 0) of the split with this label. */
  public static int indexOf(LabeledImages digits, int label, int nth) {
    int seen = 0;
    for (int i = 0; i < digits.size(); i++) {
      if (digits.label(i) == label && seen++ == nth) {
        return i;
      }
    }
    throw new IllegalArgumentException("fewer than " + (nth + 1) + " digits " + label);
  }

  /**
   * Writes MNIST digit {@code index} with its ink's left edge at {@code left} and its ink's
   * vertical centre at {@code centreY}, scaled so that MNIST's 20-pixel box is {@code height}
   * pixels high; returns the x just right of its ink.
   */
  public double digit(int index, double left, double centreY, double height) {
    int[] ink = InkCanvas.inkBox(digits.images(), index);
    double scale = height / 20;
    canvas.write(digits.images(), index, left - ink[0] * scale,
        centreY - (ink[1] + ink[3] + 1) / 2.0 * scale, scale);
    return left + (ink[2] - ink[0] + 1) * scale;
  }

  /** Draws a straight stroke (a rule, a dash, part of a letter) of the given ink darkness (0-1). */
  public PageBuilder stroke(double x0, double y0, double x1, double y1, double width, double ink) {
    canvas.stroke(x0, y0, x1, y1, width, (float) ink);
    return this;
  }

  /** Erases the ink in the rectangle [x0, x1) x [y0, y1) (to break a stroke). */
  public PageBuilder erase(int x0, int y0, int x1, int y1) {
    for (int y = Math.max(0, y0); y < Math.min(canvas.height, y1); y++) {
      for (int x = Math.max(0, x0); x < Math.min(canvas.width, x1); x++) {
        canvas.ink[y * canvas.width + x] = 0;
      }
    }
    return this;
  }

  /** Photographs the page turned by {@code angleDegrees}, blurred, noisy, JPEG-compressed or not. */
  public PageBuilder look(double angleDegrees, double blurSigma, double noiseSigma, float jpegQuality) {
    look = new CameraLook(angleDegrees, blurSigma, 225, 50, 0.5, -1, 0.75, noiseSigma, jpegQuality);
    return this;
  }

  /** The photograph: 8-bit grey pixels, row-major. */
  public byte[] photograph(long seed) {
    return look.photograph(canvas, new SplittableRandom(seed));
  }
}
