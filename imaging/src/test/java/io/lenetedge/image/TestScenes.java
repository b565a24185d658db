package io.lenetedge.image;

import java.util.Random;

/** Camera-like troubles for test images: uneven light, blur, smears, clutter. Pixel-wise, seeded. */
final class TestScenes {
  /** Relative light falling on pixel (x, y), 1 for full light. */
  interface Light {
    double at(int x, int y);
  }

  private TestScenes() {}

  /** {@code img} under {@code light}: each grey level scaled by the light there. */
  static GrayImage lit(GrayImage img, Light light) {
    int w = img.width();
    byte[] p = img.pixels().clone();
    for (int i = 0; i < p.length; i++) {
      p[i] = clamp((p[i] & 0xFF) * light.at(i % w, i / w));
    }
    return new GrayImage(w, img.height(), p);
  }

  /** Full light at the left edge falling linearly to {@code darkest} at the right edge. */
  static Light gradient(int w, double darkest) {
    return (x, y) -> 1 - (1 - darkest) * x / (w - 1.0);
  }

  /** Radial fall-off to {@code corner} of the light at the corners. */
  static Light vignette(int w, int h, double corner) {
    double cx = w / 2.0;
    double cy = h / 2.0;
    double r2 = cx * cx + cy * cy;
    return (x, y) -> 1 - (1 - corner) * (sq(x + 0.5 - cx) + sq(y + 0.5 - cy)) / r2;
  }

  /**
   * A horizontal shadow band from row {@code y0} to {@code y1} keeping {@code depth} of the light,
   * its edges fading over {@code soft} rows.
   */
  static Light shadowBand(int y0, int y1, int soft, double depth) {
    return (x, y) -> {
      double in = Math.min(ramp(y - y0 + soft / 2.0, soft), ramp(y1 - y + soft / 2.0, soft));
      return 1 - (1 - depth) * in;
    };
  }

  /** Gaussian blur of standard deviation {@code sigma}, edges clamped. */
  static GrayImage blurred(GrayImage img, double sigma) {
    int w = img.width();
    int h = img.height();
    int r = (int) Math.ceil(3 * sigma);
    double[] k = new double[2 * r + 1];
    double sum = 0;
    for (int i = -r; i <= r; i++) {
      k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
      sum += k[i + r];
    }
    double[] a = new double[w * h];
    double[] b = new double[w * h];
    for (int i = 0; i < a.length; i++) {
      a[i] = img.pixels()[i] & 0xFF;
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double s = 0;
        for (int i = -r; i <= r; i++) {
          s += k[i + r] * a[y * w + Math.clamp(x + i, 0, w - 1)];
        }
        b[y * w + x] = s / sum;
      }
    }
    byte[] p = new byte[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double s = 0;
        for (int i = -r; i <= r; i++) {
          s += k[i + r] * b[Math.clamp(y + i, 0, h - 1) * w + x];
        }
        p[y * w + x] = clamp(s / sum);
      }
    }
    return new GrayImage(w, h, p);
  }

  /**
   * A soft elliptic smear centred at (cx, cy) with radii (rx, ry), darkening the paper by {@code
   * depth} grey levels in its core and fading out over about {@code soft} pixels.
   */
  static GrayImage smeared(GrayImage img, int cx, int cy, int rx, int ry, int soft, int depth) {
    return smeared(img, cx, cy, rx, ry, 0, soft, depth);
  }

  /** As {@link #smeared(GrayImage, int, int, int, int, int, int)}, turned by {@code degrees}. */
  static GrayImage smeared(
      GrayImage img, int cx, int cy, int rx, int ry, double degrees, int soft, int depth) {
    int w = img.width();
    double cos = Math.cos(Math.toRadians(degrees));
    double sin = Math.sin(Math.toRadians(degrees));
    byte[] p = img.pixels().clone();
    for (int i = 0; i < p.length; i++) {
      double x = i % w + 0.5 - cx;
      double y = i / w + 0.5 - cy;
      double dx = (x * cos + y * sin) / rx;
      double dy = (y * cos - x * sin) / ry;
      double outside = (Math.sqrt(dx * dx + dy * dy) - 1) * Math.min(rx, ry);
      double cover = ramp(soft / 2.0 - outside, soft);
      p[i] = clamp((p[i] & 0xFF) - depth * cover);
    }
    return new GrayImage(w, img.height(), p);
  }

  /** A filled rectangle of {@code level}, clipped to the image. */
  static GrayImage withRect(GrayImage img, int x, int y, int rw, int rh, int level) {
    int w = img.width();
    byte[] p = img.pixels().clone();
    for (int j = Math.max(0, y); j < Math.min(img.height(), y + rh); j++) {
      for (int i = Math.max(0, x); i < Math.min(w, x + rw); i++) {
        p[j * w + i] = (byte) level;
      }
    }
    return new GrayImage(w, img.height(), p);
  }

  /** {@code count} squares of 2 to 5 pixels and {@code level}, seeded, avoiding {@code box}. */
  static GrayImage specked(GrayImage img, int[] box, int count, int level, long seed) {
    Random r = new Random(seed);
    GrayImage out = img;
    for (int placed = 0; placed < count; ) {
      int size = 2 + r.nextInt(4);
      int x = r.nextInt(img.width() - size);
      int y = r.nextInt(img.height() - size);
      boolean clear = x + size < box[0] - 8 || x > box[0] + box[2] + 8
          || y + size < box[1] - 8 || y > box[1] + box[3] + 8;
      if (clear) {
        out = TestDigits.withSquare(out, x, y, size, level);
        placed++;
      }
    }
    return out;
  }

  /** Gaussian noise of {@code sigma} around {@code mean}, seeded. */
  static GrayImage gaussianNoise(int w, int h, int mean, double sigma, long seed) {
    return TestDigits.noisy(TestDigits.flat(w, h, mean), sigma, seed);
  }

  /** 0 below 0, 1 above {@code width}, smooth in between. */
  private static double ramp(double t, double width) {
    if (width <= 0) {
      return t >= 0 ? 1 : 0;
    }
    double u = Math.clamp(t / width, 0, 1);
    return u * u * (3 - 2 * u);
  }

  private static double sq(double v) {
    return v * v;
  }

  private static byte clamp(double v) {
    return (byte) Math.clamp(Math.round(v), 0, 255);
  }
}
