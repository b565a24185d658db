package io.lenetedge.testkit;

import io.lenetedge.common.LabeledImages;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A camera fixed on a meter: a strip of 5 to 8 digit windows whose value counts up from frame to
 * frame, each digit value written with one MNIST test glyph for the whole strip (a meter has one
 * typeface), dark on light or light on dark. Among the good frames, bad ones are injected: dark
 * (the light went out), overexposed, featureless (fogged or covered lens), a misread digit (a high
 * window shows a wrong digit, so the value jumps down or far up) and an unreadable window (blank).
 */
public final class MeterStrips {
  public static final int WIDTH = 640;
  public static final int HEIGHT = 480;

  /** What a frame of a strip shows. */
  public enum Kind {
    GOOD, DARK, OVEREXPOSED, FEATURELESS, MISREAD, UNREADABLE;

    /** Whether a reader must refuse this frame's value. */
    public boolean bad() {
      return this != GOOD;
    }
  }

  private final LabeledImages digits;
  private final long seed;

  public MeterStrips(LabeledImages digits, long seed) {
    this.digits = digits;
    this.seed = seed;
  }

  /** Strip {@code i} with {@code frames} frames, one every {@code frameMillis}. */
  public Strip strip(int i, int frames, long frameMillis) {
    SplittableRandom rng = new SplittableRandom(seed * 0xC2B2AE3D27D4EB4FL + i);
    int count = 5 + rng.nextInt(4);
    int wh = 64 + rng.nextInt(24);
    int ww = (int) Math.round(wh * (0.72 + rng.nextDouble() * 0.1));
    int gap = 6 + rng.nextInt(8);
    int total = count * ww + (count - 1) * gap;
    int x0 = 20 + rng.nextInt(WIDTH - total - 40);
    int y0 = 40 + rng.nextInt(HEIGHT - wh - 80);
    List<int[]> windows = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      windows.add(new int[] {x0 + k * (ww + gap), y0, ww, wh});
    }
    int[] glyph = new int[10];
    for (int d = 0; d < 10; d++) {
      glyph[d] = pick(d, rng);
    }
    boolean lightOnDark = rng.nextBoolean();
    long value = rng.nextLong((long) Math.pow(10, count - 1));
    double maxRate = 600;
    List<Frame> out = new ArrayList<>();
    for (int f = 0; f < frames; f++) {
      if (f > 0 && rng.nextDouble() < 0.6) {
        value += 1 + rng.nextInt(4);
      }
      Kind kind = f < 3 || rng.nextDouble() >= 0.2 ? Kind.GOOD
          : Kind.values()[1 + rng.nextInt(Kind.values().length - 1)];
      String shown = String.format("%0" + count + "d", value);
      out.add(new Frame(render(windows, glyph, shown, kind, lightOnDark, rng), f * frameMillis,
          shown, kind));
    }
    return new Strip(WIDTH, HEIGHT, windows, maxRate, glyph.clone(), out);
  }

  private int pick(int digit, SplittableRandom rng) {
    while (true) {
      int i = rng.nextInt(digits.size());
      if (digits.label(i) == digit) {
        return i;
      }
    }
  }

  private byte[] render(List<int[]> windows, int[] glyph, String shown, Kind kind,
      boolean lightOnDark, SplittableRandom rng) {
    InkCanvas canvas = new InkCanvas(WIDTH, HEIGHT);
    char[] written = shown.toCharArray();
    int blank = -1;
    if (kind == Kind.MISREAD) {
      int k = rng.nextInt(Math.min(3, written.length - 1));
      written[k] = (char) ('0' + (written[k] - '0' + 1 + rng.nextInt(9)) % 10);
    } else if (kind == Kind.UNREADABLE) {
      blank = rng.nextInt(written.length);
    }
    for (int k = 0; k < windows.size(); k++) {
      int[] w = windows.get(k);
      if (k == blank) {
        continue;
      }
      int index = glyph[written[k] - '0'];
      int[] ink = InkCanvas.inkBox(digits.images(), index);
      double scale = w[3] * 0.68 / 20;
      double cx = w[0] + w[2] / 2.0 + rng.nextDouble() * 3 - 1.5;
      double cy = w[1] + w[3] / 2.0 + rng.nextDouble() * 3 - 1.5;
      canvas.write(digits.images(), index, cx - (ink[0] + ink[2] + 1) / 2.0 * scale,
          cy - (ink[1] + ink[3] + 1) / 2.0 * scale, scale);
    }
    CameraLook look = new CameraLook(0, 0.6, 225, 50, rng.nextDouble() * 2 * Math.PI, -1, 0.75, 3,
        0.85f);
    byte[] px = look.photograph(canvas, rng);
    if (lightOnDark) {
      for (int i = 0; i < px.length; i++) {
        px[i] = (byte) (255 - (px[i] & 0xFF));
      }
    }
    return switch (kind) {
      case DARK -> scaled(px, 0.06, rng);
      case OVEREXPOSED -> scaled(px, 6, rng);
      case FEATURELESS -> flat(rng);
      default -> px;
    };
  }

  private static byte[] scaled(byte[] px, double gain, SplittableRandom rng) {
    byte[] out = new byte[px.length];
    for (int i = 0; i < px.length; i++) {
      double v = (px[i] & 0xFF) * gain + rng.nextGaussian() * 1.5;
      out[i] = (byte) Math.clamp(Math.round(v), 0, 255);
    }
    return out;
  }

  private static byte[] flat(SplittableRandom rng) {
    byte[] out = new byte[WIDTH * HEIGHT];
    int level = 90 + rng.nextInt(100);
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Math.clamp(Math.round(level + rng.nextGaussian() * 3), 0, 255);
    }
    return out;
  }

  /**
   * A strip of frames.
   *
   * @param width frame width
   * @param height frame height
   * @param windows each digit window {x, y, w, h}, most significant first
   * @param maxRatePerMinute the most the value rises per minute
   * @param glyphs the index of the MNIST test digit written for each digit value 0-9
   * @param frames the frames in order
   */
  public record Strip(int width, int height, List<int[]> windows, double maxRatePerMinute,
      int[] glyphs, List<Frame> frames) {
    /** The windows as {@code --digits} takes them. */
    public String digitsSpec() {
      StringBuilder sb = new StringBuilder();
      for (int[] w : windows) {
        if (!sb.isEmpty()) {
          sb.append(';');
        }
        sb.append(w[0]).append(',').append(w[1]).append(',').append(w[2]).append(',').append(w[3]);
      }
      return sb.toString();
    }
  }

  /**
   * One frame.
   *
   * @param pixels 8-bit grey, row-major
   * @param timeMillis when it was taken, from the strip's start
   * @param shown the value the meter shows (all windows' digits)
   * @param kind good, or what is wrong with it
   */
  public record Frame(byte[] pixels, long timeMillis, String shown, Kind kind) {}
}
