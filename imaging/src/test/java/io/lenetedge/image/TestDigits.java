package io.lenetedge.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

/** Draws anti-aliased digit-like strokes into grayscale images for the tests. */
final class TestDigits {
  /** A "7": a top bar and a diagonal, in unit coordinates of its box. */
  static final double[][] SEVEN = {{0, 0, 1, 0}, {1, 0, 0.3, 1}};
  /** A "4": a diagonal, a cross bar and an upright. */
  static final double[][] FOUR = {{0.7, 0, 0, 0.65}, {0, 0.65, 1, 0.65}, {0.7, 0, 0.7, 1}};
  /** A "1": one upright with a short flag. */
  static final double[][] ONE = {{0.5, 0, 0.5, 1}, {0.5, 0, 0, 0.25}};
  /** A "0": an ellipse touching all sides of its box. */
  static final double[][] ZERO = ring(32);

  private TestDigits() {}

  /**
   * A {@code w x h} image of {@code paper} with {@code strokes} drawn in {@code ink}, the stroke
   * edges (of width {@code stroke}) touching the sides of the box {@code (bx, by, bw, bh)}.
   */
  static GrayImage draw(
      int w, int h, int[] box, double[][] strokes, double stroke, int paper, int ink) {
    return draw(flat(w, h, paper), box, strokes, stroke, ink);
  }

  /** A copy of {@code img} with {@code strokes} drawn over it in {@code ink}, as {@link #draw}. */
  static GrayImage draw(GrayImage img, int[] box, double[][] strokes, double stroke, int ink) {
    int w = img.width();
    byte[] p = img.pixels().clone();
    double half = stroke / 2;
    double[][] mapped = new double[strokes.length][];
    for (int i = 0; i < strokes.length; i++) {
      mapped[i] = map(strokes[i], box, half);
    }
    for (int y = 0; y < img.height(); y++) {
      for (int x = 0; x < w; x++) {
        double d = Double.MAX_VALUE;
        for (double[] s : mapped) {
          d = Math.min(d, distance(x + 0.5, y + 0.5, s));
        }
        double cover = Math.clamp(half + 0.5 - d, 0, 1);
        if (cover > 0) {
          int under = p[y * w + x] & 0xFF;
          p[y * w + x] = (byte) Math.round(under + (ink - under) * cover);
        }
      }
    }
    return new GrayImage(w, img.height(), p);
  }

  static GrayImage flat(int w, int h, int level) {
    byte[] p = new byte[w * h];
    java.util.Arrays.fill(p, (byte) level);
    return new GrayImage(w, h, p);
  }

  /** A copy of {@code img} with Gaussian noise of {@code sigma} added, seeded. */
  static GrayImage noisy(GrayImage img, double sigma, long seed) {
    Random r = new Random(seed);
    byte[] p = img.pixels().clone();
    for (int i = 0; i < p.length; i++) {
      p[i] = (byte) Math.clamp(Math.round((p[i] & 0xFF) + r.nextGaussian() * sigma), 0, 255);
    }
    return new GrayImage(img.width(), img.height(), p);
  }

  /** Uniform noise between {@code lo} and {@code hi} inclusive, seeded. */
  static GrayImage noise(int w, int h, int lo, int hi, long seed) {
    Random r = new Random(seed);
    byte[] p = new byte[w * h];
    for (int i = 0; i < p.length; i++) {
      p[i] = (byte) (lo + r.nextInt(hi - lo + 1));
    }
    return new GrayImage(w, h, p);
  }

  static GrayImage inverted(GrayImage img) {
    byte[] p = img.pixels().clone();
    for (int i = 0; i < p.length; i++) {
      p[i] = (byte) (255 - (p[i] & 0xFF));
    }
    return new GrayImage(img.width(), img.height(), p);
  }

  /** A copy with a {@code size x size} square of {@code level} at (x, y). */
  static GrayImage withSquare(GrayImage img, int x, int y, int size, int level) {
    byte[] p = img.pixels().clone();
    for (int j = y; j < y + size; j++) {
      for (int i = x; i < x + size; i++) {
        p[j * img.width() + i] = (byte) level;
      }
    }
    return new GrayImage(img.width(), img.height(), p);
  }

  private static double[] map(double[] s, int[] box, double half) {
    double x0 = box[0] + half;
    double y0 = box[1] + half;
    double sx = box[2] - 2 * half;
    double sy = box[3] - 2 * half;
    return new double[] {x0 + s[0] * sx, y0 + s[1] * sy, x0 + s[2] * sx, y0 + s[3] * sy};
  }

  private static double distance(double px, double py, double[] s) {
    double dx = s[2] - s[0];
    double dy = s[3] - s[1];
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : Math.clamp(((px - s[0]) * dx + (py - s[1]) * dy) / len2, 0, 1);
    return Math.hypot(px - (s[0] + t * dx), py - (s[1] + t * dy));
  }

  private static double[][] ring(int segments) {
    double[][] r = new double[segments][];
    for (int i = 0; i < segments; i++) {
      double a0 = 2 * Math.PI * i / segments;
      double a1 = 2 * Math.PI * (i + 1) / segments;
      r[i] = new double[] {
        0.5 + 0.5 * Math.cos(a0), 0.5 + 0.5 * Math.sin(a0),
        0.5 + 0.5 * Math.cos(a1), 0.5 + 0.5 * Math.sin(a1)
      };
    }
    return r;
  }

  /** Intensity-weighted centre (x, y) of a 28x28 model input. */
  static double[] centreOfMass(float[] input) {
    double m = 0;
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < input.length; i++) {
      m += input[i];
      sx += input[i] * (i % 28);
      sy += input[i] * (i / 28);
    }
    return new double[] {sx / m, sy / m};
  }

  /** The prepared box is {x, y, w, h} within {@code tolerance} (twice that for the size). */
  static void assertBoxNear(int[] box, MnistStyle.Prepared p, int tolerance) {
    String found = p.toString();
    assertEquals(box[0], p.x(), tolerance, found);
    assertEquals(box[1], p.y(), tolerance, found);
    assertEquals(box[2], p.width(), 2 * tolerance, found);
    assertEquals(box[3], p.height(), 2 * tolerance, found);
  }
}
