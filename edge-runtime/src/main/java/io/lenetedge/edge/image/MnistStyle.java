package io.lenetedge.edge.image;

import io.lenetedge.common.ModelContract;
import java.util.Arrays;
import java.util.Optional;

/**
 * Turns any grayscale picture of one digit into the model's input the way MNIST was prepared: a
 * white digit on black, its larger side scaled to 20 pixels and its centre of mass at (14, 14) of a
 * 28x28 field. Pure and deterministic; no I/O.
 */
public final class MnistStyle {
  public static final int SIZE = ModelContract.IMAGE_SIZE;
  /** The larger side of the digit after scaling, as in MNIST. */
  public static final int BOX = 20;
  /** Images whose darkest and lightest grey differ by less than this hold no digit. */
  static final int MIN_CONTRAST = 32;
  /**
   * Otsu's between-class over total variance below which ink and paper are not two classes (plain
   * noise: about 0.64 for Gaussian, 0.75 for uniform; a digit on paper scores above 0.9).
   */
  static final double MIN_SEPARABILITY = 0.8;
  /** Ink components smaller than this, or than 0.1% of the image, are specks and ignored. */
  static final int MIN_SPECK_PIXELS = 3;
  /** Grey levels around the paper's median that count as paper texture, not ink. */
  private static final int PAPER_TOLERANCE = 16;

  private MnistStyle() {}

  /**
   * The model input and where the ink was found.
   *
   * @param input 784 values in [0, 1], row-major, white digit on black
   * @param x left of the ink's bounding box in the source image
   * @param y top of the ink's bounding box in the source image
   * @param width width of the ink's bounding box
   * @param height height of the ink's bounding box
   * @param inverted whether the source was dark ink on light paper and so was inverted
   */
  public record Prepared(float[] input, int x, int y, int width, int height, boolean inverted) {
    public Prepared {
      if (input.length != ModelContract.PIXELS) {
        throw new IllegalArgumentException(
            "input must have " + ModelContract.PIXELS + " values, got " + input.length);
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Prepared p
          && p.x == x
          && p.y == y
          && p.width == width
          && p.height == height
          && p.inverted == inverted
          && Arrays.equals(p.input, input);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(new int[] {x, y, width, height, inverted ? 1 : 0})
          + 31 * Arrays.hashCode(input);
    }

    @Override
    public String toString() {
      return "Prepared[ink " + width + "x" + height + " at (" + x + "," + y + ")"
          + (inverted ? ", inverted" : "") + "]";
    }
  }

  /**
   * Prepares {@code img} for the model, or returns empty when it holds no digit: a blank or flat
   * page, contrast below {@value #MIN_CONTRAST} grey levels, structureless noise, or only specks.
   * A 28x28 image is taken as it is, only inverted if it is dark ink on light paper.
   */
  public static Optional<Prepared> prepare(GrayImage img) {
    int[] hist = histogram(img);
    if (maxValue(hist) - minValue(hist) < MIN_CONTRAST) {
      return Optional.empty();
    }
    boolean inverted = inkIsDarker(hist);
    int[] ink = inverted ? reversed(hist) : hist;
    int threshold = otsuThreshold(ink);
    if (img.width() == SIZE && img.height() == SIZE) {
      return Optional.of(asIs(img, inverted, threshold));
    }
    if (separability(ink, threshold) < MIN_SEPARABILITY) {
      return Optional.empty();
    }
    int[] box = inkBox(img, inverted, threshold);
    if (box == null) {
      return Optional.empty();
    }
    float[] input = new float[ModelContract.PIXELS];
    render(img, inverted, threshold, median(ink), box, input);
    return Optional.of(new Prepared(input, box[0], box[1], box[2], box[3], inverted));
  }

