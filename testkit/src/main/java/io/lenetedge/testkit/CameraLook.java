package io.lenetedge.testkit;

import io.lenetedge.image.GaussianBlur;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * How a phone or board camera sees a page of ink: the page turned by a small angle, optics blur,
 * uneven light (a gradient from a random side, darker corners, sometimes a soft shadow band), ink
 * darkness, sensor noise and JPEG compression. Each look is drawn from a seeded random source.
 *
 * @param angleDegrees rotation of the page about the frame's centre
 * @param blurSigma Gaussian blur of the optics, in pixels
 * @param light paper brightness at its brightest, in grey levels
 * @param falloff how much darker the far side and the corners are, in grey levels
 * @param lightAngle the direction the light falls off towards, radians
 * @param shadowY the centre row of a soft shadow band, or a negative number for none
 * @param inkDarkness the fraction of the light the ink absorbs
 * @param noiseSigma sensor noise, grey levels
 * @param jpegQuality JPEG quality in (0, 1], or 0 to keep the frame lossless
 */
public record CameraLook(double angleDegrees, double blurSigma, double light, double falloff,
    double lightAngle, double shadowY, double inkDarkness, double noiseSigma, float jpegQuality) {

  /** A random look within the ranges the number pages use. */
  static CameraLook random(SplittableRandom rng, int height, double maxAngle) {
    return new CameraLook(
        (rng.nextDouble() * 2 - 1) * maxAngle,
        0.4 + rng.nextDouble() * 0.8,
        205 + rng.nextDouble() * 40,
        40 + rng.nextDouble() * 60,
        rng.nextDouble() * 2 * Math.PI,
        rng.nextDouble() < 0.3 ? height * (0.15 + 0.7 * rng.nextDouble()) : -1,
        0.7 + rng.nextDouble() * 0.15,
        2 + rng.nextDouble() * 3,
        rng.nextDouble() < 0.7 ? (float) (0.7 + rng.nextDouble() * 0.22) : 0f);
  }

  /** The frame the camera gives of {@code page}, 8-bit grey, row-major. */
  byte[] photograph(InkCanvas page, SplittableRandom rng) {
    float[] ink = GaussianBlur.apply(rotate(page), page.width, page.height, blurSigma);
    byte[] px = expose(ink, page.width, page.height, rng);
    return jpegQuality > 0 ? jpeg(px, page.width, page.height, jpegQuality) : px;
  }

  private float[] rotate(InkCanvas page) {
    if (angleDegrees == 0) {
      return page.ink.clone();
    }
    int w = page.width;
    int h = page.height;
    double a = Math.toRadians(angleDegrees);
    double cos = Math.cos(a);
    double sin = Math.sin(a);
    float[] out = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double dx = x + 0.5 - w / 2.0;
        double dy = y + 0.5 - h / 2.0;
        double sx = cos * dx + sin * dy + w / 2.0 - 0.5;
        double sy = -sin * dx + cos * dy + h / 2.0 - 0.5;
        out[y * w + x] = sample(page.ink, w, h, sx, sy);
      }
    }
    return out;
  }

  private static float sample(float[] a, int w, int h, double x, double y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    double fx = x - x0;
    double fy = y - y0;
    return (float) ((1 - fy) * ((1 - fx) * at(a, w, h, x0, y0) + fx * at(a, w, h, x0 + 1, y0))
        + fy * ((1 - fx) * at(a, w, h, x0, y0 + 1) + fx * at(a, w, h, x0 + 1, y0 + 1)));
  }

  private static float at(float[] a, int w, int h, int x, int y) {
    return x < 0 || y < 0 || x >= w || y >= h ? 0f : a[y * w + x];
  }

  private byte[] expose(float[] ink, int w, int h, SplittableRandom rng) {
    byte[] px = new byte[w * h];
    double ux = Math.cos(lightAngle);
    double uy = Math.sin(lightAngle);
    double reach = Math.hypot(w, h) / 2;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double dx = x + 0.5 - w / 2.0;
        double dy = y + 0.5 - h / 2.0;
        double along = (dx * ux + dy * uy) / reach;
        double radial = (dx * dx + dy * dy) / (reach * reach);
        double lit = light - falloff * (0.5 * (along + 1) * 0.6 + 0.4 * radial);
        if (shadowY >= 0) {
          double in = Math.clamp(2 - Math.abs(y - shadowY) / (h * 0.06), 0, 1);
          lit *= 1 - 0.18 * in;
        }
        double v = lit * (1 - inkDarkness * ink[y * w + x]) + rng.nextGaussian() * noiseSigma;
        px[y * w + x] = (byte) Math.clamp(Math.round(v), 0, 255);
      }
    }
    return px;
  }

  /** The frame after a JPEG round trip at {@code quality}. */
  static byte[] jpeg(byte[] px, int w, int h, float quality) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    System.arraycopy(px, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData(), 0, px.length);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.setOutput(out);
      writer.write(null, new IIOImage(img, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG in memory", e);
    } finally {
      writer.dispose();
    }
    try {
      BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
      byte[] out = new byte[w * h];
      back.getRaster().getDataElements(0, 0, w, h, out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG in memory", e);
    }
  }
}
