package io.lenetedge.edge.image;

import io.lenetedge.edge.image.MnistStyle.Prepared;
import java.util.Arrays;
import java.util.Optional;

/**
 * Cuts the chosen digit out of the frame at full resolution as flattened ink: each pixel's contrast
 * against the paper, over the ink envelope (both interpolated from the downscaled maps), so shading
 * inside the crop does not leak in. Pixels that are not ink, or not next to the digit's components,
 * are 0. Keeps its buffers between calls; not thread-safe.
 */
final class InkCrop {
  private boolean[] near = new boolean[0];
  private float[] values = new float[0];
  private float[] rowPaper = new float[0];
  private float[] rowEnvelope = new float[0];
  private int[] column = new int[0];
  private float[] columnWeight = new float[0];
  private int[] nearColumn = new int[0];

  /** The box of the near mask, in downscaled pixels: the digit's box grown by one. */
  private int nearLeft;
  private int nearTop;
  private int nearWidth;
  /** The digit's ink box within the cut region, and its strongest ink. */
  private int boxLeft;
  private int boxTop;
  private int boxRight;
  private int boxBottom;
  private float strongest;

  /** The digit as model input, or empty when its ink is lower than a digit can be. */
  Optional<Prepared> prepare(GrayImage frame, InkMap m, DigitBlobs digit) {
    markNear(m, digit);
    int nearRight = Math.min(m.width - 1, digit.right + 1);
    int nearBottom = Math.min(m.height - 1, digit.bottom + 1);
    int f = m.factor;
    int x0 = m.left + nearLeft * f;
    int y0 = m.top + nearTop * f;
    int x1 = nearRight == m.width - 1 ? m.left + m.roiWidth : m.left + (nearRight + 1) * f;
    int y1 = nearBottom == m.height - 1 ? m.top + m.roiHeight : m.top + (nearBottom + 1) * f;
    cut(frame, m, x0, y0, x1, y1);
    int w = boxRight - boxLeft + 1;
    int h = boxBottom - boxTop + 1;
    if (boxRight < 0 || h < DigitBlobs.minDigitHeight(m.roiWidth, m.roiHeight)) {
      return Optional.empty();
    }
    compact(x1 - x0, w, h);
    float[] input = MnistStyle.fit(values, w, h);
    return Optional.of(new Prepared(input, x0 + boxLeft, y0 + boxTop, w, h, m.inverted));
  }

  private void markNear(InkMap m, DigitBlobs digit) {
    nearLeft = Math.max(0, digit.left - 1);
    nearTop = Math.max(0, digit.top - 1);
    nearWidth = Math.min(m.width - 1, digit.right + 1) - nearLeft + 1;
    int nearHeight = Math.min(m.height - 1, digit.bottom + 1) - nearTop + 1;
    int n = nearWidth * nearHeight;
    if (near.length < n) {
      near = new boolean[n];
    }
    Arrays.fill(near, 0, n, false);
    for (int y = digit.top; y <= digit.bottom; y++) {
      for (int x = digit.left; x <= digit.right; x++) {
        if (digit.isDigit(y * m.width + x)) {
          markAround(x - nearLeft, y - nearTop, nearHeight);
        }
      }
    }
  }

  private void markAround(int x, int y, int nearHeight) {
    for (int ny = Math.max(0, y - 1); ny <= Math.min(nearHeight - 1, y + 1); ny++) {
      for (int nx = Math.max(0, x - 1); nx <= Math.min(nearWidth - 1, x + 1); nx++) {
        near[ny * nearWidth + nx] = true;
      }
    }
  }

