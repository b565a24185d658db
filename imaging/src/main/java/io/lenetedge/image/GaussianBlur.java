package io.lenetedge.image;

/** A separable Gaussian blur of float pixels, edges clamped. Pure. */
public final class GaussianBlur {
  private GaussianBlur() {}

  /**
   * {@code a} ({@code w x h}, row after row) blurred by a Gaussian of {@code sigma} pixels; {@code
   * a} itself when {@code sigma <= 0}.
   */
  public static float[] apply(float[] a, int w, int h, double sigma) {
    if (sigma <= 0) {
      return a;
    }
    int r = (int) Math.ceil(3 * sigma);
    float[] k = new float[2 * r + 1];
    float sum = 0;
    for (int i = -r; i <= r; i++) {
      k[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
      sum += k[i + r];
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= sum;
    }
    float[] rows = new float[a.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float s = 0;
        for (int i = -r; i <= r; i++) {
          s += k[i + r] * a[y * w + Math.clamp(x + i, 0, w - 1)];
        }
        rows[y * w + x] = s;
      }
    }
    float[] out = new float[a.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float s = 0;
        for (int i = -r; i <= r; i++) {
          s += k[i + r] * rows[Math.clamp(y + i, 0, h - 1) * w + x];
        }
        out[y * w + x] = s;
      }
    }
    return out;
  }
}
