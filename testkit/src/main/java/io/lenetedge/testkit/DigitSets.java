package io.lenetedge.testkit;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.image.BlockScan;
import io.lenetedge.image.Enlargement;
import io.lenetedge.image.FontDigits;
import io.lenetedge.image.GaussianBlur;
import io.lenetedge.image.GrayImage;
import io.lenetedge.image.MnistStyle;
import java.awt.Font;
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
 * the UCI optdigits test set drawn back from its 8x8 counts, and MNIST test digits scanned as
 * optdigits was. Pure: numbers in, pixels out.
 */
public final class DigitSets {
  private DigitSets() {}

  /** A pen unlike MNIST's. */
  public enum Pen {
    /** A ball pen in a high-resolution scan: a 5-pixel line on a 224-pixel digit. */
    THIN,
    /** A marker: MNIST's stroke grown by 16 pixels on each side at 224 pixels. */
    THICK
  }

  /**
   * MNIST image {@code i} at eight times its size (224 pixels, bilinear) drawn again with {@code
   * pen}: its skeleton (Zhang-Suen thinning of the ink) traced with a round 5-pixel nib, or its ink
   * grown; softened by a Gaussian of 1 pixel, dark on light.
   */
  public static GrayImage pen(LabeledImages digits, int i, Pen pen) {
    GrayImage big = scaled(digits, i, 8, Enlargement.Filter.BILINEAR, false, 0);
    int side = big.width();
    boolean[] ink = new boolean[side * side];
    for (int k = 0; k < ink.length; k++) {
      ink[k] = (big.pixels()[k] & 0xFF) > 127;
    }
    boolean[] drawn = pen == Pen.THIN ? grown(skeleton(ink, side), side, 2.5) : grown(ink, side, 16);
    float[] f = new float[ink.length];
    for (int k = 0; k < f.length; k++) {
      f[k] = drawn[k] ? 1f : 0f;
    }
    f = GaussianBlur.apply(f, side, side, 1.0);
    byte[] out = new byte[f.length];
    for (int k = 0; k < f.length; k++) {
      out[k] = (byte) (255 - Math.round(Math.clamp(f[k], 0, 1) * 255));
    }
    return new GrayImage(side, side, out);
  }

  /** Every pixel within {@code radius} of a set one. */
  static boolean[] grown(boolean[] set, int side, double radius) {
    int r = (int) Math.ceil(radius);
    boolean[] out = new boolean[set.length];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        if (!set[y * side + x]) {
          continue;
        }
        for (int dy = -r; dy <= r; dy++) {
          for (int dx = -r; dx <= r; dx++) {
            int nx = x + dx;
            int ny = y + dy;
            if (nx >= 0 && ny >= 0 && nx < side && ny < side && dx * dx + dy * dy <= radius * radius) {
              out[ny * side + nx] = true;
            }
          }
        }
      }
    }
    return out;
  }

  /** Zhang-Suen thinning (1984): the one-pixel skeleton of the set pixels. */
  static boolean[] skeleton(boolean[] set, int side) {
    boolean[] s = set.clone();
    java.util.List<Integer> remove = new java.util.ArrayList<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int pass = 0; pass < 2; pass++) {
        remove.clear();
        for (int y = 1; y < side - 1; y++) {
          for (int x = 1; x < side - 1; x++) {
            int i = y * side + x;
            if (!s[i]) {
              continue;
            }
            boolean[] n = {s[i - side], s[i - side + 1], s[i + 1], s[i + side + 1], s[i + side],
                s[i + side - 1], s[i - 1], s[i - side - 1]};
            int count = 0;
            int rises = 0;
            for (int k = 0; k < 8; k++) {
              count += n[k] ? 1 : 0;
              rises += !n[k] && n[(k + 1) % 8] ? 1 : 0;
            }
            boolean first = pass == 0 ? !(n[0] && n[2] && n[4]) && !(n[2] && n[4] && n[6])
                : !(n[0] && n[2] && n[6]) && !(n[0] && n[4] && n[6]);
            if (count >= 2 && count <= 6 && rises == 1 && first) {
              remove.add(i);
            }
          }
        }
        for (int i : remove) {
          s[i] = false;
        }
        changed |= !remove.isEmpty();
      }
    }
    return s;
  }

  /**
   * MNIST image {@code i} enlarged {@code scale} times with {@code filter}, dark ink on light paper
   * or as it is (light on dark), blurred by {@code blur} times the scale (0 for sharp).
   */
  public static GrayImage scaled(LabeledImages digits, int i, int scale,
      Enlargement.Filter filter, boolean darkOnLight, double blur) {
    float[] digit = new float[MnistStyle.SIZE * MnistStyle.SIZE];
    digits.images().copyScaled(i, digit, 0);
    return Enlargement.of(digit, 0, scale, filter, darkOnLight, blur);
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
    ink = GaussianBlur.apply(ink, w, h, 0.3 + rng.nextDouble() * 0.02 * style.height());
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
    return BlockScan.page(Arrays.copyOf(row, 64), 8);
  }

  /**
   * MNIST image {@code i} scanned as optdigits was ({@link BlockScan}: its bitmap in 8x8 blocks of
   * 4x4 pixels, counted) and drawn back as {@link #optdigit} draws optdigits' rows.
   */
  public static GrayImage scanned(LabeledImages digits, int i) {
    float[] digit = new float[MnistStyle.SIZE * MnistStyle.SIZE];
    digits.images().copyScaled(i, digit, 0);
    return BlockScan.page(BlockScan.counts(digit, 0, 8), 8);
  }
}
