package io.lenetedge.edge.image;

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
  private int[] rowSums = new int[0];

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
    byte[] p = frame.pixels();
    int stride = frame.width();
    int f = factor;
    int area = f * f;
    rowSums = MorphFilter.grow(rowSums, width);
    for (int sy = 0; sy < height; sy++) {
      Arrays.fill(rowSums, 0, width, 0);
      for (int k = 0; k < f; k++) {
        int at = (top + sy * f + k) * stride + left;
        for (int sx = 0; sx < width; sx++) {
          int s = 0;
          for (int j = 0; j < f; j++) {
            s += p[at++] & 0xFF;
          }
          rowSums[sx] += s;
        }
      }
      int o = sy * width;
      for (int sx = 0; sx < width; sx++) {
        small[o + sx] = (rowSums[sx] + area / 2) / area;
      }
    }
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
