package io.lenetedge.image;

import java.util.Arrays;

/**
 * The 8-connected components of an ink mask over an {@link InkMap}, with what the preparation
 * judges them by: bounding box, ink area, peak contrast, the mean contrast step across their edge,
 * and which sides of the region they touch. Components are numbered from 1. Keeps its buffers
 * between calls; not thread-safe.
 */
final class InkComponents {
  static final int TOP = 1;
  static final int BOTTOM = 2;
  static final int LEFT = 4;
  static final int RIGHT = 8;
  static final int ALL = TOP | BOTTOM | LEFT | RIGHT;

  /** Mean step across a component's edge, over its peak contrast, below which it is soft. */
  private static final double SOFT_EDGE = 0.12;
  /** Bounding-box fill above which a roundish component is a solid blob, not strokes. */
  static final double SOLID_FILL = 0.7;
  /** Bounding-box fill below which a long component is a thin line. */
  private static final double THIN_FILL = 0.05;

  /** Component id of each downscaled pixel, from 1; 0 where there is no ink. */
  private int[] labels = new int[0];
  private int[] stack = new int[256];
  private InkMap map;
  private int count;
  private int[] x0 = new int[16];
  private int[] y0 = new int[16];
  private int[] x1 = new int[16];
  private int[] y1 = new int[16];
  private int[] area = new int[16];
  private int[] peak = new int[16];
  private int[] edges = new int[16];
  private long[] edgeSum = new long[16];
  private final double solidFill;
  private int[] hullX = new int[64];
  private int[] hullY = new int[64];

  /** Components judged as a lone digit's map needs ({@link #SOLID_FILL}). */
  InkComponents() {
    this(SOLID_FILL);
  }

  /**
   * Components whose roundish ones count as solid blobs above {@code solidFill} (a finer map shows
   * bold strokes fuller).
   */
  InkComponents(double solidFill) {
    this.solidFill = solidFill;
  }

  /** Labels the ink of {@code m}. */
  void label(InkMap m) {
    label(m, m.ink);
  }

  /** Labels {@code mask} (the ink of {@code m}, or part of it). */
  void label(InkMap m, boolean[] mask) {
    map = m;
    int n = m.width * m.height;
    if (labels.length < n) {
      labels = new int[n];
    }
    Arrays.fill(labels, 0, n, 0);
    count = 0;
    for (int i = 0; i < n; i++) {
      if (mask[i] && labels[i] == 0) {
        flood(mask, i, newComponent());
      }
    }
  }

  int count() {
    return count;
  }

  /** The component of downscaled pixel {@code i}, 0 for none. */
  int at(int i) {
    return labels[i];
  }

  int left(int c) {
    return x0[c];
  }

  int top(int c) {
    return y0[c];
  }

  int right(int c) {
    return x1[c];
  }

  int bottom(int c) {
    return y1[c];
  }

  int area(int c) {
    return area[c];
  }

  int width(int c) {
    return x1[c] - x0[c] + 1;
  }

  int height(int c) {
    return y1[c] - y0[c] + 1;
  }

  /** Too few pixels, or less than half as long as the smallest digit. */
  boolean speck(int c) {
    double longSide = Math.max(width(c), height(c)) * (double) map.factor;
    return area[c] < MnistStyle.MIN_SPECK_PIXELS
        || 2 * longSide < DigitBlobs.minDigitHeight(map.roiWidth, map.roiHeight);
  }

  /**
   * A flat bar (no digit is one alone) or a long thin wire. Lines across the whole region are
   * caught by touching its opposite sides.
   */
  boolean line(int c) {
    int w = width(c);
    int h = height(c);
    return w >= 4 * h || (fill(c) < THIN_FILL && Math.max(w, h) >= 20);
  }

  /** Edges too soft for pen strokes, or a roundish blob filled like no digit is. */
  boolean smear(int c) {
    boolean soft = edges[c] > 0 && edgeSum[c] < SOFT_EDGE * peak[c] * edges[c];
    int shortSide = Math.min(width(c), height(c));
    int longSide = Math.max(width(c), height(c));
    boolean solid = fill(c) >= solidFill && 2 * shortSide >= longSide && shortSide >= 6;
    return soft || solid;
  }

