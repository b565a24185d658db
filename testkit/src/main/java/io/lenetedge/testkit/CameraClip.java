package io.lenetedge.testkit;

import io.lenetedge.common.IdxImages;
import io.lenetedge.image.GrayImage;
import java.util.SplittableRandom;

/**
 * A synthetic hand-held camera clip: MNIST test digits written as dark ink on unevenly lit paper
 * (a lighting gradient, dark corners, a soft shadow band), slightly blurred, with sensor noise and
 * jitter in position, size and angle; every {@code blankEvery}-th frame is blank paper.
 */
public final class CameraClip {
  private final IdxImages digits;
  private final int width;
  private final int height;
  private final int blankEvery;
  private final SplittableRandom rng;

  public CameraClip(IdxImages digits, int width, int height, int blankEvery, long seed) {
    this.digits = digits;
    this.width = width;
    this.height = height;
    this.blankEvery = blankEvery;
    this.rng = new SplittableRandom(seed);
  }

  /** The MNIST index frame {@code i} shows, or -1 for blank paper. */
  public int digitIndex(int i) {
    return (i + 1) % blankEvery == 0 ? -1 : i - (i + 1) / blankEvery;
  }

  public GrayImage frame(int i) {
    float[] ink = new float[width * height];
    int index = digitIndex(i);
    if (index >= 0) {
      drawDigit(index, ink);
    }
    return new GrayImage(width, height, expose(blur(ink)));
  }

  private void drawDigit(int index, float[] ink) {
    double scale = height / 28.0 * (0.3 + 0.15 * rng.nextDouble());
    double angle = Math.toRadians(rng.nextDouble() * 12 - 6);
    double cx = width / 2.0 + (rng.nextDouble() - 0.5) * width * 0.25;
    double cy = height / 2.0 + (rng.nextDouble() - 0.5) * height * 0.25;
    double cos = Math.cos(angle) / scale;
    double sin = Math.sin(angle) / scale;
    int reach = (int) (20 * scale);
    for (int y = (int) cy - reach; y < cy + reach; y++) {
      for (int x = (int) cx - reach; x < cx + reach; x++) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
          continue;
        }
        double sx = cos * (x - cx) + sin * (y - cy) + 13.5;
        double sy = -sin * (x - cx) + cos * (y - cy) + 13.5;
        ink[y * width + x] = (float) bilinear(index, sx, sy) / 255f;
      }
    }
  }

  private double bilinear(int index, double x, double y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    double fx = x - x0;
    double fy = y - y0;
    return (1 - fy) * ((1 - fx) * at(index, x0, y0) + fx * at(index, x0 + 1, y0))
        + fy * ((1 - fx) * at(index, x0, y0 + 1) + fx * at(index, x0 + 1, y0 + 1));
  }

  private int at(int index, int x, int y) {
    return x < 0 || y < 0 || x > 27 || y > 27 ? 0 : digits.pixel(index, y * 28 + x);
  }

  private float[] blur(float[] a) {
    float[] out = new float[a.length];
    for (int y = 1; y < height - 1; y++) {
      for (int x = 1; x < width - 1; x++) {
        float s = 0;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            s += a[(y + dy) * width + x + dx];
          }
        }
        out[y * width + x] = s / 9;
      }
    }
    return out;
  }

  private byte[] expose(float[] ink) {
    byte[] px = new byte[width * height];
    double shadowY = height * (0.2 + 0.6 * rng.nextDouble());
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double dx = (x - width / 2.0) / width;
        double dy = (y - height / 2.0) / height;
        double light = 225 - 70.0 * x / width - 160 * (dx * dx + dy * dy);
        double inShadow = Math.abs(y - shadowY) / (height * 0.08);
        light *= 1 - 0.2 * Math.max(0, Math.min(1, 2 - inShadow));
        double v = light * (1 - 0.8 * ink[y * width + x]) + rng.nextGaussian() * 4;
        px[y * width + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
      }
    }
    return px;
  }
}
