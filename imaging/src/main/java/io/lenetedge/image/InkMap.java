package io.lenetedge.image;

import java.util.Arrays;

/**
 * The ink signal of a region of a frame, measured on a copy of the region area-averaged by an
 * integer factor so that its longer side is about {@value #TARGET_SIDE} pixels.
 *
 * <p>The paper level is estimated locally by a grey-level closing (an opening for light ink on
 * dark) with a window wider than strokes, on a grid of 2x2 blocks, interpolated back: lighting
 * gradients, vignetting, soft shadows and smears larger than the window all stay paper. The ink
 * signal is how far a pixel stands out from the paper, in grey levels ({@link #diff}) and relative
 * to the strongest such contrast nearby ({@link #ratio}, {@link #envelope}); ink is where both pass their thresholds.
 * Keeps its buffers between calls; not thread-safe.
 */
final class InkMap {
  /** The downscaled region's longer side is about this long, in pixels. */
  static final int TARGET_SIDE = 180;
  /** Ink weaker than this fraction of the strongest ink nearby never counts. */
  static final float MIN_RATIO = 0.25f;
  /** The smallest half-width of the paper window, in downscaled pixels. */
  private static final int MIN_RADIUS = 7;
  /** The paper window is about this many times narrower than the region's smaller side. */
  static final int WINDOWS_PER_SIDE = 8;
  /**
   * Paper outvotes ink (the pixels near contrast mostly lie on the paper's side) by at least this
   * share of the votes, or the region's edge decides which side is paper.
   */
  static final double CLEAR_VOTE = 0.3;
  /** See {@link #hollow}. */
  static final double HOLLOW = 1.6;
  /** Ratios are binned on [-0.5, 1.5) for Otsu's threshold. */
  private static final float BINS_PER_UNIT = 128f;
  private static final float LOWEST_RATIO = -0.5f;

  private final AreaDownscaler downscaler = new AreaDownscaler();
  /** With sparse ink, ink stands this many paper standard deviations above the paper. */
  static final double PAPER_SIGMAS = 4.5;

  private final int targetSide;
  private final boolean sparseInk;
  private int windowsPerSide = WINDOWS_PER_SIDE;

  /** An ink map at the size one digit needs, {@value #TARGET_SIDE} pixels. */
  InkMap() {
    this(TARGET_SIDE, false);
  }

  /**
   * An ink map whose longer side is about {@code targetSide} pixels (finer for many digits). With
   * {@code sparseInk} (a page of small digits), ink and paper are not told apart by Otsu's
   * separability, which plain paper near a shadow's edge drowns when ink is a few percent of the
   * region, but by the paper's own spread: ink lies {@value #PAPER_SIGMAS} of its robust standard
   * deviations above it (and above Otsu's threshold), so plain noise, whose spread is as wide as
   * its range, holds no ink.
   */
  InkMap(int targetSide, boolean sparseInk) {
    this.targetSide = targetSide;
    this.sparseInk = sparseInk;
  }
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
  /** The paper's grey level. */
  int[] background = new int[0];
  /** How far each pixel stands out from the paper towards the ink, in grey levels. */
  int[] diff = new int[0];
  float[] ratio = new float[0];
  boolean[] ink = new boolean[0];

  /** The grid of 2x2 blocks: their extremes, the local extremes around them, the paper. */
  private int gridWidth;
  private int gridHeight;
  private int[] blockMax = new int[0];
  private int[] blockMin = new int[0];
  private int[] localMax = new int[0];
  private int[] localMin = new int[0];
  private int[] gridPaper = new int[0];
  /** Each grid row interpolated to the pixel columns (x4), row after row. */
  private int[] gridRows = new int[0];
  private int[] nearColumn = new int[0];
  private int[] farColumn = new int[0];
  private final int[] diffHistogram = new int[511];
  private final int[] ratioHistogram = new int[256];

  /**
   * Measures the ink of the region; false when it cannot hold a digit: flat, without local
   * contrast, structureless (ink and paper are not two classes), or without any ink.
   */
  boolean measure(GrayImage frame, int x, int y, int w, int h) {
    return measure(frame, x, y, w, h, factor(w, h, targetSide), WINDOWS_PER_SIDE);
  }