  /**
   * Otsu's threshold of a 256-bin histogram: values above it are the upper class. Among equally
   * good thresholds the middle one is taken; a histogram with one value returns that value.
   */
  public static int otsuThreshold(int[] histogram) {
    if (histogram.length != 256) {
      throw new IllegalArgumentException("histogram needs 256 bins, got " + histogram.length);
    }
    long n = 0;
    double sum = 0;
    for (int v = 0; v < 256; v++) {
      n += histogram[v];
      sum += (double) v * histogram[v];
    }
    long w0 = 0;
    double sum0 = 0;
    double best = -1;
    int first = -1;
    int last = -1;
    for (int t = 0; t < 255; t++) {
      w0 += histogram[t];
      sum0 += (double) t * histogram[t];
      long w1 = n - w0;
      if (w0 == 0 || w1 == 0) {
        continue;
      }
      double d = sum0 / w0 - (sum - sum0) / w1;
      double between = (double) w0 * w1 * d * d;
      if (between > best) {
        best = between;
        first = t;
        last = t;
      } else if (between == best && last == t - 1) {
        last = t;
      }
    }
    return first < 0 ? maxValue(histogram) : (first + last) / 2;
  }

  /** Between-class variance at {@code t} over the total variance, in [0, 1]. */
  static double separability(int[] hist, int t) {
    double n = 0;
    double sum = 0;
    double sumSq = 0;
    double n0 = 0;
    double sum0 = 0;
    for (int v = 0; v < 256; v++) {
      n += hist[v];
      sum += (double) v * hist[v];
      sumSq += (double) v * v * hist[v];
      if (v <= t) {
        n0 += hist[v];
        sum0 += (double) v * hist[v];
      }
    }
    double mean = sum / n;
    double total = sumSq / n - mean * mean;
    if (n0 == 0 || n0 == n || total <= 0) {
      return 0;
    }
    double d = sum0 / n0 - (sum - sum0) / (n - n0);
    return (n0 / n) * ((n - n0) / n) * d * d / total;
  }

  /**
   * Whether the ink is darker than the paper. The paper is the median grey; the side of it that
   * holds more grey mass beyond the paper's texture is the ink.
   */
  static boolean inkIsDarker(int[] hist) {
    int paper = median(hist);
    long darker = 0;
    long lighter = 0;
    for (int v = 0; v < 256; v++) {
      int beyond = Math.abs(v - paper) - PAPER_TOLERANCE;
      if (beyond > 0) {
        if (v < paper) {
          darker += (long) beyond * hist[v];
        } else {
          lighter += (long) beyond * hist[v];
        }
      }
    }
    return darker > lighter;
  }

  private static Prepared asIs(GrayImage img, boolean inverted, int threshold) {
    float[] input = new float[ModelContract.PIXELS];
    byte[] p = img.pixels();
    int x0 = SIZE;
    int y0 = SIZE;
    int x1 = -1;
    int y1 = -1;
    for (int i = 0; i < p.length; i++) {
      int u = ink(p[i], inverted);
      input[i] = u / 255f;
      if (u > threshold) {
        x0 = Math.min(x0, i % SIZE);
        y0 = Math.min(y0, i / SIZE);
        x1 = Math.max(x1, i % SIZE);
        y1 = Math.max(y1, i / SIZE);
      }
    }
    return new Prepared(input, x0, y0, x1 - x0 + 1, y1 - y0 + 1, inverted);
  }

  /**
   * The bounding box {x, y, width, height} of the ink above {@code threshold}, ignoring
   * 8-connected specks; null when only specks are left.
   */
  static int[] inkBox(GrayImage img, boolean inverted, int threshold) {
    int w = img.width();
    int n = w * img.height();
    byte[] p = img.pixels();
    int minSize = Math.max(MIN_SPECK_PIXELS, n / 1000);
    boolean[] seen = new boolean[n];
    int[] stack = new int[256];
    int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
    int[] comp = new int[5];
    for (int i = 0; i < n; i++) {
      if (!seen[i] && ink(p[i], inverted) > threshold) {
        stack = flood(img, inverted, threshold, i, seen, stack, comp);
        if (comp[4] >= minSize) {
          box[0] = Math.min(box[0], comp[0]);
          box[1] = Math.min(box[1], comp[1]);
          box[2] = Math.max(box[2], comp[2]);
          box[3] = Math.max(box[3], comp[3]);
        }
      }
    }
    if (box[2] < 0) {
      return null;
    }
    return new int[] {box[0], box[1], box[2] - box[0] + 1, box[3] - box[1] + 1};
  }

