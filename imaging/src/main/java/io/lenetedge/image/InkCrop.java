package io.lenetedge.image;

import io.lenetedge.common.ModelContract;
import io.lenetedge.image.MnistStyle.Prepared;
import java.util.Arrays;
import java.util.Optional;

/**
 * Cuts the chosen digit out of the frame at full resolution as flattened ink: each pixel's contrast
 * against the paper, over the ink envelope (both taken from the downscaled maps), so shading inside
 * the crop does not leak in. Pixels that are not ink, or not next to the digit's components, are 0.
 * Keeps its buffers between calls; not thread-safe.
 */
final class InkCrop {
  /** A context view's side, in the line's digit heights. */
  static final double VIEW_SIDE = 1.5;
  /** How strong the glyph's ink outside the piece is in its context view. */
  static final float OUTSIDE = 0.4f;

  private boolean[] near = new boolean[0];
  private float[] values = new float[0];

  private float[] rowPaper = new float[0];
  private float[] rowScale = new float[0];

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
  /** Where the cut lies in the frame, its row length, and what the last cut was measured with. */
  private int cutLeft;
  private int cutTop;
  private int stride;
  private boolean inverted;
  private double minHeight;

  /** The digit as model input, or empty when its ink is lower than a digit can be. */
  Optional<Prepared> prepare(GrayImage frame, InkMap m, InkSelection digit) {
    return cut(frame, m, digit) ? fit() : Optional.empty();
  }

  /**
   * Cuts the selection's flattened ink out of the frame; false when it holds no ink or is lower
   * than a digit can be. {@link #fit()}, {@link #fitColumns} and {@link #columnProfile} then work
   * on the cut.
   */
  boolean cut(GrayImage frame, InkMap m, InkSelection digit) {
    markNear(m, digit);
    int nearRight = Math.min(m.width - 1, digit.right() + 1);
    int nearBottom = Math.min(m.height - 1, digit.bottom() + 1);
    int f = m.factor;
    cutLeft = m.left + nearLeft * f;
    cutTop = m.top + nearTop * f;
    int x1 = nearRight == m.width - 1 ? m.left + m.roiWidth : m.left + (nearRight + 1) * f;
    int y1 = nearBottom == m.height - 1 ? m.top + m.roiHeight : m.top + (nearBottom + 1) * f;
    stride = x1 - cutLeft;
    inverted = m.inverted;
    minHeight = DigitBlobs.minDigitHeight(m.roiWidth, m.roiHeight);
    cut(frame, m, cutLeft, cutTop, x1, y1);
    return boxRight >= 0 && boxBottom - boxTop + 1 >= minHeight;
  }

  /** The whole cut as model input. */
  Optional<Prepared> fit() {
    int w = boxRight - boxLeft + 1;
    int h = boxBottom - boxTop + 1;
    float[] input =
        MnistStyle.fit(values, boxTop * stride + boxLeft, stride, w, h, 1f / strongest);
    return Optional.of(new Prepared(input, cutLeft + boxLeft, cutTop + boxTop, w, h, inverted));
  }