  /** {@link #measure(GrayImage, int, int, int, int)} at a given downscaling factor. */
  boolean measure(GrayImage frame, int x, int y, int w, int h, int factor) {
    return measure(frame, x, y, w, h, factor, WINDOWS_PER_SIDE);
  }

  /**
   * {@link #measure(GrayImage, int, int, int, int)} at a given downscaling factor, with a paper
   * window {@code windowsPerSide} times narrower than the region's smaller side.
   */
  boolean measure(GrayImage frame, int x, int y, int w, int h, int factor, int windowsPerSide) {
    this.windowsPerSide = windowsPerSide;
    left = x;
    top = y;
    roiWidth = w;
    roiHeight = h;
    this.factor = Math.clamp(factor, 1, Math.min(w, h));
    width = w / factor;
    height = h / factor;
    allocate();
    downscaler.downscale(frame, x, y, factor, width, height, small);
    if (!hasContrast()) {
      return false;
    }
    localExtremes();
    if (!hasLocalContrast()) {
      return false;
    }
    inverted = inkIsDarker();
    paper();
    flatten();
    return threshold();
  }

  /** The integer factor that brings the longer side near {@code targetSide}. */
  static int factor(int w, int h, int targetSide) {
    int f = Math.round((float) Math.max(w, h) / targetSide);
    return Math.clamp(f, 1, Math.min(w, h));
  }

  /** Whether a pixel standing out {@code d} grey levels from the paper, ratio {@code r}, is ink. */
  boolean isInk(float d, float r) {
    return d >= MnistStyle.MIN_CONTRAST && r >= threshold;
  }

