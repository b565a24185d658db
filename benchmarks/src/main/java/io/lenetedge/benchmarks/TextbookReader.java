package io.lenetedge.benchmarks;

import io.lenetedge.image.GrayImage;
import io.lenetedge.edge.read.DigitClassifier;
import io.lenetedge.image.MnistStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The textbook way to read the digits of a page, as the comparison's baseline: the lighting
 * flattened by dividing by a box-blurred copy, Otsu's threshold, 8-connected components at full
 * resolution, lines by the components' centres, each component fitted into 20x20 and centred by
 * mass in 28x28, and the same model as the runtime; no merging of broken digits and no splitting
 * of touching ones. Spaces use the runtime's rule (a gap of a digit height). Dark ink on light
 * paper, as the generated pages are.
 */
final class TextbookReader {
  /** Half the box-blur window that estimates the lighting, in pixels. */
  private static final int LIGHT_RADIUS = 31;
  private static final int MIN_AREA = 20;
  private static final int MIN_HEIGHT = 8;

  private final DigitClassifier classifier;

  TextbookReader(DigitClassifier classifier) {
    this.classifier = classifier;
  }

  /** The page's text: lines joined by newlines. */
  String read(GrayImage img) {
    int w = img.width();
    int h = img.height();
    float[] darkness = flatten(img);
    boolean[] ink = threshold(darkness);
    List<int[]> comps = components(ink, w, h);
    comps.removeIf(c -> c[4] < MIN_AREA || c[3] - c[1] + 1 < MIN_HEIGHT);
    if (comps.isEmpty()) {
      return "";
    }
    double[] heights = comps.stream().mapToDouble(c -> c[3] - c[1] + 1).sorted().toArray();
    double digitHeight = heights[heights.length / 2];
    comps.sort(Comparator.comparingDouble(c -> (c[1] + c[3]) / 2.0));
    List<List<int[]>> lines = new ArrayList<>();
    double lineY = Double.NaN;
    for (int[] c : comps) {
      double cy = (c[1] + c[3]) / 2.0;
      if (lines.isEmpty() || Math.abs(cy - lineY) > 0.5 * digitHeight) {
        lines.add(new ArrayList<>());
        lineY = cy;
      }
      List<int[]> line = lines.get(lines.size() - 1);
      line.add(c);
      lineY = line.stream().mapToDouble(k -> (k[1] + k[3]) / 2.0).average().orElse(cy);
    }
    List<float[]> inputs = new ArrayList<>();
    for (List<int[]> line : lines) {
      line.sort(Comparator.comparingInt(c -> c[0]));
      for (int[] c : line) {
        inputs.add(fit(darkness, ink, w, c));
      }
    }
    float[][] p = classifier.classify(inputs);
    StringBuilder text = new StringBuilder();
    int k = 0;
    for (List<int[]> line : lines) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      int[] previous = null;
      for (int[] c : line) {
        if (previous != null && c[0] - previous[2] - 1 >= digitHeight) {
          text.append(' ');
        }
        text.append((char) ('0' + argmax(p[k++])));
        previous = c;
      }
    }
    return text.toString();
  }

  /** 1 - pixel / local mean brightness, clamped to [0, 1]: ink is near 1, paper near 0. */
  private static float[] flatten(GrayImage img) {
    int w = img.width();
    int h = img.height();
    long[] integral = new long[(w + 1) * (h + 1)];
    byte[] px = img.pixels();
    for (int y = 0; y < h; y++) {
      long row = 0;
      for (int x = 0; x < w; x++) {
        row += px[y * w + x] & 0xFF;
        integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row;
      }
    }
    float[] out = new float[w * h];
    for (int y = 0; y < h; y++) {
      int y0 = Math.max(0, y - LIGHT_RADIUS);
      int y1 = Math.min(h, y + LIGHT_RADIUS + 1);
      for (int x = 0; x < w; x++) {
        int x0 = Math.max(0, x - LIGHT_RADIUS);
        int x1 = Math.min(w, x + LIGHT_RADIUS + 1);
        long sum = integral[y1 * (w + 1) + x1] - integral[y0 * (w + 1) + x1]
            - integral[y1 * (w + 1) + x0] + integral[y0 * (w + 1) + x0];
        double mean = (double) sum / ((x1 - x0) * (y1 - y0));
        out[y * w + x] = (float) Math.clamp(1 - (px[y * w + x] & 0xFF) / Math.max(1, mean), 0, 1);
      }
    }
    return out;
  }

  /** Otsu's threshold on the darkness (256 bins). */
  private static boolean[] threshold(float[] darkness) {
    int[] hist = new int[256];
    for (float d : darkness) {
      hist[Math.min(255, (int) (d * 255))]++;
    }
    int t = MnistStyle.otsuThreshold(hist);
    boolean[] ink = new boolean[darkness.length];
    for (int i = 0; i < ink.length; i++) {
      ink[i] = darkness[i] * 255 > t;
    }
    return ink;
  }

  /** 8-connected components: {x0, y0, x1, y1, area, label} each; labels written into a map. */
  private List<int[]> components(boolean[] ink, int w, int h) {
    labels = new int[w * h];
    List<int[]> out = new ArrayList<>();
    int[] stack = new int[1024];
    for (int i = 0; i < ink.length; i++) {
      if (!ink[i] || labels[i] != 0) {
        continue;
      }
      int label = out.size() + 1;
      int[] c = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, 0, label};
      int sp = 0;
      stack[sp++] = i;
      labels[i] = label;
      while (sp > 0) {
        int j = stack[--sp];
        int x = j % w;
        int y = j / w;
        c[0] = Math.min(c[0], x);
        c[1] = Math.min(c[1], y);
        c[2] = Math.max(c[2], x);
        c[3] = Math.max(c[3], y);
        c[4]++;
        for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
          for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
            int k = ny * w + nx;
            if (ink[k] && labels[k] == 0) {
              labels[k] = label;
              if (sp == stack.length) {
                stack = Arrays.copyOf(stack, 2 * sp);
              }
              stack[sp++] = k;
            }
          }
        }
      }
      out.add(c);
    }
    return out;
  }

  private int[] labels;

  /** The component's darkness fitted into 20x20 (area average) and centred by mass in 28x28. */
  private float[] fit(float[] darkness, boolean[] ink, int w, int[] c) {
    int bw = c[2] - c[0] + 1;
    int bh = c[3] - c[1] + 1;
    double scale = 20.0 / Math.max(bw, bh);
    int tw = Math.max(1, (int) Math.round(bw * scale));
    int th = Math.max(1, (int) Math.round(bh * scale));
    float[] small = new float[tw * th];
    float[] weight = new float[tw * th];
    if (scale > 1) {
      for (int ty = 0; ty < th; ty++) {
        for (int tx = 0; tx < tw; tx++) {
          int i = (c[1] + Math.min(bh - 1, (int) (ty / scale))) * w + c[0]
              + Math.min(bw - 1, (int) (tx / scale));
          small[ty * tw + tx] = labels[i] == c[5] ? darkness[i] : 0;
          weight[ty * tw + tx] = 1;
        }
      }
    }
    for (int y = c[1]; scale <= 1 && y <= c[3]; y++) {
      for (int x = c[0]; x <= c[2]; x++) {
        int i = y * w + x;
        int tx = Math.min(tw - 1, (int) ((x - c[0]) * scale));
        int ty = Math.min(th - 1, (int) ((y - c[1]) * scale));
        small[ty * tw + tx] += labels[i] == c[5] ? darkness[i] : 0;
        weight[ty * tw + tx]++;
      }
    }
    float max = 0;
    double mass = 0;
    double mx = 0;
    double my = 0;
    for (int y = 0; y < th; y++) {
      for (int x = 0; x < tw; x++) {
        float v = small[y * tw + x] / Math.max(1, weight[y * tw + x]);
        small[y * tw + x] = v;
        max = Math.max(max, v);
        mass += v;
        mx += v * x;
        my += v * y;
      }
    }
    int ox = Math.clamp(Math.round(14 - (mass == 0 ? tw / 2.0 : mx / mass)), 0, 28 - tw);
    int oy = Math.clamp(Math.round(14 - (mass == 0 ? th / 2.0 : my / mass)), 0, 28 - th);
    float[] out = new float[784];
    for (int y = 0; y < th; y++) {
      for (int x = 0; x < tw; x++) {
        out[(y + oy) * 28 + x + ox] = max == 0 ? 0 : small[y * tw + x] / max;
      }
    }
    return out;
  }

  private static int argmax(float[] p) {
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return best;
  }
}
