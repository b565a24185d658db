package io.lenetedge.edge.image;

import java.util.Arrays;

/**
 * Picks the digit among the 8-connected ink components of an {@link InkMap}. Specks, long thin
 * lines and smears (soft-edged or solid blobs) are never the digit; components touching the region's
 * border (paper edge, table, fingers) are the digit only when nothing else is there. The digit is
 * the plausible component with the most ink, weighted towards the region's centre, together with
 * the sizeable components close to it (a 4 or 5 drawn in two strokes). Keeps its buffers between
 * calls; not thread-safe.
 */
final class DigitBlobs {
  /** A digit is at least this many pixels high in the frame... */
  static final int MIN_DIGIT_PIXELS = 6;
  /** ...and at least this fraction of the region's smaller side. */
  static final double MIN_DIGIT_FRACTION = 0.04;
  /** Mean step across a component's edge, over its peak contrast, below which it is soft. */
  private static final double SOFT_EDGE = 0.12;
  /** Bounding-box fill above which a roundish component is a solid blob, not strokes. */
  private static final double SOLID_FILL = 0.7;
  /** Bounding-box fill below which a long component is a thin line. */
  private static final double THIN_FILL = 0.05;
  /** A second part of the digit has at least this fraction of the main part's ink... */
  private static final double PART_AREA = 0.05;
  /** ...lies at most this fraction of the main part's longer side from the digit... */
  private static final double PART_GAP = 0.2;
  /** ...and leaves the digit at most this many times as long as the main part. */
  private static final double PART_SPAN = 1.6;
  /** The digit's box may not cover this fraction of both sides of the region. */
  private static final double MAX_COVER = 0.95;

  private static final int TOP = 1;
  private static final int BOTTOM = 2;
  private static final int LEFT = 4;
  private static final int RIGHT = 8;
  private static final int ALL = TOP | BOTTOM | LEFT | RIGHT;

  /** Component id of each downscaled pixel, from 1; 0 where there is no ink. */
  private int[] labels = new int[0];
  private int[] stack = new int[256];
  private int count;
  private int[] x0 = new int[16];
  private int[] y0 = new int[16];
  private int[] x1 = new int[16];
  private int[] y1 = new int[16];
  private int[] area = new int[16];
  private int[] peak = new int[16];
  private int[] edges = new int[16];
  private long[] edgeSum = new long[16];
  private boolean[] chosen = new boolean[16];

  /** The digit's bounding box in downscaled pixels, inclusive; valid after {@link #find}. */
  int left;
  int top;
  int right;
  int bottom;

  /** Finds the digit's components; false when none is plausible or the digit fills the region. */
  boolean find(InkMap m) {
    label(m);
    int main = pickMain(m);
    if (main == 0) {
      return false;
    }
    group(main, m);
    return fitsInRegion(m);
  }

  /** Whether downscaled pixel {@code i} is ink of the digit. */
  boolean isDigit(int i) {
    int c = labels[i];
    return c != 0 && chosen[c];
  }

  /** The least height, in frame pixels, of a digit in a region of this size. */
  static double minDigitHeight(int roiWidth, int roiHeight) {
    return Math.max(MIN_DIGIT_PIXELS, MIN_DIGIT_FRACTION * Math.min(roiWidth, roiHeight));
  }

  private void label(InkMap m) {
    int n = m.width * m.height;
    if (labels.length < n) {
      labels = new int[n];
    }
    Arrays.fill(labels, 0, n, 0);
    count = 0;
    for (int i = 0; i < n; i++) {
      if (m.ink[i] && labels[i] == 0) {
        flood(m, i, newComponent());
      }
    }
  }

  private int newComponent() {
    int c = ++count;
    if (c >= area.length) {
      int size = area.length * 2;
      x0 = Arrays.copyOf(x0, size);
      y0 = Arrays.copyOf(y0, size);
      x1 = Arrays.copyOf(x1, size);
      y1 = Arrays.copyOf(y1, size);
      area = Arrays.copyOf(area, size);
      peak = Arrays.copyOf(peak, size);
      edges = Arrays.copyOf(edges, size);
      edgeSum = Arrays.copyOf(edgeSum, size);
      chosen = new boolean[size];
    }
    x0[c] = Integer.MAX_VALUE;
    y0[c] = Integer.MAX_VALUE;
    x1[c] = -1;
    y1[c] = -1;
    area[c] = 0;
    peak[c] = 0;
    edges[c] = 0;
    edgeSum[c] = 0;
    return c;
  }

