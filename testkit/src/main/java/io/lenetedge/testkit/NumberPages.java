package io.lenetedge.testkit;

import io.lenetedge.common.LabeledImages;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Camera-like 640x480 pages of handwritten numbers made from MNIST test digits: 1 to 3 lines of 3
 * to 8 digits, sometimes with a space (a gap of more than a digit) inside a line; digits from
 * overlapping their neighbour by a few pixels to widely spaced, of uneven size and baseline; the
 * page turned by up to 3 degrees, blurred, unevenly lit, noisy and often JPEG-compressed. Page
 * {@code i} of a seed is always the same page.
 */
public final class NumberPages {
  public static final int WIDTH = 640;
  public static final int HEIGHT = 480;

  private final LabeledImages digits;
  private final long seed;
  private final double maxAngle;

  /** Pages from {@code digits} (the MNIST test split), drawn from {@code seed}. */
  public NumberPages(LabeledImages digits, long seed) {
    this(digits, seed, 3);
  }

  NumberPages(LabeledImages digits, long seed, double maxAngle) {
    this.digits = digits;
    this.seed = seed;
    this.maxAngle = maxAngle;
  }

  /** Page {@code i}. */
  public Page page(int i) {
    SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    int lineCount = 1 + rng.nextInt(3);
    List<int[]> lines = new ArrayList<>();
    List<Integer> spaces = new ArrayList<>();
    double units = 0;
    for (int l = 0; l < lineCount; l++) {
      int n = 3 + rng.nextInt(6);
      lines.add(rng.ints(n, 0, digits.size()).toArray());
      int space = n >= 4 && rng.nextDouble() < 0.3 ? 2 + rng.nextInt(n - 3) : -1;
      spaces.add(space);
      units = Math.max(units, n * 0.95 + (space > 0 ? 1.6 : 0));
    }
    double pitch = 1.3 + rng.nextDouble() * 0.6;
    double fit = Math.min(0.88 * WIDTH / units, 0.85 * HEIGHT / (1 + (lineCount - 1) * pitch) / 1.15);
    double height = Math.min(fit, 32 + rng.nextDouble() * (Math.min(80, fit) - 32));
    return compose(lines, spaces, height, pitch, rng);
  }

  private Page compose(List<int[]> lines, List<Integer> spaces, double h, double pitch,
      SplittableRandom rng) {
    List<List<double[]>> placed = new ArrayList<>();
    double widest = 0;
    for (int l = 0; l < lines.size(); l++) {
      List<double[]> row = layoutLine(lines.get(l), spaces.get(l), h, rng);
      placed.add(row);
      double[] last = row.get(row.size() - 1);
      widest = Math.max(widest, last[1] + last[3]);
    }
    double blockHeight = h * (1 + (lines.size() - 1) * pitch);
    double left = (WIDTH - widest) * (0.2 + 0.6 * rng.nextDouble());
    double top = (HEIGHT - blockHeight) * (0.2 + 0.6 * rng.nextDouble()) + h / 2;
    InkCanvas canvas = new InkCanvas(WIDTH, HEIGHT);
    CameraLook look = CameraLook.random(rng, HEIGHT, maxAngle);
    StringBuilder text = new StringBuilder();
    List<int[]> boxes = new ArrayList<>();
    List<Integer> sources = new ArrayList<>();
    for (int l = 0; l < placed.size(); l++) {
      double indent = rng.nextDouble() * (widest - lineWidth(placed.get(l)));
      double centre = top + l * pitch * h;
      if (l > 0) {
        text.append('\n');
      }
      for (double[] d : placed.get(l)) {
        int index = (int) d[0];
        double scale = d[4];
        int[] ink = InkCanvas.inkBox(digits.images(), index);
        double x = left + indent + d[1];
        double y = centre + d[2];
        canvas.write(digits.images(), index, x - ink[0] * scale, y - (ink[1] + ink[3] + 1) / 2.0 * scale,
            scale);
        if (d[5] > 0) {
          text.append(' ');
        }
        text.append(digits.label(index));
        sources.add(index);
        double inkHeight = (ink[3] - ink[1] + 1) * scale;
        boxes.add(turned(look, x, y - inkHeight / 2, d[3], inkHeight));
      }
    }
    return new Page(WIDTH, HEIGHT, look.photograph(canvas, rng), text.toString(), boxes, sources);
  }

  /** Each digit as {index, x, dy, width, scale, spaceBefore} relative to the line's start and centre. */
  private List<double[]> layoutLine(int[] indexes, int space, double h, SplittableRandom rng) {
    List<double[]> row = new ArrayList<>();
    double cursor = 0;
    for (int k = 0; k < indexes.length; k++) {
      boolean spaced = k == space;
      if (k > 0) {
        cursor += (spaced ? 1.25 + rng.nextDouble() * 0.55 : -0.08 + rng.nextDouble() * 0.53) * h;
      }
      int[] ink = InkCanvas.inkBox(digits.images(), indexes[k]);
      double scale = h / 20 * (0.92 + rng.nextDouble() * 0.16);
      double width = (ink[2] - ink[0] + 1) * scale;
      double dy = (rng.nextDouble() * 2 - 1) * 0.07 * h;
      row.add(new double[] {indexes[k], cursor, dy, width, scale, spaced ? 1 : 0});
      cursor += width;
    }
    return row;
  }

  private static double lineWidth(List<double[]> row) {
    double[] last = row.get(row.size() - 1);
    return last[1] + last[3];
  }

  /** The box {x, y, w, h} of a page rectangle after the camera turned the page. */
  private static int[] turned(CameraLook look, double x, double y, double w, double h) {
    double a = Math.toRadians(look.angleDegrees());
    double cos = Math.cos(a);
    double sin = Math.sin(a);
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (double[] c : new double[][] {{x, y}, {x + w, y}, {x, y + h}, {x + w, y + h}}) {
      double dx = c[0] - WIDTH / 2.0;
      double dy = c[1] - HEIGHT / 2.0;
      double tx = cos * dx - sin * dy + WIDTH / 2.0;
      double ty = sin * dx + cos * dy + HEIGHT / 2.0;
      minX = Math.min(minX, tx);
      minY = Math.min(minY, ty);
      maxX = Math.max(maxX, tx);
      maxY = Math.max(maxY, ty);
    }
    return new int[] {(int) Math.floor(minX), (int) Math.floor(minY),
        (int) Math.ceil(maxX - minX), (int) Math.ceil(maxY - minY)};
  }

  /**
   * A generated page.
   *
   * @param width frame width
   * @param height frame height
   * @param pixels 8-bit grey, row-major
   * @param text what is written: lines joined by a newline, a space for a wide gap
   * @param boxes each digit's box {x, y, w, h} in the frame, in reading order
   * @param sources each digit's index in the MNIST split it was taken from, in reading order
   */
  public record Page(int width, int height, byte[] pixels, String text, List<int[]> boxes,
      List<Integer> sources) {}
}
