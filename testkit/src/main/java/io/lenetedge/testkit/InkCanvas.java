package io.lenetedge.testkit;

import io.lenetedge.common.IdxImages;

/**
 * Ink coverage in [0, 1] over a page, row-major: where MNIST digits are written before the page
 * is lit and photographed ({@link CameraLook}). Overlapping strokes keep the darker ink.
 */
final class InkCanvas {
  final int width;
  final int height;
  final float[] ink;

  InkCanvas(int width, int height) {
    this.width = width;
    this.height = height;
    this.ink = new float[width * height];
  }

  /**
   * Writes MNIST image {@code index} scaled by {@code scale} (28x28 becomes 28 * scale square)
   * with its top-left corner at ({@code left}, {@code top}), bilinear.
   */
  void write(IdxImages digits, int index, double left, double top, double scale) {
    int x0 = Math.max(0, (int) Math.floor(left));
    int y0 = Math.max(0, (int) Math.floor(top));
    int x1 = Math.min(width, (int) Math.ceil(left + 28 * scale));
    int y1 = Math.min(height, (int) Math.ceil(top + 28 * scale));
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        double sx = (x + 0.5 - left) / scale - 0.5;
        double sy = (y + 0.5 - top) / scale - 0.5;
        float v = (float) (bilinear(digits, index, sx, sy) / 255.0);
        int i = y * width + x;
        ink[i] = Math.max(ink[i], v);
      }
    }
  }

  /** Draws a straight stroke of the given width and darkness (a ruled line, a dash). */
  void stroke(double ax, double ay, double bx, double by, double strokeWidth, float darkness) {
    double half = strokeWidth / 2;
    int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - half - 1));
    int x1 = Math.min(width - 1, (int) Math.ceil(Math.max(ax, bx) + half + 1));
    int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - half - 1));
    int y1 = Math.min(height - 1, (int) Math.ceil(Math.max(ay, by) + half + 1));
    double dx = bx - ax;
    double dy = by - ay;
    double len2 = dx * dx + dy * dy;
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        double px = x + 0.5 - ax;
        double py = y + 0.5 - ay;
        double t = len2 == 0 ? 0 : Math.clamp((px * dx + py * dy) / len2, 0, 1);
        double d = Math.hypot(px - t * dx, py - t * dy);
        float cover = (float) Math.clamp(half + 0.5 - d, 0, 1) * darkness;
        int i = y * width + x;
        ink[i] = Math.max(ink[i], cover);
      }
    }
  }

  /** The ink box of MNIST image {@code index}: {x0, y0, x1, y1} inclusive, in its 28x28 grid. */
  static int[] inkBox(IdxImages digits, int index) {
    int x0 = 28;
    int y0 = 28;
    int x1 = -1;
    int y1 = -1;
    for (int p = 0; p < 784; p++) {
      if (digits.pixel(index, p) > 0) {
        x0 = Math.min(x0, p % 28);
        y0 = Math.min(y0, p / 28);
        x1 = Math.max(x1, p % 28);
        y1 = Math.max(y1, p / 28);
      }
    }
    return new int[] {x0, y0, x1, y1};
  }

  private static double bilinear(IdxImages digits, int index, double x, double y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    double fx = x - x0;
    double fy = y - y0;
    return (1 - fy) * ((1 - fx) * at(digits, index, x0, y0) + fx * at(digits, index, x0 + 1, y0))
        + fy * ((1 - fx) * at(digits, index, x0, y0 + 1) + fx * at(digits, index, x0 + 1, y0 + 1));
  }

  private static int at(IdxImages digits, int index, int x, int y) {
    return x < 0 || y < 0 || x > 27 || y > 27 ? 0 : digits.pixel(index, y * 28 + x);
  }
}