  /** Labels the component at {@code start} and gathers its box, size, peak and edge steps. */
  private void flood(InkMap m, int start, int c) {
    int w = m.width;
    int h = m.height;
    int sp = 0;
    stack[sp++] = start;
    labels[start] = c;
    while (sp > 0) {
      int i = stack[--sp];
      int x = i % w;
      int y = i / w;
      x0[c] = Math.min(x0[c], x);
      y0[c] = Math.min(y0[c], y);
      x1[c] = Math.max(x1[c], x);
      y1[c] = Math.max(y1[c], y);
      area[c]++;
      peak[c] = Math.max(peak[c], m.diff[i]);
      edgeSteps(m, i, c, x > 0, x < w - 1, y > 0, y < h - 1);
      for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
        for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
          int j = ny * w + nx;
          if (m.ink[j] && labels[j] == 0) {
            labels[j] = c;
            if (sp == stack.length) {
              stack = Arrays.copyOf(stack, stack.length * 2);
            }
            stack[sp++] = j;
          }
        }
      }
    }
  }

  /** Adds the contrast step to each 4-neighbour of {@code i} that is not ink. */
  private void edgeSteps(InkMap m, int i, int c, boolean l, boolean r, boolean u, boolean d) {
    int w = m.width;
    if (l) {
      edgeStep(m, i, i - 1, c);
    }
    if (r) {
      edgeStep(m, i, i + 1, c);
    }
    if (u) {
      edgeStep(m, i, i - w, c);
    }
    if (d) {
      edgeStep(m, i, i + w, c);
    }
  }

  private void edgeStep(InkMap m, int i, int j, int c) {
    if (!m.ink[j]) {
      edgeSum[c] += m.diff[i] - m.diff[j];
      edges[c]++;
    }
  }

  /**
   * The plausible component with the best score; one touching a side of the region only if none
   * lies inside it, and never one touching two sides (it runs along or across the region); 0 if
   * none.
   */
  private int pickMain(InkMap m) {
    int best = 0;
    double bestScore = -1;
    boolean bestInside = false;
    for (int c = 1; c <= count; c++) {
      int touch = touch(c, m);
      if (!plausible(c, m) || Integer.bitCount(touch) > 1) {
        continue;
      }
      boolean inside = touch == 0;
      double s = score(c, m);
      if ((inside && !bestInside) || (inside == bestInside && s > bestScore)) {
        best = c;
        bestScore = s;
        bestInside = inside;
      }
    }
    return best;
  }

  /** Ink area, weighted down to a half towards the region's corners. */
  private double score(int c, InkMap m) {
    double dx = (x0[c] + x1[c] + 1) / 2.0 - m.width / 2.0;
    double dy = (y0[c] + y1[c] + 1) / 2.0 - m.height / 2.0;
    double off = Math.hypot(dx, dy) / Math.hypot(m.width / 2.0, m.height / 2.0);
    return area[c] * (1 - 0.5 * off);
  }

  private void group(int main, InkMap m) {
    Arrays.fill(chosen, 0, count + 1, false);
    chosen[main] = true;
    left = x0[main];
    top = y0[main];
    right = x1[main];
    bottom = y1[main];
    int mainLong = Math.max(boxWidth(main), boxHeight(main));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (int c = 1; c <= count; c++) {
        if (!chosen[c] && isPart(c, main, mainLong, m)) {
          chosen[c] = true;
          left = Math.min(left, x0[c]);
          top = Math.min(top, y0[c]);
          right = Math.max(right, x1[c]);
          bottom = Math.max(bottom, y1[c]);
          grew = true;
        }
      }
    }
  }

  private boolean isPart(int c, int main, int mainLong, InkMap m) {
    if (area[c] < PART_AREA * area[main] || speck(c, m) || smear(c)) {
      return false;
    }
    if (touch(c, m) != 0 && touch(main, m) == 0) {
      return false;
    }
    int gapX = Math.max(0, Math.max(x0[c] - right, left - x1[c]) - 1);
    int gapY = Math.max(0, Math.max(y0[c] - bottom, top - y1[c]) - 1);
    int span = Math.max(
        Math.max(right, x1[c]) - Math.min(left, x0[c]) + 1,
        Math.max(bottom, y1[c]) - Math.min(top, y0[c]) + 1);
    return Math.max(gapX, gapY) <= Math.max(2, PART_GAP * mainLong)
        && span <= PART_SPAN * mainLong;
  }

  private boolean fitsInRegion(InkMap m) {
    int t = touch(left, top, right, bottom, m);
    boolean covers = right - left + 1 >= MAX_COVER * m.width
        && bottom - top + 1 >= MAX_COVER * m.height;
    return t != ALL && !covers;
  }

  private boolean plausible(int c, InkMap m) {
    return !speck(c, m) && !line(c) && !smear(c);
  }

  /** Too few pixels, or less than half as long as the smallest digit. */
  private boolean speck(int c, InkMap m) {
    double longSide = Math.max(boxWidth(c), boxHeight(c)) * (double) m.factor;
    return area[c] < MnistStyle.MIN_SPECK_PIXELS
        || 2 * longSide < minDigitHeight(m.roiWidth, m.roiHeight);
  }

  /**
   * A flat bar (no digit is one alone) or a long thin wire. Lines across the whole region are
   * caught by touching its opposite sides.
   */
  private boolean line(int c) {
    int w = boxWidth(c);
    int h = boxHeight(c);
    return w >= 4 * h || (fill(c) < THIN_FILL && Math.max(w, h) >= 20);
  }

  /** Edges too soft for pen strokes, or a roundish blob filled like no digit is. */
  private boolean smear(int c) {
    boolean soft = edges[c] > 0 && edgeSum[c] < SOFT_EDGE * peak[c] * edges[c];
    int shortSide = Math.min(boxWidth(c), boxHeight(c));
    int longSide = Math.max(boxWidth(c), boxHeight(c));
    boolean solid = fill(c) >= SOLID_FILL && 2 * shortSide >= longSide && shortSide >= 6;
    return soft || solid;
  }

  private double fill(int c) {
    return area[c] / ((double) boxWidth(c) * boxHeight(c));
  }

  private int boxWidth(int c) {
    return x1[c] - x0[c] + 1;
  }

  private int boxHeight(int c) {
    return y1[c] - y0[c] + 1;
  }

  private int touch(int c, InkMap m) {
    return touch(x0[c], y0[c], x1[c], y1[c], m);
  }

  private static int touch(int l, int t, int r, int b, InkMap m) {
    return (t == 0 ? TOP : 0)
        | (b == m.height - 1 ? BOTTOM : 0)
        | (l == 0 ? LEFT : 0)
        | (r == m.width - 1 ? RIGHT : 0);
  }
}
