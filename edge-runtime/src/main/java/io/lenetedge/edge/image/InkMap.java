package io.lenetedge.edge.image;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The ink signal of a region of a frame, measured on a copy of the region area-averaged by an
 * integer factor so that its longer side is about {@value #TARGET_SIDE} pixels.
 *
 * <p>The paper level is estimated locally by a grey-level closing (an opening for light ink on
 * dark) with a window wider than strokes: lighting gradients, vignetting, soft shadows and smears
 * larger than the window all stay paper. The ink signal is how far a pixel stands out from the
 * paper, in grey levels ({@link #diff}) and relative to the strongest such contrast nearby
 * ({@link #ratio}); ink is where both pass their thresholds. Keeps its buffers between calls; not
 * thread-safe.
 */
final class InkMap {
  static final int TARGET_SIDE = 180;
  /** Ink weaker than this fraction of the strongest ink nearby never counts. */
  static final float MIN_RATIO = 0.25f;
  /** The smallest half-width of the paper window, in downscaled pixels. */
  private static final int MIN_RADIUS = 7;
  /** The paper window is about this many times narrower than the region's smaller side. */
  private static final int WINDOWS_PER_SIDE = 8;
  /** Ratios are binned on [-0.5, 1.5) for Otsu's threshold. */
  private static final float BINS_PER_UNIT = 128f;
  private static final float LOWEST_RATIO = -0.5f;
  /** Pair sums of up to this many rows fit the 16-bit lanes of {@link #sumByQuads}. */
  private static final int MAX_SWAR_FACTOR = 64;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long BYTE_LANES = 0x00FF00FF00FF00FFL;
  private static final long SHORT_LANES = 0x0000FFFF0000FFFFL;

  private final MorphFilter morph = new MorphFilter();

  /** The region in the frame. */
  int left;
  int top;
  int roiWidth;
  int roiHeight;
  /** Downscaling factor; the downscaled region is {@code width x height}. */
  int factor;
  int width;
  int height;
  /** Whether the ink is darker than the paper. */
  boolean inverted;
  /** Ink has a ratio of at least this. */
  float threshold;

  int[] small = new int[0];
  private int[] hi = new int[0];
  private int[] lo = new int[0];
  /** The paper's grey level. */
  int[] background = new int[0];
  /** The strongest ink contrast nearby, at least {@link MnistStyle#MIN_CONTRAST}. */
  int[] envelope = new int[0];
  /** How far each pixel stands out from the paper towards the ink, in grey levels. */
  int[] diff = new int[0];
  float[] ratio = new float[0];
  boolean[] ink = new boolean[0];
  private final int[] diffHistogram = new int[256];
  private final int[] ratioHistogram = new int[256];
  private int[] sums = new int[0];
  private int[] columns = new int[0];
  private int[] quadSums = new int[0];
  private long[] lanes = new long[0];

  /**
   * Measures the ink of the region; false when it cannot hold a digit: flat, without local
   * contrast, structureless (ink and paper are not two classes), or without any ink.
   */
  boolean measure(GrayImage frame, int x, int y, int w, int h) {
    left = x;
    top = y;
    roiWidth = w;
    roiHeight = h;
    factor = factor(w, h);
    width = w / factor;
    height = h / factor;
    allocate(width * height);
    downscale(frame);
    if (!hasContrast()) {
      return false;
    }
    filter();
    if (!hasLocalContrast()) {
      return false;
    }
    flatten();
    return threshold();
  }

  /** The integer factor that brings the longer side near {@value #TARGET_SIDE}. */
  static int factor(int w, int h) {
    int f = Math.round((float) Math.max(w, h) / TARGET_SIDE);
    return Math.clamp(f, 1, Math.min(w, h));
  }

  int radius() {
    return Math.max(MIN_RADIUS, Math.min(width, height) / (2 * WINDOWS_PER_SIDE));
  }

  private void allocate(int n) {
    if (small.length < n) {
      small = new int[n];
      sums = new int[n];
      hi = new int[n];
      lo = new int[n];
      background = new int[n];
      envelope = new int[n];
      diff = new int[n];
      ratio = new float[n];
      ink = new boolean[n];
    }
  }

  private void downscale(GrayImage frame) {
    if (factor % 4 == 0 && factor <= MAX_SWAR_FACTOR) {
      sumByQuads(frame);
    } else {
      sumByColumns(frame);
    }
    int area = factor * factor;
    int n = width * height;
    for (int i = 0; i < n; i++) {
      small[i] = (sums[i] + area / 2) / area;
    }
  }

  /** {@link #sums} of each block by adding columns of {@code factor} rows, then across. */
  private void sumByColumns(GrayImage frame) {
    byte[] p = frame.pixels();
    int f = factor;
    int span = width * f;
    columns = MorphFilter.grow(columns, span);
    for (int sy = 0; sy < height; sy++) {
      Arrays.fill(columns, 0, span, 0);
      for (int k = 0; k < f; k++) {
        int at = (top + sy * f + k) * frame.width() + left;
        for (int x = 0; x < span; x++) {
          columns[x] += p[at + x] & 0xFF;
        }
      }
      int o = sy * width;
      for (int sx = 0; sx < width; sx++) {
        int s = 0;
        for (int j = sx * f; j < sx * f + f; j++) {
          s += columns[j];
        }
        sums[o + sx] = s;
      }
    }
  }

  /**
   * {@link #sums} of each block, 8 pixels at a time: bytes are added in pairs inside a long (four
   * 16-bit lanes), down the block's rows, then the pairs into sums of 4 pixels.
   */
  private void sumByQuads(GrayImage frame) {
    byte[] p = frame.pixels();
    int f = factor;
    int quads = width * f / 4;
    int longs = quads / 2;
    lanes = grow(lanes, longs);
    quadSums = MorphFilter.grow(quadSums, quads);
    for (int sy = 0; sy < height; sy++) {
      Arrays.fill(lanes, 0, longs, 0L);
      int lastQuad = 0;
      for (int k = 0; k < f; k++) {
        int at = (top + sy * f + k) * frame.width() + left;
        for (int j = 0; j < longs; j++) {
          long v = (long) LONGS.get(p, at + 8 * j);
          lanes[j] += (v & BYTE_LANES) + ((v >>> 8) & BYTE_LANES);
        }
        if (quads % 2 == 1) {
          int q = at + 8 * longs;
          lastQuad += (p[q] & 0xFF) + (p[q + 1] & 0xFF) + (p[q + 2] & 0xFF) + (p[q + 3] & 0xFF);
        }
      }
      for (int j = 0; j < longs; j++) {
        long pairs = lanes[j];
        long q = (pairs & SHORT_LANES) + ((pairs >>> 16) & SHORT_LANES);
        quadSums[2 * j] = (int) q;
        quadSums[2 * j + 1] = (int) (q >>> 32);
      }
      if (quads % 2 == 1) {
        quadSums[quads - 1] = lastQuad;
      }
      int per = f / 4;
      int o = sy * width;
      for (int sx = 0; sx < width; sx++) {
        int s = 0;
        for (int j = sx * per; j < sx * per + per; j++) {
          s += quadSums[j];
        }
        sums[o + sx] = s;
      }
    }
  }

  private static long[] grow(long[] a, int n) {
    return a.length >= n ? a : new long[n];
  }

  private boolean hasContrast() {
    int n = width * height;
    int min = 255;
    int max = 0;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, small[i]);
      max = Math.max(max, small[i]);
    }
    return max - min >= MnistStyle.MIN_CONTRAST;
  }

  /** Computes the local maximum and minimum, the polarity and the paper level. */
  private void filter() {
    int r = radius();
    morph.dilate(small, hi, width, height, r);
    morph.erode(small, lo, width, height, r);
    inverted = inkIsDarker();
    if (inverted) {
      morph.erode(hi, background, width, height, r);
    } else {
      morph.dilate(lo, background, width, height, r);
    }
  }

  private boolean hasLocalContrast() {
    int n = width * height;
    for (int i = 0; i < n; i++) {
      if (hi[i] - lo[i] >= MnistStyle.MIN_CONTRAST) {
        return true;
      }
    }
    return false;
  }

  /**
   * Paper covers most of any neighbourhood that holds a stroke, so where the neighbourhood has
   * contrast, most pixels lie near the paper's end of it: the ink is at the other end.
   */
  private boolean inkIsDarker() {
    int n = width * height;
    int votes = 0;
    for (int i = 0; i < n; i++) {
      if (hi[i] - lo[i] >= MnistStyle.MIN_CONTRAST) {
        votes += 2 * small[i] > hi[i] + lo[i] ? 1 : -1;
      }
    }
    return votes >= 0;
  }

  /**
   * Fills {@link #diff}, {@link #envelope} and {@link #ratio}, and histograms the ratios where there
   * is local contrast (elsewhere is plain paper). The paper estimate sits on the extreme of the
   * sensor noise, so its typical residual (the median) is taken off first.
   */
  private void flatten() {
    int n = width * height;
    Arrays.fill(diffHistogram, 0);
    for (int i = 0; i < n; i++) {
      int d = inverted ? background[i] - small[i] : small[i] - background[i];
      diff[i] = d;
      diffHistogram[d]++;
    }
    int noise = MnistStyle.median(diffHistogram);
    int shift = inverted ? -noise : noise;
    Arrays.fill(ratioHistogram, 0);
    for (int i = 0; i < n; i++) {
      int b = background[i] + shift;
      background[i] = b;
      diff[i] -= noise;
      int e = Math.max(MnistStyle.MIN_CONTRAST, inverted ? b - lo[i] : hi[i] - b);
      envelope[i] = e;
      float r = (float) diff[i] / e;
      ratio[i] = r;
      if (hi[i] - lo[i] >= MnistStyle.MIN_CONTRAST) {
        ratioHistogram[bin(r)]++;
      }
    }
  }

  /** Otsu's threshold on the ratios; false when they are not two classes or no ink passes. */
  private boolean threshold() {
    int t = MnistStyle.otsuThreshold(ratioHistogram);
    if (MnistStyle.separability(ratioHistogram, t) < MnistStyle.MIN_SEPARABILITY) {
      return false;
    }
    threshold = Math.max(MIN_RATIO, (t + 1) / BINS_PER_UNIT + LOWEST_RATIO);
    int n = width * height;
    boolean any = false;
    for (int i = 0; i < n; i++) {
      boolean k = isInk(diff[i], ratio[i]);
      ink[i] = k;
      any |= k;
    }
    return any;
  }

  boolean isInk(float d, float r) {
    return d >= MnistStyle.MIN_CONTRAST && r >= threshold;
  }

  private static int bin(float r) {
    return Math.clamp((int) Math.floor((r - LOWEST_RATIO) * BINS_PER_UNIT), 0, 255);
  }
}