  /** Fills {@link #values} for the frame region [x0, x1) x [y0, y1) and finds the ink box. */
  private void cut(GrayImage frame, InkMap m, int x0, int y0, int x1, int y1) {
    int rw = x1 - x0;
    int rh = y1 - y0;
    prepareColumns(m, x0, rw);
    if (values.length < rw * rh) {
      values = new float[rw * rh];
    }
    boxLeft = Integer.MAX_VALUE;
    boxTop = Integer.MAX_VALUE;
    boxRight = -1;
    boxBottom = -1;
    strongest = 0;
    for (int y = 0; y < rh; y++) {
      cutRow(frame, m, x0, y0 + y, rw, y);
    }
  }

  /** Per frame column: the downscaled column left of it, its weight, and its near-mask column. */
  private void prepareColumns(InkMap m, int x0, int rw) {
    if (column.length < rw) {
      column = new int[rw];
      columnWeight = new float[rw];
      nearColumn = new int[rw];
    }
    if (rowPaper.length < m.width) {
      rowPaper = new float[m.width];
      rowEnvelope = new float[m.width];
    }
    for (int k = 0; k < rw; k++) {
      int x = x0 + k - m.left;
      float u = Math.clamp((x + 0.5f) / m.factor - 0.5f, 0f, m.width - 1f);
      column[k] = (int) u;
      columnWeight[k] = u - column[k];
      nearColumn[k] = Math.min(m.width - 1, x / m.factor) - nearLeft;
    }
  }

  private void cutRow(GrayImage frame, InkMap m, int x0, int frameY, int rw, int y) {
    int from = column[0];
    int to = Math.min(m.width - 1, column[rw - 1] + 1);
    interpolateRow(m, frameY - m.top, from, to);
    int nearRow = (Math.min(m.height - 1, (frameY - m.top) / m.factor) - nearTop) * nearWidth;
    byte[] p = frame.pixels();
    int at = frameY * frame.width() + x0;
    int o = y * rw;
    for (int k = 0; k < rw; k++) {
      float value = 0;
      if (near[nearRow + nearColumn[k]]) {
        int c0 = column[k];
        int c1 = Math.min(c0 + 1, to);
        float wx = columnWeight[k];
        float paper = rowPaper[c0] + (rowPaper[c1] - rowPaper[c0]) * wx;
        float envelope = rowEnvelope[c0] + (rowEnvelope[c1] - rowEnvelope[c0]) * wx;
        int v = p[at + k] & 0xFF;
        float d = m.inverted ? paper - v : v - paper;
        float r = d / envelope;
        if (m.isInk(d, r)) {
          value = r;
          include(k, y, r);
        }
      }
      values[o + k] = value;
    }
  }

  /** Paper and envelope along downscaled columns [from, to], for region row {@code y}. */
  private void interpolateRow(InkMap m, int y, int from, int to) {
    float v = Math.clamp((y + 0.5f) / m.factor - 0.5f, 0f, m.height - 1f);
    int r0 = (int) v;
    int r1 = Math.min(r0 + 1, m.height - 1);
    float wy = v - r0;
    int a = r0 * m.width;
    int b = r1 * m.width;
    for (int c = from; c <= to; c++) {
      rowPaper[c] = m.background[a + c] + (m.background[b + c] - m.background[a + c]) * wy;
      rowEnvelope[c] = m.envelope[a + c] + (m.envelope[b + c] - m.envelope[a + c]) * wy;
    }
  }

  private void include(int x, int y, float r) {
    boxLeft = Math.min(boxLeft, x);
    boxTop = Math.min(boxTop, y);
    boxRight = Math.max(boxRight, x);
    boxBottom = Math.max(boxBottom, y);
    strongest = Math.max(strongest, r);
  }

  /** Moves the ink box to the start of {@link #values}, row-major, scaled so its strongest is 1. */
  private void compact(int stride, int w, int h) {
    float scale = 1f / strongest;
    for (int y = 0; y < h; y++) {
      int from = (boxTop + y) * stride + boxLeft;
      int to = y * w;
      for (int x = 0; x < w; x++) {
        values[to + x] = values[from + x] * scale;
      }
    }
  }
}