  /** Fills the component at {@code start}; {@code comp} gets {x0, y0, x1, y1, size}. */
  private static int[] flood(
      GrayImage img, boolean inverted, int threshold, int start, boolean[] seen, int[] stack,
      int[] comp) {
    int w = img.width();
    int h = img.height();
    byte[] p = img.pixels();
    comp[0] = start % w;
    comp[1] = start / w;
    comp[2] = comp[0];
    comp[3] = comp[1];
    comp[4] = 0;
    int top = 0;
    stack[top++] = start;
    seen[start] = true;
    while (top > 0) {
      int i = stack[--top];
      int x = i % w;
      int y = i / w;
      comp[0] = Math.min(comp[0], x);
      comp[1] = Math.min(comp[1], y);
      comp[2] = Math.max(comp[2], x);
      comp[3] = Math.max(comp[3], y);
      comp[4]++;
      for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
        for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
          int j = ny * w + nx;
          if (!seen[j] && ink(p[j], inverted) > threshold) {
            seen[j] = true;
            if (top == stack.length) {
              stack = Arrays.copyOf(stack, stack.length * 2);
            }
            stack[top++] = j;
          }
        }
      }
    }
    return stack;
  }

  /** Crops, scales to {@value #BOX} pixels and centres the ink by its mass into {@code out}. */
  private static void render(
      GrayImage img, boolean inverted, int threshold, int paper, int[] box, float[] out) {
    int bw = box[2];
    int bh = box[3];
    float[] crop = crop(img, inverted, threshold, paper, box);
    double scale = (double) BOX / Math.max(bw, bh);
    int tw = Math.clamp(Math.round(bw * scale), 1, BOX);
    int th = Math.clamp(Math.round(bh * scale), 1, BOX);
    float[] digit = resize(crop, bw, bh, tw, th);
    double[] com = centreOfMass(digit, tw, th);
    int ox = Math.clamp(shift(com[0]), 0, SIZE - tw);
    int oy = Math.clamp(shift(com[1]), 0, SIZE - th);
    Arrays.fill(out, 0f);
    for (int y = 0; y < th; y++) {
      System.arraycopy(digit, y * tw, out, (y + oy) * SIZE + ox, tw);
    }
  }

  /**
   * The whole-pixel shift that brings {@code centre} to the field's centre. Rounding noise is
   * snapped away first so that a symmetric digit (centre at exactly .5) always shifts the same way.
   */
  private static long shift(double centre) {
    return Math.round(Math.rint((SIZE / 2.0 - centre) * 1e4) / 1e4);
  }

  /**
   * The ink inside {@code box} on [0, 1]: paper at 0, the box's strongest ink at 1, anything not
   * above the threshold (paper texture) at 0.
   */
  private static float[] crop(
      GrayImage img, boolean inverted, int threshold, int paper, int[] box) {
    int w = img.width();
    byte[] p = img.pixels();
    int bw = box[2];
    int bh = box[3];
    int strongest = threshold + 1;
    for (int y = 0; y < bh; y++) {
      for (int x = 0; x < bw; x++) {
        strongest = Math.max(strongest, ink(p[(box[1] + y) * w + box[0] + x], inverted));
      }
    }
    int base = Math.min(paper, threshold);
    float range = strongest - base;
    float[] crop = new float[bw * bh];
    for (int y = 0; y < bh; y++) {
      for (int x = 0; x < bw; x++) {
        int u = ink(p[(box[1] + y) * w + box[0] + x], inverted);
        crop[y * bw + x] = u > threshold ? Math.min(1f, (u - base) / range) : 0f;
      }
    }
    return crop;
  }

  /** Separable resize: area averaging along an axis that shrinks, bilinear along one that grows. */
  static float[] resize(float[] src, int sw, int sh, int dw, int dh) {
    Taps across = Taps.of(sw, dw);
    float[] rows = new float[dw * sh];
    for (int y = 0; y < sh; y++) {
      for (int x = 0; x < dw; x++) {
        rows[y * dw + x] = across.apply(src, y * sw, 1, x);
      }
    }
    Taps down = Taps.of(sh, dh);
    float[] dst = new float[dw * dh];
    for (int y = 0; y < dh; y++) {
      for (int x = 0; x < dw; x++) {
        dst[y * dw + x] = down.apply(rows, x, dw, y);
      }
    }
    return dst;
  }

  /** For each output sample along one axis: the first input sample and the weights from there. */
  private record Taps(int[] first, float[][] weights) {
    static Taps of(int srcLen, int dstLen) {
      int[] first = new int[dstLen];
      float[][] weights = new float[dstLen][];
      double step = (double) srcLen / dstLen;
      for (int i = 0; i < dstLen; i++) {
        if (dstLen < srcLen) {
          area(i * step, Math.min(srcLen, (i + 1) * step), i, first, weights);
        } else {
          bilinear(Math.clamp((i + 0.5) * step - 0.5, 0, srcLen - 1), srcLen, i, first, weights);
        }
      }
      return new Taps(first, weights);
    }

    private static void area(double from, double to, int i, int[] first, float[][] weights) {
      int j0 = (int) Math.floor(from);
      int j1 = Math.max(j0, (int) Math.ceil(to) - 1);
      first[i] = j0;
      weights[i] = new float[j1 - j0 + 1];
      for (int j = j0; j <= j1; j++) {
        double overlap = Math.min(to, j + 1) - Math.max(from, j);
        weights[i][j - j0] = (float) (overlap / (to - from));
      }
    }

    private static void bilinear(double pos, int srcLen, int i, int[] first, float[][] weights) {
      int j0 = Math.min((int) Math.floor(pos), srcLen - 1);
      float f = (float) (pos - j0);
      first[i] = j0;
      weights[i] = j0 + 1 < srcLen ? new float[] {1 - f, f} : new float[] {1};
    }

    float apply(float[] a, int offset, int stride, int i) {
      float[] w = weights[i];
      int at = offset + first[i] * stride;
      float s = 0;
      for (int k = 0; k < w.length; k++) {
        s += w[k] * a[at + k * stride];
      }
      return s;
    }
  }

  /** Intensity-weighted centre {x, y} in pixel-index coordinates; the middle when all is 0. */
  static double[] centreOfMass(float[] img, int w, int h) {
    double mass = 0;
    double sx = 0;
    double sy = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float v = img[y * w + x];
        mass += v;
        sx += v * x;
        sy += v * y;
      }
    }
    if (mass == 0) {
      return new double[] {(w - 1) / 2.0, (h - 1) / 2.0};
    }
    return new double[] {sx / mass, sy / mass};
  }

  private static int ink(byte pixel, boolean inverted) {
    int v = pixel & 0xFF;
    return inverted ? 255 - v : v;
  }

  static int[] histogram(GrayImage img) {
    int[] hist = new int[256];
    for (byte b : img.pixels()) {
      hist[b & 0xFF]++;
    }
    return hist;
  }

  private static int[] reversed(int[] hist) {
    int[] r = new int[256];
    for (int v = 0; v < 256; v++) {
      r[255 - v] = hist[v];
    }
    return r;
  }

  /** The lower median of a histogram. */
  static int median(int[] hist) {
    long n = 0;
    for (int c : hist) {
      n += c;
    }
    long seen = 0;
    for (int v = 0; v < 256; v++) {
      seen += hist[v];
      if (2 * seen >= n) {
        return v;
      }
    }
    return 255;
  }

  private static int minValue(int[] hist) {
    for (int v = 0; v < 256; v++) {
      if (hist[v] > 0) {
        return v;
      }
    }
    return 0;
  }

  private static int maxValue(int[] hist) {
    for (int v = 255; v >= 0; v--) {
      if (hist[v] > 0) {
        return v;
      }
    }
    return 0;
  }
}
