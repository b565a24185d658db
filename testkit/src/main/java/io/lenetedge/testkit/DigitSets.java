package io.lenetedge.testkit;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.image.FontDigits;
import io.lenetedge.image.GrayImage;
import java.awt.Font;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * Pictures of single digits for {@code eval --images}: MNIST test digits enlarged as a tight crop
 * or a high-resolution scan gives them, digits of held-out fonts as a camera or scanner sees them,
 * and the UCI optdigits test set drawn back from its 8x8 counts. Pure: numbers in, pixels out.
 */
public final class DigitSets {
  private DigitSets() {}

  /** How a digit is enlarged. */
  public enum Filter {
    BILINEAR(AffineTransformOp.TYPE_BILINEAR), BICUBIC(AffineTransformOp.TYPE_BICUBIC);

    final int op;

    Filter(int op) {
      this.op = op;
    }
  }

  /**
   * MNIST image {@code i} enlarged {@code scale} times with {@code filter}, dark ink on light paper
   * or as it is (light on dark), blurred by {@code blur} times the scale (0 for sharp).
   */
  public static GrayImage scaled(LabeledImages digits, int i, int scale, Filter filter,
      boolean darkOnLight, double blur) {
    BufferedImage small = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
    System.arraycopy(digits.images().pixels(), i * 784, data(small), 0, 784);
    byte[] px;
    int side = 28 * scale;
    if (scale == 1) {
      px = data(small).clone();
    } else {
      BufferedImage big = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
      var op = new AffineTransformOp(java.awt.geom.AffineTransform.getScaleInstance(scale, scale),
          filter.op);
      op.filter(small, big);
      px = data(big);
    }
    float[] f = new float[px.length];
    for (int k = 0; k < px.length; k++) {
      f[k] = (px[k] & 0xFF) / 255f;
    }
    if (blur > 0) {
      f = CameraLook.blur(f, side, side, blur * scale);
    }
    byte[] out = new byte[px.length];
    for (int k = 0; k < f.length; k++) {
      int v = Math.round(Math.clamp(f[k], 0, 1) * 255);
      out[k] = (byte) (darkOnLight ? 255 - v : v);
    }
    return new GrayImage(side, side, out);
  }

  /**
   * Digit {@code digit} of {@code font} as a camera or scanner gives it: 28 to 200 pixels high,
   * turned up to 5 degrees, slanted up to 0.15, a little bolder or lighter, a little blurred, on
   * paper with a light gradient and noise.
   */
  public static GrayImage font(Font font, int digit, SplittableRandom rng) {
    FontDigits.Style style = new FontDigits.Style(28 + rng.nextInt(173),
        (rng.nextDouble() * 2 - 1) * 5, (rng.nextDouble() * 2 - 1) * 0.15,
        -0.01 + rng.nextDouble() * 0.04);
    GrayImage clean = FontDigits.render(font, digit, style);
    int w = clean.width();
    int h = clean.height();
    float[] ink = new float[w * h];
    for (int k = 0; k < ink.length; k++) {
      ink[k] = 1 - (clean.pixels()[k] & 0xFF) / 255f;
    }
    ink = CameraLook.blur(ink, w, h, 0.3 + rng.nextDouble() * 0.02 * style.height());
    double light = 200 + rng.nextDouble() * 45;
    double slope = (rng.nextDouble() * 2 - 1) * 40;
    byte[] out = new byte[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double paper = light + slope * (x / (double) w - 0.5);
        double v = paper * (1 - 0.8 * ink[y * w + x]) + rng.nextGaussian() * 3;
        out[y * w + x] = (byte) Math.clamp(Math.round(v), 0, 255);
      }
    }
    return new GrayImage(w, h, out);
  }

  /** The UCI optdigits rows of Debian's {@code digits.csv.gz}: 64 counts (0-16) and the label. */
  public static List<int[]> optdigits(Path csvGz) {
    List<int[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(csvGz)), StandardCharsets.US_ASCII))) {
      for (String line; (line = r.readLine()) != null; ) {
        rows.add(Arrays.stream(line.split(",")).mapToInt(s -> (int) Double.parseDouble(s)).toArray());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + csvGz, e);
    }
    return rows;
  }

  /** One optdigits sample drawn back: bilinear from its 8x8 counts, 64x64 dark ink on a 160x160 page. */
  public static GrayImage optdigit(int[] row) {
    int size = 64;
    int page = 160;
    byte[] px = new byte[page * page];
    Arrays.fill(px, (byte) 235);
    int margin = (page - size) / 2;
    for (int y = 0; y < size; y++) {
      double fy = Math.clamp((y + 0.5) * 8 / size - 0.5, 0, 7);
      int y0 = (int) fy;
      int y1 = Math.min(7, y0 + 1);
      double wy = fy - y0;
      for (int x = 0; x < size; x++) {
        double fx = Math.clamp((x + 0.5) * 8 / size - 0.5, 0, 7);
        int x0 = (int) fx;
        int x1 = Math.min(7, x0 + 1);
        double wx = fx - x0;
        double v = (row[y0 * 8 + x0] * (1 - wx) + row[y0 * 8 + x1] * wx) * (1 - wy)
            + (row[y1 * 8 + x0] * (1 - wx) + row[y1 * 8 + x1] * wx) * wy;
        px[(y + margin) * page + x + margin] = (byte) Math.round(235 - v / 16 * 200);
      }
    }
    return new GrayImage(page, page, px);
  }

  private static byte[] data(BufferedImage img) {
    return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
  }

  static {
    System.setProperty("java.awt.headless", "true");
  }
}