  /**
   * How much of the component's thickness is soft edge: the width of its edge ramp (its peak over
   * the mean step across its edge) over its stroke thickness (twice its area over its edge
   * length). A sharp or slightly blurred stroke is well under 1; a smudge is nearly all ramp.
   */
  double rampOverThickness(int c) {
    if (edges[c] == 0 || edgeSum[c] <= 0) {
      return 0;
    }
    double ramp = (double) peak[c] * edges[c] / edgeSum[c];
    double thickness = 2.0 * area[c] / edges[c];
    return ramp / thickness;
  }

  /** The component's stroke thickness: twice its area over its edge length, in map pixels. */
  double thickness(int c) {
    return edges[c] == 0 ? 0 : 2.0 * area[c] / edges[c];
  }

  /**
   * The width of the component's edge ramp (its peak over the mean step across its edge) over its
   * height: how soft it is for its size, whatever the scale it is measured at. A pen stroke's edge
   * is a few percent of its digit's height, a smudge's a fifth or more.
   */
  double rampOverHeight(int c) {
    if (edges[c] == 0 || edgeSum[c] <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    return (double) peak[c] * edges[c] / edgeSum[c] / height(c);
  }

  /**
   * The component's ink over the area of its convex hull (pixel squares' corners): near 1 for a
   * blob, however long, soft or turned; well under 1 for strokes that bend, branch or close a loop.
   */
  double solidity(int c) {
    int rows = height(c);
    if (hullX.length < 4 * rows) {
      hullX = new int[4 * rows];
      hullY = new int[4 * rows];
    }
    int w = map.width;
    int n = 0;
    for (int y = y0[c]; y <= y1[c]; y++) {
      int first = -1;
      int last = -1;
      for (int x = x0[c]; x <= x1[c]; x++) {
        if (labels[y * w + x] == c) {
          if (first < 0) {
            first = x;
          }
          last = x;
        }
      }
      if (first >= 0) {
        hullX[n] = first;
        hullY[n++] = y;
        hullX[n] = first;
        hullY[n++] = y + 1;
        hullX[n] = last + 1;
        hullY[n++] = y;
        hullX[n] = last + 1;
        hullY[n++] = y + 1;
      }
    }
    double hull = ConvexHull.area(hullX, hullY, n);
    return hull <= 0 ? 1 : Math.min(1, area[c] / hull);
  }

  /** Which sides of the region the component touches ({@link #TOP}, ...). */
  int touch(int c) {
    return touch(x0[c], y0[c], x1[c], y1[c], map);
  }

  static int touch(int l, int t, int r, int b, InkMap m) {
    return (t == 0 ? TOP : 0)
        | (b == m.height - 1 ? BOTTOM : 0)
        | (l == 0 ? LEFT : 0)
        | (r == m.width - 1 ? RIGHT : 0);
  }

  private double fill(int c) {
    return area[c] / ((double) width(c) * height(c));
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
  private void flood(boolean[] mask, int start, int c) {
    InkMap m = map;
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
      edgeSteps(mask, i, c, x > 0, x < w - 1, y > 0, y < h - 1);
      for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
        for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
          int j = ny * w + nx;
          if (mask[j] && labels[j] == 0) {
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
  private void edgeSteps(boolean[] mask, int i, int c, boolean l, boolean r, boolean u, boolean d) {
    int w = map.width;
    if (l) {
      edgeStep(mask, i, i - 1, c);
    }
    if (r) {
      edgeStep(mask, i, i + 1, c);
    }
    if (u) {
      edgeStep(mask, i, i - w, c);
    }
    if (d) {
      edgeStep(mask, i, i + w, c);
    }
  }

  private void edgeStep(boolean[] mask, int i, int j, int c) {
    if (!mask[j]) {
      edgeSum[c] += map.diff[i] - map.diff[j];
      edges[c]++;
    }
  }
}
