package io.lenetedge.benchmarks;

import io.lenetedge.common.ModelContract;
import io.lenetedge.image.FramePreparer;
import io.lenetedge.image.GrayImage;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.SplittableRandom;

/** Deterministic inputs for the benchmarks: a handwritten-looking "2" on unevenly lit paper. */
final class TestImages {
  private TestImages() {}

  /** A {@code width x height} camera-like frame: dark digit, lighting gradient, vignette, noise. */
  static GrayImage frame(int width, int height) {
    int digitHeight = height * 45 / 100;
    float[] ink = inkCoverage(width, height, width * 0.55, height * 0.5, digitHeight,
        digitHeight * 0.09f);
    SplittableRandom rng = new SplittableRandom(7);
    byte[] px = new byte[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double dx = (x - width * 0.4) / width;
        double dy = (y - height * 0.45) / height;
        double paper = 230 - 80.0 * x / width - 30.0 * y / height - 120 * (dx * dx + dy * dy);
        double v = paper * (1 - 0.7 * ink[y * width + x]) + rng.nextInt(-6, 7);
        px[y * width + x] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
      }
    }
    return new GrayImage(width, height, px);
  }

  /** The same digit as a 28x28 picture, dark on light paper with a mild gradient. */
  static GrayImage small() {
    float[] ink = inkCoverage(28, 28, 14, 14, 20, 2.2f);
    byte[] px = new byte[28 * 28];
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        double paper = 215 - 25.0 * x / 28;
        px[y * 28 + x] = (byte) (int) Math.round(paper * (1 - 0.75 * ink[y * 28 + x]));
      }
    }
    return new GrayImage(28, 28, px);
  }

  /** {@code n} copies of the frame's prepared digit: n x 784 model inputs. */
  static float[] modelInputs(int n) {
    float[] one = new FramePreparer().prepare(frame(640, 480)).orElseThrow(
        () -> new IllegalStateException("the synthetic 640x480 frame holds no digit for"
            + " FramePreparer; fix TestImages.frame")).input();
    float[] all = new float[n * ModelContract.PIXELS];
    for (int i = 0; i < n; i++) {
      System.arraycopy(one, 0, all, i * ModelContract.PIXELS, ModelContract.PIXELS);
    }
    return all;
  }

  /** Anti-aliased ink coverage in [0,1] of a "2" of {@code size} pixels centred at (cx, cy). */
  private static float[] inkCoverage(int width, int height, double cx, double cy, double size,
      float stroke) {
    Path2D.Double two = new Path2D.Double();
    two.moveTo(-0.33, -0.25);
    two.curveTo(-0.28, -0.56, 0.34, -0.56, 0.33, -0.2);
    two.curveTo(0.32, 0.05, -0.12, 0.22, -0.38, 0.5);
    two.lineTo(0.4, 0.47);
    AffineTransform at = new AffineTransform();
    at.translate(cx, cy);
    at.rotate(Math.toRadians(-6));
    at.scale(size, size);
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(at.createTransformedShape(two));
    g.dispose();
    byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    float[] cover = new float[data.length];
    for (int i = 0; i < data.length; i++) {
      cover[i] = (data[i] & 0xFF) / 255f;
    }
    return cover;
  }
}