  private void allocate() {
    int n = width * height;
    if (small.length < n) {
      small = new int[n];
      background = new int[n];
      diff = new int[n];
      ratio = new float[n];
      ink = new boolean[n];
    }
    gridWidth = (width + 1) / 2;
    gridHeight = (height + 1) / 2;
    int g = gridWidth * gridHeight;
    if (blockMax.length < g) {
      blockMax = new int[g];
      blockMin = new int[g];
      localMax = new int[g];
      localMin = new int[g];
      gridPaper = new int[g];
    }
    if (nearColumn.length < width) {
      nearColumn = new int[width];
      farColumn = new int[width];
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

  /** Block extremes, then their extremes over the paper window. */
  private void localExtremes() {
    for (int gy = 0; gy < gridHeight; gy++) {
      int a = 2 * gy * width;
      int b = Math.min(2 * gy + 1, height - 1) * width;
      for (int gx = 0; gx < gridWidth; gx++) {
        int x0 = 2 * gx;
        int x1 = Math.min(x0 + 1, width - 1);
        int max = Math.max(Math.max(small[a + x0], small[a + x1]),
            Math.max(small[b + x0], small[b + x1]));
        int min = Math.min(Math.min(small[a + x0], small[a + x1]),
            Math.min(small[b + x0], small[b + x1]));
        blockMax[gy * gridWidth + gx] = max;
        blockMin[gy * gridWidth + gx] = min;
      }
    }
    int r = gridRadius();
    morph.dilate(blockMax, localMax, gridWidth, gridHeight, r);
    morph.erode(blockMin, localMin, gridWidth, gridHeight, r);
  }

  /**
   * Whether the selection looks hollow: its box holds more than {@link #HOLLOW} times as many
   * pixels on the ink's side of the region's mid grey as the selection has ink. Strokes wider than
   * the paper window are taken for paper in their middle and only their edges for ink.
   */
  boolean hollow(InkSelection s) {
    int min = 255;
    int max = 0;
    for (int i = 0; i < width * height; i++) {
      min = Math.min(min, small[i]);
      max = Math.max(max, small[i]);
    }
    int mid = min + max;
    int dark = 0;
    int inkCount = 0;
    for (int y = s.top(); y <= s.bottom(); y++) {
      for (int x = s.left(); x <= s.right(); x++) {
        int i = y * width + x;
        dark += (inverted ? 2 * small[i] < mid : 2 * small[i] > mid) ? 1 : 0;
        inkCount += s.contains(i) ? 1 : 0;
      }
    }
    return dark > HOLLOW * inkCount;
  }

  /** The paper window's width, in map pixels. */
  int windowWidth() {
    return 4 * gridRadius() + 2;
  }

  /** Half the paper window, in blocks: wide enough for strokes, an eighth of the smaller side. */
  private int gridRadius() {
    return Math.max(MIN_RADIUS, Math.min(width, height) / (2 * windowsPerSide)) / 2;
  }

  private boolean hasLocalContrast() {
    int g = gridWidth * gridHeight;
    for (int i = 0; i < g; i++) {
      if (localMax[i] - localMin[i] >= MnistStyle.MIN_CONTRAST) {
        return true;
      }
    }
    return false;
  }

  /**
   * Paper covers most of any neighbourhood that holds a stroke, so where the neighbourhood has
   * contrast, most pixels lie near the paper's end of it: the ink is at the other end. A pixel of
   * each block votes.
   */
  private boolean inkIsDarker() {
    int votes = 0;
    int voters = 0;
    for (int y = 0; y < height; y += 2) {
      int row = (y >> 1) * gridWidth;
      for (int x = 0; x < width; x += 2) {
        int hi = localMax[row + (x >> 1)];
        int lo = localMin[row + (x >> 1)];
        if (hi - lo >= MnistStyle.MIN_CONTRAST) {
          votes += 2 * small[y * width + x] > hi + lo ? 1 : -1;
          voters++;
        }
      }
    }
    if (Math.abs(votes) >= CLEAR_VOTE * voters) {
      return votes >= 0;
    }
    return borderIsLight();
  }

  /**
   * Whether the region's edge is nearer its lightest level than its darkest: the paper's side when
   * the ink covers as much of the region as the paper (a marker digit filling the frame), since a
   * digit rarely covers the edge of its picture.
   */
  private boolean borderIsLight() {
    int min = 255;
    int max = 0;
    for (int i = 0; i < width * height; i++) {
      min = Math.min(min, small[i]);
      max = Math.max(max, small[i]);
    }
    int light = 0;
    int all = 0;
    for (int x = 0; x < width; x++) {
      for (int y : new int[] {0, height - 1}) {
        light += 2 * small[y * width + x] > min + max ? 1 : 0;
        all++;
      }
    }
    for (int y = 1; y < height - 1; y++) {
      for (int x : new int[] {0, width - 1}) {
        light += 2 * small[y * width + x] > min + max ? 1 : 0;
        all++;
      }
    }
    return 2 * light >= all;
  }

  /** The closing (dark ink) or opening (light ink) on the grid, interpolated to each pixel. */
  private void paper() {
    int r = gridRadius();
    if (inverted) {
      morph.erode(localMax, gridPaper, gridWidth, gridHeight, r);
    } else {
      morph.dilate(localMin, gridPaper, gridWidth, gridHeight, r);
    }
    gridRows = MorphFilter.grow(gridRows, gridHeight * width);
    for (int x = 0; x < width; x++) {
      nearColumn[x] = Math.min(x >> 1, gridWidth - 1);
      farColumn[x] = Math.clamp((x & 1) == 0 ? nearColumn[x] - 1 : nearColumn[x] + 1, 0, gridWidth - 1);
    }
    for (int j = 0; j < gridHeight; j++) {
      upsampleRow(j * gridWidth, j * width);
    }
    for (int y = 0; y < height; y++) {
      int nearRow = Math.min(y >> 1, gridHeight - 1);
      int near = nearRow * width;
      int far = Math.clamp((y & 1) == 0 ? nearRow - 1 : nearRow + 1, 0, gridHeight - 1) * width;
      int o = y * width;
      for (int x = 0; x < width; x++) {
        background[o + x] = (3 * gridRows[near + x] + gridRows[far + x] + 8) >> 4;
      }
    }
  }

  /**
   * Grid row at {@code from}, interpolated to the pixel columns and scaled by 4: a pixel lies a
   * quarter block from the centre of its own block, three quarters from its neighbour's.
   */
  private void upsampleRow(int from, int to) {
    for (int x = 0; x < width; x++) {
      gridRows[to + x] = 3 * gridPaper[from + nearColumn[x]] + gridPaper[from + farColumn[x]];
    }
  }

  /**
   * Fills {@link #diff} and {@link #ratio}, and histograms the ratios where there is local
   * contrast (elsewhere is plain paper, ratio 0). The paper estimate sits on the extreme of the
   * sensor noise, so its typical residual (the median) is taken off first.
   */
  private void flatten() {
    int noise = noiseLevel();
    int n = width * height;
    if (inverted) {
      for (int i = 0; i < n; i++) {
        background[i] -= noise;
        diff[i] = background[i] - small[i];
      }
    } else {
      for (int i = 0; i < n; i++) {
        background[i] += noise;
        diff[i] = small[i] - background[i];
      }
    }
    ratios();
  }

  /** The median residual of the paper estimate, over one pixel of each block. */
  private int noiseLevel() {
    Arrays.fill(diffHistogram, 0);
    for (int y = 0; y < height; y += 2) {
      for (int x = 0; x < width; x += 2) {
        int i = y * width + x;
        diffHistogram[(inverted ? background[i] - small[i] : small[i] - background[i]) + 255]++;
      }
    }
    return MnistStyle.median(diffHistogram) - 255;
  }

  private void ratios() {
    Arrays.fill(ratioHistogram, 0);
    for (int y = 0; y < height; y++) {
      int row = (y >> 1) * gridWidth;
      for (int x = 0; x < width; x++) {
        int i = y * width + x;
        int g = row + (x >> 1);
        float r = 0;
        if (localMax[g] - localMin[g] >= MnistStyle.MIN_CONTRAST) {
          r = (float) diff[i] / envelopeAt(i, g);
          ratioHistogram[bin(r)]++;
        }
        ratio[i] = r;
      }
    }
  }

  /**
   * The strongest ink contrast near pixel (x, y) (between the paper and the local extreme on the
   * ink's side), at least {@link MnistStyle#MIN_CONTRAST}.
   */
  int envelope(int x, int y) {
    return envelopeAt(y * width + x, (y >> 1) * gridWidth + (x >> 1));
  }

  private int envelopeAt(int i, int g) {
    int e = inverted ? background[i] - localMin[g] : localMax[g] - background[i];
    return Math.max(MnistStyle.MIN_CONTRAST, e);
  }

  /**
   * The ink threshold: Otsu's when ink and paper are two classes; else, as for sparse ink (see
   * {@link #InkMap(int, boolean)}), from the paper's own spread, which a thin digit in a large
   * frame needs (its few pixels do not make a class of their own). False when no ink passes.
   */
  private boolean threshold() {
    int t = MnistStyle.otsuThreshold(ratioHistogram);
    float otsu = (t + 1) / BINS_PER_UNIT + LOWEST_RATIO;
    if (sparseInk || MnistStyle.separability(ratioHistogram, t) < MnistStyle.MIN_SEPARABILITY) {
      threshold = (float) Math.max(MIN_RATIO, Math.max(PAPER_SIGMAS * paperSigma(), otsu));
      return markInk(true);
    }
    threshold = Math.max(MIN_RATIO, otsu);
    return markInk(false);
  }

  /**
   * The spread of plain paper's ratios, from the paper side only (ink never lies below the
   * paper): 1.4826 times the median of the negative ratios' size, a robust standard deviation.
   */
  private double paperSigma() {
    int zero = bin(0);
    long below = 0;
    for (int b = 0; b < zero; b++) {
      below += ratioHistogram[b];
    }
    long seen = 0;
    for (int b = zero - 1; b >= 0; b--) {
      seen += ratioHistogram[b];
      if (2 * seen >= below) {
        return 1.4826 * (zero - b) / BINS_PER_UNIT;
      }
    }
    return 1 / BINS_PER_UNIT;
  }

  private boolean markInk(boolean sparse) {
    int n = width * height;
    int count = 0;
    for (int i = 0; i < n; i++) {
      boolean k = isInk(diff[i], ratio[i]);
      ink[i] = k;
      count += k ? 1 : 0;
    }
    return count >= (sparse ? MnistStyle.MIN_SPECK_PIXELS : 1);
  }

  private static int bin(float r) {
    return Math.clamp((int) Math.floor((r - LOWEST_RATIO) * BINS_PER_UNIT), 0, 255);
  }
}
