package io.lenetedge.image;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * A 28x28 digit as a tight crop or a high-resolution scan gives it: enlarged a whole number of
 * times with Java2D's bilinear or bicubic filter, dark ink on light paper or light on dark, sharp
 * or out of focus. Pure: numbers in, pixels out.
 */
public final class Enlargement {
  private Enlargement() {}

  /** How a digit is enlarged. */
  public enum Filter {
    BILINEAR(AffineTransformOp.TYPE_BILINEAR), BICUBIC(AffineTransformOp.TYPE_BICUBIC);

    private final int op;

    Filter(int op) {
      this.op = op;
    }
  }

  /**
   * The 28x28 digit in [0,1], white on black, at {@code offset} of {@code digit}, enlarged {@code
   * scale} times with {@code filter}, turned to dark ink on light paper when {@code darkOnLight},
   * blurred by a Gaussian of {@code blur} times the scale (0 for sharp).
   */
  public static GrayImage of(float[] digit, int offset, int scale, Filter filter,
      boolean darkOnLight, double blur) {
    int size = MnistStyle.SIZE;
    BufferedImage small = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
    byte[] grey = data(small);
    for (int k = 0; k < grey.length; k++) {
      grey[k] = (byte) Math.round(Math.clamp(digit[offset + k], 0f, 1f) * 255);
    }
    int side = size * scale;
    byte[] px;
    if (scale == 1) {
      px = grey;
    } else {
      BufferedImage big = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
      new AffineTransformOp(AffineTransform.getScaleInstance(scale, scale), filter.op)
          .filter(small, big);
      px = data(big);
    }
    float[] f = new float[px.length];
    for (int k = 0; k < px.length; k++) {
      f[k] = (px[k] & 0xFF) / 255f;
    }
    f = GaussianBlur.apply(f, side, side, blur * scale);
    byte[] out = new byte[px.length];
    for (int k = 0; k < f.length; k++) {
      int v = Math.round(Math.clamp(f[k], 0, 1) * 255);
      out[k] = (byte) (darkOnLight ? 255 - v : v);
    }
    return new GrayImage(side, side, out);
  }

  private static byte[] data(BufferedImage img) {
    return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
  }
}