  /**
   * The cut's ink in frame columns [{@code fromX}, {@code toX}) as model input (one digit of a
   * touching pair or triple), scaled by the whole cut's strongest ink; empty when the columns hold
   * less ink than a digit's height.
   */
  Optional<Prepared> fitColumns(int fromX, int toX) {
    int from = Math.max(boxLeft, fromX - cutLeft);
    int to = Math.min(boxRight + 1, toX - cutLeft);
    int top = -1;
    int bottom = -1;
    int left = Integer.MAX_VALUE;
    int right = -1;
    for (int y = boxTop; y <= boxBottom; y++) {
      int o = y * stride;
      for (int x = from; x < to; x++) {
        if (values[o + x] > 0) {
          top = top < 0 ? y : top;
          bottom = y;
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
      }
    }
    if (right < 0 || bottom - top + 1 < minHeight) {
      return Optional.empty();
    }
    int w = right - left + 1;
    int h = bottom - top + 1;
    float[] input = MnistStyle.fit(values, top * stride + left, stride, w, h, 1f / strongest);
    return Optional.of(new Prepared(input, cutLeft + left, cutTop + top, w, h, inverted));
  }

  /**
   * The cut around frame columns [{@code fromX}, {@code toX}) at the line's scale, as the piece
   * verifier sees it: a square of {@link #VIEW_SIDE} digit heights (or wider, for a wide piece)
   * centred on the piece and on the cut's rows, the piece's ink at full strength and the rest of
   * the glyph's at {@link #OUTSIDE}, box-filtered to 28x28. Unlike {@link #fitColumns} it keeps
   * the piece's size against the line and shows where the cut runs.
   */
  float[] contextView(int fromX, int toX, double digitHeight) {
    double side = Math.max(VIEW_SIDE * digitHeight, 1.2 * (toX - fromX));
    double x0 = (fromX + toX) / 2.0 - cutLeft - side / 2;
    double y0 = (boxTop + boxBottom + 1) / 2.0 - side / 2;
    double step = side / ModelContract.IMAGE_SIZE;
    int from = fromX - cutLeft;
    int to = toX - cutLeft;
    float[] view = new float[ModelContract.PIXELS];
    for (int v = 0; v < ModelContract.IMAGE_SIZE; v++) {
      int ya = (int) Math.floor(y0 + v * step);
      int yb = Math.max(ya + 1, (int) Math.ceil(y0 + (v + 1) * step));
      for (int u = 0; u < ModelContract.IMAGE_SIZE; u++) {
        int xa = (int) Math.floor(x0 + u * step);
        int xb = Math.max(xa + 1, (int) Math.ceil(x0 + (u + 1) * step));
        float sum = 0;
        for (int y = Math.max(ya, boxTop); y < Math.min(yb, boxBottom + 1); y++) {
          for (int x = Math.max(xa, boxLeft); x < Math.min(xb, boxRight + 1); x++) {
            sum += (x >= from && x < to ? 1f : OUTSIDE) * values[y * stride + x];
          }
        }
        view[v * ModelContract.IMAGE_SIZE + u] =
            Math.min(1f, sum / ((yb - ya) * (xb - xa) * strongest));
      }
    }
    return view;
  }

  /** The cut's ink box in the frame: {x, y, width, height}. */
  int[] inkBox() {
    return new int[] {cutLeft + boxLeft, cutTop + boxTop, boxRight - boxLeft + 1,
        boxBottom - boxTop + 1};
  }

  /** The ink in each frame column of the cut's ink box, from its left edge. */
  float[] columnProfile() {
    float[] p = new float[boxRight - boxLeft + 1];
    for (int y = boxTop; y <= boxBottom; y++) {
      int o = y * stride;
      for (int x = boxLeft; x <= boxRight; x++) {
        p[x - boxLeft] += values[o + x];
      }
    }
    return p;
  }

  private void markNear(InkMap m, InkSelection digit) {
    nearLeft = Math.max(0, digit.left() - 1);
    nearTop = Math.max(0, digit.top() - 1);
    nearWidth = Math.min(m.width - 1, digit.right() + 1) - nearLeft + 1;
    int nearHeight = Math.min(m.height - 1, digit.bottom() + 1) - nearTop + 1;
    int n = nearWidth * nearHeight;
    if (near.length < n) {
      near = new boolean[n];
    }
    Arrays.fill(near, 0, n, false);
    for (int y = digit.top(); y <= digit.bottom(); y++) {
      for (int x = digit.left(); x <= digit.right(); x++) {
        if (digit.contains(y * m.width + x)) {
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
    if (values.length < rw * rh) {
      values = new float[rw * rh];
    }
    if (rowPaper.length < m.width) {
      rowPaper = new float[m.width];
      rowScale = new float[m.width];
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

  /**
   * One row of the region, a downscaled column (block) at a time: blocks away from the digit are
   * 0; in the others, each pixel's contrast against the block's paper, over its ink envelope.
   */
  private void cutRow(GrayImage frame, InkMap m, int x0, int frameY, int rw, int y) {
    int last = nearLeft + nearWidth - 1;
    interpolateRow(m, frameY - m.top, nearLeft, last);
    int nearRow = (Math.min(m.height - 1, (frameY - m.top) / m.factor) - nearTop) * nearWidth;
    byte[] p = frame.pixels();
    int at = frameY * frame.width() + x0;
    int o = y * rw;
    int first = -1;
    int end = -1;
    float threshold = m.threshold;
    float sign = m.inverted ? -1f : 1f;
    float best = strongest;
    for (int c = nearLeft; c <= last; c++) {
      int from = (c - nearLeft) * m.factor;
      int to = c == m.width - 1 ? rw : from + m.factor;
      if (!near[nearRow + c - nearLeft]) {
        Arrays.fill(values, o + from, o + to, 0f);
        continue;
      }
      float paper = rowPaper[c];
      float scale = rowScale[c];
      for (int k = from; k < to; k++) {
        float d = sign * ((p[at + k] & 0xFF) - paper);
        float r = d * scale;
        boolean ink = d >= MnistStyle.MIN_CONTRAST && r >= threshold;
        values[o + k] = ink ? r : 0f;
        if (ink) {
          best = Math.max(best, r);
          first = first < 0 ? k : first;
          end = k;
        }
      }
    }
    strongest = best;
    if (end >= 0) {
      boxLeft = Math.min(boxLeft, first);
      boxRight = Math.max(boxRight, end);
      boxTop = Math.min(boxTop, y);
      boxBottom = y;
    }
  }

  /**
   * Paper and inverse envelope of downscaled columns [from, to] at region row {@code y},
   * interpolated between downscaled rows (along a row, the block's own values serve).
   */
  private void interpolateRow(InkMap m, int y, int from, int to) {
    float v = Math.clamp((y + 0.5f) / m.factor - 0.5f, 0f, m.height - 1f);
    int r0 = (int) v;
    int r1 = Math.min(r0 + 1, m.height - 1);
    float wy = v - r0;
    int a = r0 * m.width;
    int b = r1 * m.width;
    for (int c = from; c <= to; c++) {
      rowPaper[c] = m.background[a + c] + (m.background[b + c] - m.background[a + c]) * wy;
      int e0 = m.envelope(c, r0);
      rowScale[c] = 1f / (e0 + (m.envelope(c, r1) - e0) * wy);
    }
  }
}
