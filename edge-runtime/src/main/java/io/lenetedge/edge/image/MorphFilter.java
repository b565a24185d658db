package io.lenetedge.edge.image;

import java.util.Arrays;

/**
 * Grey-level dilation (local maximum) and erosion (local minimum) of 8-bit values over a square
 * window, cut at the image border, in constant time per pixel whatever the window (van Herk /
 * Gil-Werman). Keeps its scratch buffers between calls; not thread-safe.
 */
final class MorphFilter {
  private static final int NEUTRAL = Integer.MIN_VALUE;

  private int[] across = new int[0];
  private int[] flipped = new int[0];
  private int[] row = new int[0];
  private int[] rowForward = new int[0];
  private int[] rowBackward = new int[0];
  private int[] forward = new int[0];
  private int[] backward = new int[0];

  /** {@code dst} gets the maximum of {@code src} over the (2r+1)-square around each pixel. */
  void dilate(int[] src, int[] dst, int w, int h, int r) {
    across = grow(across, w * h);
    for (int y = 0; y < h; y++) {
      rowMax(src, y * w, across, w, r);
    }
    columnMax(across, dst, w, h, r);
  }

  /** {@code dst} gets the minimum of {@code src} (values 0 to 255) over the same window. */
  void erode(int[] src, int[] dst, int w, int h, int r) {
    int n = w * h;
    flipped = grow(flipped, n);
    for (int i = 0; i < n; i++) {
      flipped[i] = 255 - src[i];
    }
    dilate(flipped, dst, w, h, r);
    for (int i = 0; i < n; i++) {
      dst[i] = 255 - dst[i];
    }
  }

  private void rowMax(int[] src, int offset, int[] dst, int n, int r) {
    int k = 2 * r + 1;
    int len = n + 2 * r;
    row = grow(row, len);
    rowForward = grow(rowForward, len);
    rowBackward = grow(rowBackward, len);
    Arrays.fill(row, 0, r, NEUTRAL);
    System.arraycopy(src, offset, row, r, n);
    Arrays.fill(row, r + n, len, NEUTRAL);
    for (int start = 0; start < len; start += k) {
      int end = Math.min(len, start + k);
      int m = NEUTRAL;
      for (int i = start; i < end; i++) {
        m = Math.max(m, row[i]);
        rowForward[i] = m;
      }
      m = NEUTRAL;
      for (int i = end - 1; i >= start; i--) {
        m = Math.max(m, row[i]);
        rowBackward[i] = m;
      }
    }
    for (int x = 0; x < n; x++) {
      dst[offset + x] = Math.max(rowBackward[x], rowForward[x + 2 * r]);
    }
  }

  /** The vertical pass, done a whole row at a time; padded rows {@code q} hold row q - r. */
  private void columnMax(int[] src, int[] dst, int w, int h, int r) {
    int k = 2 * r + 1;
    int len = h + 2 * r;
    forward = grow(forward, len * w);
    backward = grow(backward, len * w);
    for (int start = 0; start < len; start += k) {
      int end = Math.min(len, start + k);
      for (int q = start; q < end; q++) {
        accumulate(src, q - r, h, w, forward, q * w, q == start ? -1 : (q - 1) * w);
      }
      for (int q = end - 1; q >= start; q--) {
        accumulate(src, q - r, h, w, backward, q * w, q == end - 1 ? -1 : (q + 1) * w);
      }
    }
    for (int y = 0; y < h; y++) {
      int b = y * w;
      int f = (y + 2 * r) * w;
      int o = y * w;
      for (int x = 0; x < w; x++) {
        dst[o + x] = Math.max(backward[b + x], forward[f + x]);
      }
    }
  }

  /** {@code acc} row at {@code at} = source row (neutral outside) maxed with row {@code prev}. */
  private static void accumulate(int[] src, int srcRow, int h, int w, int[] acc, int at, int prev) {
    boolean inside = srcRow >= 0 && srcRow < h;
    if (prev < 0) {
      if (inside) {
        System.arraycopy(src, srcRow * w, acc, at, w);
      } else {
        Arrays.fill(acc, at, at + w, NEUTRAL);
      }
    } else if (inside) {
      int s = srcRow * w;
      for (int x = 0; x < w; x++) {
        acc[at + x] = Math.max(acc[prev + x], src[s + x]);
      }
    } else {
      System.arraycopy(acc, prev, acc, at, w);
    }
  }

  static int[] grow(int[] a, int n) {
    return a.length >= n ? a : new int[n];
  }
}
