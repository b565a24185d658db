package io.lenetedge.image;

/**
 * Brings a digit's stroke width towards MNIST's before it is fitted to 20x20: a stroke thinner
 * than {@link #THIN} of the digit's larger side (a ball-pen digit in a high-resolution scan) is
 * thickened, one thicker than {@link #THICK} (a marker filling the frame) thinned, both to
 * {@link #TARGET}, by growing or eating its edge along a distance transform; a digit between the
 * two, as 98 % of MNIST's are at 28x28, is left as it is. The width is measured from the same distance
 * transform. Pure.
 */
final class StrokeWidth {
  /**
   * MNIST test digits' width over their larger side, as measured here at 28x28: 1st percentile
   * 0.100 (a one-pixel line), median 0.138, 98th 0.235, 99th 0.254.
   */
  static final double THIN = 0.07;
  /** See {@link #THIN}. */
  static final double THICK = 0.24;
  /** A little over MNIST's median. */
  static final double TARGET = 0.15;
  /** Where a value counts as ink, of the strongest. */
  private static final float INK = 0.5f;
  private static final float DIAGONAL = 1.4142135f;

  private StrokeWidth() {}

  /**
   * The stroke width of {@code w x h} values in [0, 1] (from {@code offset}, rows {@code stride}
   * apart) over the larger side; 0 for no ink.
   */
  static double relative(float[] v, int offset, int stride, int w, int h) {
    return relative(v, offset, stride, w, h, 1f);
  }

  /**
   * {@link #relative}, of values whose strongest is {@code strongest}: four times the ink's mean
   * distance to the paper, less the half pixel a pixel centre lies inside (a stroke of width
   * {@code s} has a mean distance of {@code s / 4}).
   */
  private static double relative(float[] v, int offset, int stride, int w, int h, float strongest) {
    float[] ink = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        ink[y * w + x] = v[offset + y * stride + x] / strongest;
      }
    }
    float[] d = distances(ink, w, h, true);
    double sum = 0;
    long area = 0;
    for (float f : d) {
      if (f > 0) {
        sum += f;
        area++;
      }
    }
    return area == 0 ? 0 : 4 * (sum / area - 0.5) / Math.max(w, h);
  }

  /** Ink values in [0, 1], {@code width} to a row. */
  record Crop(float[] values, int width, int height) {}

  /**
   * The {@code w x h} values (scaled by {@code gain} into [0, 1]) with their stroke width brought
   * to {@link #TARGET} when it lies outside [{@link #THIN}, {@link #THICK}], grown by the margin a
   * thicker stroke needs; null when it lies inside.
   */
  static Crop normalised(float[] src, int offset, int stride, int w, int h, float gain) {
    double rel = relative(src, offset, stride, w, h, 1f / gain);
    if (rel == 0 || rel >= THIN && rel <= THICK) {
      return null;
    }
    float by = (float) ((TARGET - rel) * Math.max(w, h) / 2);
    int pad = by > 0 ? (int) Math.ceil(by) : 0;
    int pw = w + 2 * pad;
    int ph = h + 2 * pad;
    float[] v = new float[pw * ph];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        v[(y + pad) * pw + x + pad] = Math.min(1f, src[offset + y * stride + x] * gain);
      }
    }
    return trimmed(by > 0 ? thickened(v, pw, ph, by) : thinned(v, pw, ph, -by), pw, ph);
  }

  /** The values cut to the box of their ink. */
  private static Crop trimmed(float[] v, int w, int h) {
    int x0 = w;
    int y0 = h;
    int x1 = -1;
    int y1 = -1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (v[y * w + x] > 0) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
        }
      }
    }
    if (x1 < 0) {
      return new Crop(v, w, h);
    }
    int tw = x1 - x0 + 1;
    int th = y1 - y0 + 1;
    float[] out = new float[tw * th];
    for (int y = 0; y < th; y++) {
      System.arraycopy(v, (y + y0) * w + x0, out, y * tw, tw);
    }
    return new Crop(out, tw, th);
  }

  /** Ink grown by {@code by} pixels on each side, its new edge as soft as one pixel. */
  private static float[] thickened(float[] v, int w, int h, float by) {
    float[] d = distances(v, w, h, false);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.max(v[i], Math.clamp(by + 1 - d[i], 0f, 1f));
    }
    return out;
  }

  /**
   * Ink eaten by {@code by} pixels from each side; a pixel on the stroke's middle (no neighbour
   * farther from the paper) is kept, so that a thinner part of the digit is not lost.
   */
  private static float[] thinned(float[] v, int w, int h, float by) {
    float[] d = distances(v, w, h, true);
    float[] out = new float[v.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if (d[i] == 0) {
          continue;
        }
        float keep = Math.clamp(d[i] - by, 0f, 1f);
        if (keep < 1 && middle(d, w, h, x, y)) {
          keep = 1;
        }
        out[i] = v[i] * keep;
      }
    }
    return out;
  }

  private static boolean middle(float[] d, int w, int h, int x, int y) {
    float here = d[y * w + x];
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        int nx = x + dx;
        int ny = y + dy;
        if ((dx != 0 || dy != 0) && nx >= 0 && ny >= 0 && nx < w && ny < h
            && d[ny * w + nx] > here) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A chamfer distance transform (1 along an axis, sqrt 2 diagonally): for {@code insideInk}, each
   * ink pixel's distance to the nearest paper pixel (paper is 0; outside the crop counts as
   * paper), else each paper pixel's distance to the nearest ink pixel (ink is 0).
   */
  static float[] distances(float[] v, int w, int h, boolean insideInk) {
    float far = w + h;
    float[] d = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      boolean ink = v[i] > INK;
      d[i] = ink == insideInk ? far : 0;
    }
    float edge = insideInk ? 1 : far;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if (d[i] == 0) {
          continue;
        }
        float m = d[i];
        m = Math.min(m, (x > 0 ? d[i - 1] : edge - 1) + 1);
        m = Math.min(m, (y > 0 ? d[i - w] : edge - 1) + 1);
        m = Math.min(m, (x > 0 && y > 0 ? d[i - w - 1] : edge - 1) + DIAGONAL);
        m = Math.min(m, (x + 1 < w && y > 0 ? d[i - w + 1] : edge - 1) + DIAGONAL);
        d[i] = m;
      }
    }
    for (int y = h - 1; y >= 0; y--) {
      for (int x = w - 1; x >= 0; x--) {
        int i = y * w + x;
        if (d[i] == 0) {
          continue;
        }
        float m = d[i];
        m = Math.min(m, (x + 1 < w ? d[i + 1] : edge - 1) + 1);
        m = Math.min(m, (y + 1 < h ? d[i + w] : edge - 1) + 1);
        m = Math.min(m, (x + 1 < w && y + 1 < h ? d[i + w + 1] : edge - 1) + DIAGONAL);
        m = Math.min(m, (x > 0 && y + 1 < h ? d[i + w - 1] : edge - 1) + DIAGONAL);
        d[i] = m;
      }
    }
    return d;
  }
}
