package io.lenetedge.image;

import io.lenetedge.common.ModelContract;
import java.util.Arrays;
import java.util.Optional;

/**
 * Turns any grayscale picture of one digit into the model's input the way MNIST was prepared: a
 * white digit on black, its larger side scaled to 20 pixels and its centre of mass at (14, 14) of a
 * 28x28 field. The paper level is estimated locally, so uneven lighting, vignetting and soft
 * shadows do not count as ink. Pure and deterministic; no I/O.
 */
public final class MnistStyle {
  public static final int SIZE = ModelContract.IMAGE_SIZE;
  /** The larger side of the digit after scaling, as in MNIST. */
  public static final int BOX = 20;
  /** Ink stands out from the paper around it by at least this many grey levels. */
  static final int MIN_CONTRAST = 32;
  /**
   * Otsu's between-class over total variance of the ink signal below which ink and paper are not
   * two classes (plain noise: about 0.64 for Gaussian, 0.75 for uniform; a digit scores above 0.9).
   */
  static final double MIN_SEPARABILITY = 0.8;
  /** Ink components with fewer downscaled pixels than this are specks and ignored. */
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
   * Prepares {@code img} for the model, or returns empty when it holds no digit: a blank or
   * unevenly lit page, ink weaker than {@value #MIN_CONTRAST} grey levels, structureless noise, a
   * smear, specks, edge clutter, or a digit too small or filling the whole picture. A 28x28 image
   * is taken as it is, only inverted if it is dark ink on light paper. For many frames in a row,
   * use a {@link FramePreparer}.
   */
  public static Optional<Prepared> prepare(GrayImage img) {
    return new FramePreparer().prepare(img);
  }

  /**
   * Prepares the digit inside the region of interest {@code (x, y, width, height)} of {@code
   * frame}; the box of the result is in frame coordinates.
   *
   * @throws IllegalArgumentException if the region is empty or does not lie inside the frame
   */
  public static Optional<Prepared> prepare(GrayImage frame, int x, int y, int width, int height) {
    return new FramePreparer().prepare(frame, x, y, width, height);
  }

  /** A 28x28 image as it is, inverted if dark ink on light paper; empty when flat. */
  static Optional<Prepared> asIs(GrayImage img) {
    int[] hist = histogram(img);
    if (maxValue(hist) - minValue(hist) < MIN_CONTRAST) {
      return Optional.empty();
    }
    boolean inverted = inkIsDarker(hist);
    int threshold = otsuThreshold(inverted ? reversed(hist) : hist);
    return Optional.of(asIs(img, inverted, threshold));
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
   * Scales a crop of ink ({@code bw x bh} values from {@code offset} of {@code src}, rows {@code
   * stride} apart) so that its larger side is {@value #BOX} pixels, multiplies it by {@code gain}
   * and places it in a 28x28 field with its centre of mass at the centre. A stroke much thinner or
   * thicker than MNIST's is first brought towards MNIST's ({@link StrokeWidth}).
   */
  static float[] fit(float[] src, int offset, int stride, int bw, int bh, float gain) {
    StrokeWidth.Crop even = StrokeWidth.normalised(src, offset, stride, bw, bh, gain);
    return even == null ? fitAsIs(src, offset, stride, bw, bh, gain)
        : fitAsIs(even.values(), 0, even.width(), even.width(), even.height(), 1f);
  }

  private static float[] fitAsIs(float[] src, int offset, int stride, int bw, int bh, float gain) {
    double scale = (double) BOX / Math.max(bw, bh);
    int tw = Math.clamp(Math.round(bw * scale), 1, BOX);
    int th = Math.clamp(Math.round(bh * scale), 1, BOX);
    float[] digit = resize(src, offset, stride, bw, bh, tw, th);
    double[] com = centreOfMass(digit, tw, th);
    int ox = Math.clamp(shift(com[0]), 0, SIZE - tw);
    int oy = Math.clamp(shift(com[1]), 0, SIZE - th);
    float[] out = new float[ModelContract.PIXELS];
    for (int y = 0; y < th; y++) {
      for (int x = 0; x < tw; x++) {
        out[(y + oy) * SIZE + ox + x] = Math.min(1f, digit[y * tw + x] * gain);
      }
    }
    return out;
  }

  /**
   * The whole-pixel shift that brings {@code centre} to the field's centre. Rounding noise is
   * snapped away first so that a symmetric digit (centre at exactly .5) always shifts the same way.
   */
  private static long shift(double centre) {
    return Math.round(Math.rint((SIZE / 2.0 - centre) * 1e4) / 1e4);
  }

  /** Separable resize: area averaging along an axis that shrinks, bilinear along one that grows. */
  static float[] resize(float[] src, int offset, int stride, int sw, int sh, int dw, int dh) {
    Taps across = Taps.of(sw, dw);
    float[] rows = new float[dw * sh];
    for (int y = 0; y < sh; y++) {
      for (int x = 0; x < dw; x++) {
        rows[y * dw + x] = across.apply(src, offset + y * stride, 1, x);
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

  /** The lower median of a histogram, as a bin index. */
  static int median(int[] hist) {
    long n = 0;
    for (int c : hist) {
      n += c;
    }
    long seen = 0;
    for (int v = 0; v < hist.length; v++) {
      seen += hist[v];
      if (2 * seen >= n) {
        return v;
      }
    }
    return hist.length - 1;
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
