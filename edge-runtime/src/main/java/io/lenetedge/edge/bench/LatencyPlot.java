package io.lenetedge.edge.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The latency distribution of each benchmark row as a percentile plot (latency against
 * percentile, both on log scales, the tail to the right), drawn with Java2D into a PNG.
 */
public final class LatencyPlot {
  private static final int W = 1000;
  private static final int H = 600;
  private static final int LEFT = 80;
  private static final int RIGHT = 260;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;
  private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e),
      new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b),
      new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

  /** A bare ONNX Runtime row: dashed, in the colour of the runtime row it follows. */
  private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT,
      BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);

  private LatencyPlot() {}

  public static void write(List<BenchRow> rows, String title, Path png) {
    List<BenchRow> ran = rows.stream().filter(BenchRow::ran).toList();
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    double minUs = ran.stream().mapToDouble(r -> r.stats().curve()[0]).min().orElse(1);
    double maxUs = ran.stream().mapToDouble(r -> r.stats().max()).max().orElse(10);
    double lo = Math.floor(Math.log10(Math.max(0.1, minUs)));
    double hi = Math.ceil(Math.log10(Math.max(maxUs, minUs * 10)));
    axes(g, title, lo, hi);
    int colour = -1;
    for (int k = 0; k < ran.size(); k++) {
      BenchRow r = ran.get(k);
      boolean bare = r.provider().equals("bare-ort");
      colour += bare && k > 0 ? 0 : 1;
      g.setColor(COLORS[colour % COLORS.length]);
      g.setStroke(bare ? DASHED : new BasicStroke(2f));
      double[] curve = r.stats().curve();
      int px = -1;
      int py = -1;
      for (int i = 0; i < curve.length; i++) {
        int x = xOf(LatencyStats.CURVE_PERCENTILES[i]);
        int y = yOf(Math.log10(Math.max(curve[i], Math.pow(10, lo))), lo, hi);
        if (px >= 0) {
          g.drawLine(px, py, x, y);
        }
        g.fillOval(x - 3, y - 3, 6, 6);
        px = x;
        py = y;
      }
      int ly = TOP + 20 + 20 * k;
      g.drawLine(W - RIGHT + 10, ly - 4, W - RIGHT + 34, ly - 4);
      g.drawString(String.format("%s, %d thr, batch %d", r.provider(), r.threads(), r.batch()),
          W - RIGHT + 40, ly);
    }
    g.dispose();
    try {
      ImageIO.write(img, "png", png.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + png, e);
    }
  }

  private static void axes(Graphics2D g, String title, double lo, double hi) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, LEFT, 30);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
    for (double e = lo; e <= hi; e++) {
      int y = yOf(e, lo, hi);
      g.setColor(new Color(0xdddddd));
      g.drawLine(LEFT + 1, y, W - RIGHT - 1, y);
      g.setColor(Color.BLACK);
      g.drawString(formatMicros(Math.pow(10, e)), 10, y + 4);
    }
    for (double p : new double[] {0, 50, 90, 99, 99.9, 99.99}) {
      int x = xOf(p);
      g.setColor(new Color(0xdddddd));
      g.drawLine(x, TOP + 1, x, H - BOTTOM - 1);
      g.setColor(Color.BLACK);
      g.drawString((p == Math.floor(p) ? String.valueOf((int) p) : String.valueOf(p)) + "%", x - 12,
          H - BOTTOM + 18);
    }
    g.drawString("percentile", (W - RIGHT + LEFT) / 2 - 30, H - 15);
    g.drawString("latency", 10, TOP - 8);
  }

  private static String formatMicros(double us) {
    return us >= 1000 ? String.format("%.0f ms", us / 1000) : String.format("%.0f µs", us);
  }

  /** Percentile to x: log scale of 1 / (1 - p), 0 % at the left, 99.99 % (and max) at the right. */
  private static int xOf(double percentile) {
    double p = Math.min(percentile, 99.99) / 100;
    double v = Math.log10(1 / (1 - p));
    return LEFT + (int) Math.round(v / 4.0 * (W - LEFT - RIGHT));
  }

  private static int yOf(double log10, double lo, double hi) {
    return H - BOTTOM - (int) Math.round((log10 - lo) / (hi - lo) * (H - TOP - BOTTOM));
  }
}
