package io.lenetedge.edge.source;

import io.lenetedge.image.GrayImage;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The bundled demo clip ({@code --source demo}): the digits 0 to 9 handwritten in dark ink on
 * unevenly lit paper, each held for a few frames with hand-held jitter, with blank paper between
 * them, then a few numbers ({@link #NUMBERS}: one and two lines, up to eight digits) for
 * {@code --read number}. Drawn from stroke paths at start, the same every time; no camera needed.
 */
public final class DemoSource implements FrameSource {
  public static final int WIDTH = 320;
  public static final int HEIGHT = 240;
  /** Frames each digit is held. */
  public static final int HOLD = 6;
  /** Blank frames after each digit. */
  public static final int GAP = 2;
  /** The numbers shown after the ten digits, each held like a digit. */
  public static final List<String> NUMBERS = List.of("2024", "31 07", "05221859", "42\n1337");
  /** Frames of the ten single digits, before the numbers. */
  public static final int DIGIT_FRAMES = 10 * (HOLD + GAP);
  public static final int FRAMES = DIGIT_FRAMES + NUMBERS.size() * (HOLD + GAP);

  private final SplittableRandom rng = new SplittableRandom(2024);
  private final int width;
  private final int height;
  private int index;
  private volatile boolean closed;

  private DemoSource(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /** The clip at its own size, {@value #WIDTH}x{@value #HEIGHT}. */
  public static DemoSource open() {
    return new DemoSource(WIDTH, HEIGHT);
  }

  /** The clip drawn at another size ({@code demo:WxH}), e.g. 640x480 for benchmarks. */
  public static DemoSource open(int width, int height) {
    return new DemoSource(width, height);
  }

  /** The single digit shown in frame {@code i}, or -1 for blank paper or a number. */
  public static int digitAt(long i) {
    int slot = (int) (i % (HOLD + GAP));
    return slot < HOLD && i < DIGIT_FRAMES ? (int) (i / (HOLD + GAP)) % 10 : -1;
  }

  /** What frame {@code i} shows as text ("7", "31 07", "42\n1337"), or null for blank paper. */
  public static String textAt(long i) {
    int slot = (int) (i % (HOLD + GAP));
    if (slot >= HOLD) {
      return null;
    }
    return i < DIGIT_FRAMES ? String.valueOf(digitAt(i))
        : NUMBERS.get((int) ((i - DIGIT_FRAMES) / (HOLD + GAP)));
  }

  @Override
  public Frame next() {
    if (closed || index >= FRAMES) {
      return null;
    }
    int i = index++;
    if (i >= DIGIT_FRAMES && textAt(i) != null) {
      return new Frame(i, renderNumber(textAt(i), width, height, rng));
    }
    return new Frame(i, render(digitAt(i), width, height, rng));
  }

  /** A number, its lines one under the other, each digit drawn like a lone one but smaller. */
  static GrayImage renderNumber(String text, int width, int height, SplittableRandom rng) {
    BufferedImage img = paper(width, height);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    String[] lines = text.split("\n");
    int longest = 0;
    for (String l : lines) {
      longest = Math.max(longest, l.length());
    }
    double pitch = 0.85;
    double h = Math.min(0.8 * width / (longest * pitch), 0.75 * height / (lines.length * 1.5));
    double top = height / 2.0 - (lines.length - 1) * 0.75 * h + (rng.nextDouble() * 8 - 4) * height / HEIGHT;
    g.setColor(new Color(40, 40, 40));
    for (int l = 0; l < lines.length; l++) {
      double left = width / 2.0 - lines[l].length() * pitch * h / 2 + (rng.nextDouble() * 8 - 4) * width / WIDTH;
      for (int k = 0; k < lines[l].length(); k++) {
        char c = lines[l].charAt(k);
        if (c == ' ') {
          continue;
        }
        AffineTransform t = new AffineTransform();
        t.translate(left + (k * pitch + 0.1) * h, top + l * 1.5 * h - h / 2 + rng.nextDouble() * 0.06 * h);
        t.rotate(Math.toRadians(rng.nextDouble() * 6 - 3));
        t.scale(h, h);
        Graphics2D d = (Graphics2D) g.create();
        d.setStroke(new BasicStroke((float) (0.11 + rng.nextDouble() * 0.02), BasicStroke.CAP_ROUND,
            BasicStroke.JOIN_ROUND));
        d.transform(t);
        d.draw(stroke(c - '0'));
        d.dispose();
      }
    }
    g.dispose();
    byte[] paper = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    light(paper, width, height, rng);
    return new GrayImage(width, height, paper);
  }

  private static BufferedImage paper(int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return img;
  }

  static GrayImage render(int digit, int width, int height, SplittableRandom rng) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    double unit = height / (double) HEIGHT;
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    if (digit >= 0) {
      double h = (120 + rng.nextDouble() * 10) * unit;
      AffineTransform t = new AffineTransform();
      t.translate(width / 2.0 + (rng.nextDouble() * 16 - 8) * unit,
          height / 2.0 + (rng.nextDouble() * 12 - 6) * unit);
      t.rotate(Math.toRadians(rng.nextDouble() * 8 - 4));
      t.scale(h, h);
      t.translate(-0.3, -0.5);
      g.setColor(new Color(40, 40, 40));
      g.setStroke(new BasicStroke((float) (0.11 + rng.nextDouble() * 0.02), BasicStroke.CAP_ROUND,
          BasicStroke.JOIN_ROUND));
      g.transform(t);
      g.draw(stroke(digit));
    }
    g.dispose();
    byte[] paper = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    light(paper, width, height, rng);
    return new GrayImage(width, height, paper);
  }

  /** Uneven light: brighter top-left, darker corners, a little sensor noise. */
  private static void light(byte[] px, int width, int height, SplittableRandom rng) {
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double dx = (x - width / 2.0) / width;
        double dy = (y - height / 2.0) / height;
        double light = 0.9 - 0.25 * (x + y) / (double) (width + height) - 0.6 * (dx * dx + dy * dy);
        int v = (int) Math.round((px[y * width + x] & 0xFF) * light + rng.nextGaussian() * 3);
        px[y * width + x] = (byte) Math.max(0, Math.min(255, v));
      }
    }
  }

  /** The digit's strokes in a 0.6 x 1.0 box. */
  static java.awt.Shape stroke(int digit) {
    Path2D p = new Path2D.Double();
    switch (digit) {
      case 0 -> p.append(new Ellipse2D.Double(0.05, 0.02, 0.5, 0.96), false);
      case 1 -> {
        p.moveTo(0.15, 0.2);
        p.lineTo(0.35, 0.02);
        p.lineTo(0.35, 0.98);
      }
      case 2 -> {
        p.moveTo(0.05, 0.22);
        p.curveTo(0.1, -0.05, 0.6, -0.05, 0.55, 0.3);
        p.curveTo(0.5, 0.55, 0.1, 0.8, 0.02, 0.98);
        p.lineTo(0.6, 0.98);
      }
      case 3 -> {
        p.moveTo(0.05, 0.1);
        p.curveTo(0.3, -0.05, 0.6, 0.05, 0.5, 0.28);
        p.curveTo(0.45, 0.42, 0.3, 0.47, 0.2, 0.48);
        p.curveTo(0.7, 0.5, 0.65, 0.95, 0.3, 0.98);
        p.curveTo(0.2, 0.99, 0.1, 0.95, 0.03, 0.88);
      }
      case 4 -> {
        p.moveTo(0.4, 0.02);
        p.lineTo(0.02, 0.65);
        p.lineTo(0.6, 0.65);
        p.moveTo(0.45, 0.3);
        p.lineTo(0.45, 0.98);
      }
      case 5 -> {
        p.moveTo(0.55, 0.02);
        p.lineTo(0.12, 0.02);
        p.lineTo(0.08, 0.45);
        p.curveTo(0.4, 0.32, 0.65, 0.55, 0.55, 0.78);
        p.curveTo(0.45, 1.02, 0.15, 1.0, 0.02, 0.88);
      }
      case 6 -> {
        p.moveTo(0.5, 0.04);
        p.curveTo(0.2, 0.1, 0.02, 0.45, 0.05, 0.7);
        p.curveTo(0.08, 1.02, 0.55, 1.02, 0.55, 0.72);
        p.curveTo(0.55, 0.45, 0.15, 0.45, 0.06, 0.65);
      }
      case 7 -> {
        p.moveTo(0.02, 0.03);
        p.lineTo(0.58, 0.03);
        p.lineTo(0.22, 0.98);
      }
      case 8 -> {
        p.append(new Ellipse2D.Double(0.1, 0.02, 0.4, 0.44), false);
        p.append(new Ellipse2D.Double(0.05, 0.46, 0.5, 0.52), false);
      }
      case 9 -> {
        p.append(new Ellipse2D.Double(0.05, 0.02, 0.48, 0.44), false);
        p.moveTo(0.53, 0.24);
        p.lineTo(0.45, 0.98);
      }
      default -> throw new IllegalArgumentException("digit " + digit);
    }
    return p;
  }

  @Override
  public String describe() {
    return "demo (" + FRAMES + " frames of " + width + "x" + height + ")";
  }

  @Override
  public void close() {
    closed = true;
  }
}
