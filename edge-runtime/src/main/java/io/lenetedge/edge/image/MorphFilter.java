package io.lenetedge.edge.image;

import java.util.Arrays;

/**
 * Grey-level dilation (local maximum) and erosion (local minimum) over a square window, cut at the
 * image border, in constant time per pixel whatever the window (van Herk / Gil-Werman). Keeps its
 * scratch buffers between calls; not thread-safe.
 */
final class MorphFilter {
  private int[] across = new int[0];
  private int[] row = new int[0];
  private int[] rowForward = new int[0];
  private int[] rowBackward = new int[0];
  private int[] forward = new int[0];
  private int[] backward = new int[0];

  /** {@code dst} gets the maximum of {@code src} over the (2r+1)-square around each pixel. */
  void dilate(int[] src, int[] dst, int w, int h, int r) {
    filter(src, dst, w, h, r, true);
  }

  /** {@code dst} gets the minimum of {@code src} over the (2r+1)-square around each pixel. */
  void erode(int[] src, int[] dst, int w, int h, int r) {
    filter(src, dst, w, h, r, false);
  }

  private void filter(int[] src, int[] dst, int w, int h, int r, boolean max) {
    across = grow(across, w * h);
    for (int y = 0; y < h; y++) {
      alongRow(src, y * w, across, w, r, max);
    }
    alongColumns(across, dst, w, h, r, max);
  }

  private void alongRow(int[] src, int offset, int[] dst, int n, int r, boolean max) {
    int k = 2 * r + 1;
    int len = n + 2 * r;
    row = grow(row, len);
    rowForward = grow(rowForward, len);
    rowBackward = grow(rowBackward, len);
    int neutral = neutral(max);
    Arrays.fill(row, 0, r, neutral);
    System.arraycopy(src, offset, row, r, n);
    Arrays.fill(row, r + n, len, neutral);
    for (int start = 0; start < len; start += k) {
      int end = Math.min(len, start + k);
      int m = neutral;
      for (int i = start; i < end; i++) {
        m = pick(max, m, row[i]);
        rowForward[i] = m;
      }
      m = neutral;
      for (int i = end - 1; i >= start; i--) {
        m = pick(max, m, row[i]);
        rowBackward[i] = m;
      }
    }
    for (int x = 0; x < n; x++) {
      dst[offset + x] = pick(max, rowBackward[x], rowForward[x + 2 * r]);
    }
  }

  /** The vertical pass, a whole row at a time; padded row {@code q} holds source row q - r. */
  private void alongColumns(int[] src, int[] dst, int w, int h, int r, boolean max) {
    int k = 2 * r + 1;
    int len = h + 2 * r;
    forward = grow(forward, len * w);
    backward = grow(backward, len * w);
    for (int start = 0; start < len; start += k) {
      int end = Math.min(len, start + k);
      for (int q = start; q < end; q++) {
        accumulate(src, q - r, h, w, forward, q * w, q == start ? -1 : (q - 1) * w, max);
      }
      for (int q = end - 1; q >= start; q--) {
        accumulate(src, q - r, h, w, backward, q * w, q == end - 1 ? -1 : (q + 1) * w, max);
      }
    }
    for (int y = 0; y < h; y++) {
      int b = y * w;
      int f = (y + 2 * r) * w;
      for (int x = 0; x < w; x++) {
        dst[b + x] = pick(max, backward[b + x], forward[f + x]);
      }
    }
  }

  /** Row {@code at} of {@code acc} = source row (neutral outside) combined with row {@code prev}. */
  private static void accumulate(
      int[] src, int srcRow, int h, int w, int[] acc, int at, int prev, boolean max) {
    boolean inside = srcRow >= 0 && srcRow < h;
    if (prev < 0) {
      if (inside) {
        System.arraycopy(src, srcRow * w, acc, at, w);
      } else {
        Arrays.fill(acc, at, at + w, neutral(max));
      }
    } else if (inside) {
      int s = srcRow * w;
      for (int x = 0; x < w; x++) {
        acc[at + x] = pick(max, acc[prev + x], src[s + x]);
      }
    } else {
      System.arraycopy(acc, prev, acc, at, w);
    }
  }

  private static int pick(boolean max, int a, int b) {
    return max ? Math.max(a, b) : Math.min(a, b);
  }

  private static int neutral(boolean max) {
    return max ? Integer.MIN_VALUE : Integer.MAX_VALUE;
  }

  static int[] grow(int[] a, int n) {
    return a.length >= n ? a : new int[n];
  }
}
