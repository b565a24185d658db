package io.lenetedge.image;

import java.util.Arrays;

/**
 * Grey-level dilation (local maximum) and erosion (local minimum) over a square window, cut at the
 * image border. Each direction doubles the window in passes over the whole array (1, 2, 4, 8...
 * pixels, then one overlapping step), which vectorise well: O(log window) per pixel. Keeps its
 * scratch buffers between calls; not thread-safe.
 */
final class MorphFilter {
  private int[] across = new int[0];
  private int[] ping = new int[0];
  private int[] pong = new int[0];

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
    int rowLength = w + 2 * r;
    padRows(src, w, h, r, max);
    window(h * rowLength, 1, 2 * r + 1, max);
    for (int y = 0; y < h; y++) {
      System.arraycopy(ping, y * rowLength, across, y * w, w);
    }
    pad(across, 0, w * h, w, r, max);
    window((h + 2 * r) * w, w, 2 * r + 1, max);
    System.arraycopy(ping, 0, dst, 0, w * h);
  }

  /**
   * Lays the rows out in {@link #ping} one after another, each between {@code r} neutral values, so
   * one sweep filters them all: a window starting in a row's first {@code w} places ends in its
   * padding.
   */
  private void padRows(int[] src, int w, int h, int r, boolean max) {
    int rowLength = w + 2 * r;
    int len = h * rowLength;
    ping = grow(ping, len);
    pong = grow(pong, len);
    int neutral = neutral(max);
    for (int y = 0; y < h; y++) {
      int at = y * rowLength;
      Arrays.fill(ping, at, at + r, neutral);
      System.arraycopy(src, y * w, ping, at + r, w);
      Arrays.fill(ping, at + r + w, at + rowLength, neutral);
    }
  }

  /**
   * Copies {@code n} values from {@code src} into {@link #ping} after {@code r * unit} neutral
   * values and before as many more.
   */
  private void pad(int[] src, int from, int n, int unit, int r, boolean max) {
    int pad = r * unit;
    int len = n + 2 * pad;
    ping = grow(ping, len);
    pong = grow(pong, len);
    int neutral = neutral(max);
    Arrays.fill(ping, 0, pad, neutral);
    System.arraycopy(src, from, ping, pad, n);
    Arrays.fill(ping, pad + n, len, neutral);
  }

  /**
   * Replaces the first {@code len} values of {@link #ping} (steps of {@code unit} apart) by the
   * extreme over the {@code k} values starting at each.
   */
  private void window(int len, int unit, int k, boolean max) {
    int span = 1;
    while (2 * span <= k) {
      combine(len - span * unit, span * unit, max);
      span *= 2;
    }
    if (span < k) {
      combine(len - (k - span) * unit, (k - span) * unit, max);
    }
  }

  /** {@code ping[i] = extreme(ping[i], ping[i + offset])} for i below {@code n}, via pong. */
  private void combine(int n, int offset, boolean max) {
    int[] a = ping;
    int[] b = pong;
    if (max) {
      for (int i = 0; i < n; i++) {
        b[i] = Math.max(a[i], a[i + offset]);
      }
    } else {
      for (int i = 0; i < n; i++) {
        b[i] = Math.min(a[i], a[i + offset]);
      }
    }
    ping = b;
    pong = a;
  }

  private static int neutral(boolean max) {
    return max ? Integer.MIN_VALUE : Integer.MAX_VALUE;
  }

  static int[] grow(int[] a, int n) {
    return a.length >= n ? a : new int[n];
  }
}
