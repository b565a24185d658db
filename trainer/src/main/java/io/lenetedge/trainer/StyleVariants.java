package io.lenetedge.trainer;

import java.util.random.RandomGenerator;

/**
 * Ways of writing digits that MNIST's US writers rarely used, drawn onto real MNIST digits (28x28
 * in [0,1], white on black) at training time: a 7 with a crossbar through its stem, a 1 with a
 * long up-stroke (and sometimes a foot), a 9 whose stem ends in a tail curving left, and a 4 whose
 * open top is closed. Each is found from the digit's own ink (its box, the stem's column at a
 * given height, its top and bottom ends), so it lands where a writer would put it. Pure.
 */
public final class StyleVariants {
  private static final int SIZE = 28;
  /** How often each variant is drawn on a digit of its class. */
  static final float CHANCE = 0.3f;
  /** Stroke width of what is drawn, pixels (MNIST's strokes are about 2 to 3 wide). */
  private static final float PEN = 2.2f;

  private StyleVariants() {}

  /**
   * With {@link #CHANCE}, draws {@code label}'s variant onto the image at {@code offset} in place;
   * returns whether it did (7, 1, 9 and 4 have variants).
   */
  public static boolean apply(float[] img, int offset, int label, RandomGenerator rng) {
    if (rng.nextFloat() >= CHANCE) {
      return false;
    }
    return switch (label) {
      case 7 -> crossedSeven(img, offset, rng);
      case 1 -> europeanOne(img, offset, rng);
      case 9 -> curvedNine(img, offset, rng);
      case 4 -> closedFour(img, offset);
      default -> false;
    };
  }

  /** A short bar through the stem of a 7, a little below the middle of its height. */
  static boolean crossedSeven(float[] img, int offset, RandomGenerator rng) {
    int[] box = inkBox(img, offset);
    if (box == null) {
      return false;
    }
    int h = box[3] - box[1] + 1;
    int y = box[1] + Math.round(h * (0.5f + 0.1f * rng.nextFloat()));
    float x = inkCentre(img, offset, y);
    if (Float.isNaN(x)) {
      return false;
    }
    float half = h * (0.18f + 0.06f * rng.nextFloat());
    line(img, offset, x - half, y + 0.04f * h, x + half, y - 0.04f * h);
    return true;
  }

  /** A long diagonal up-stroke down to the left from the top of a 1, and sometimes a foot. */
  static boolean europeanOne(float[] img, int offset, RandomGenerator rng) {
    int[] box = inkBox(img, offset);
    if (box == null) {
      return false;
    }
    int h = box[3] - box[1] + 1;
    float topX = inkCentre(img, offset, box[1]);
    if (Float.isNaN(topX)) {
      return false;
    }
    float len = h * (0.3f + 0.15f * rng.nextFloat());
    line(img, offset, topX, box[1], topX - 0.8f * len, box[1] + 0.6f * len);
    if (rng.nextFloat() < 0.5f) {
      float bottomX = inkCentre(img, offset, box[3]);
      if (!Float.isNaN(bottomX)) {
        float half = h * 0.2f;
        line(img, offset, bottomX - half, box[3], bottomX + half, box[3]);
      }
    }
    return true;
  }

  /** A tail from the bottom of a 9's stem, curving to the left. */
  static boolean curvedNine(float[] img, int offset, RandomGenerator rng) {
    int[] box = inkBox(img, offset);
    if (box == null) {
      return false;
    }
    int h = box[3] - box[1] + 1;
    float x0 = inkCentre(img, offset, box[3]);
    if (Float.isNaN(x0)) {
      return false;
    }
    float reach = h * (0.25f + 0.1f * rng.nextFloat());
    float px = x0;
    float py = box[3];
    for (int s = 1; s <= 6; s++) {
      double t = s / 6.0 * Math.PI / 2;
      float nx = (float) (x0 - reach * (1 - Math.cos(t)));
      float ny = (float) (box[3] + 0.25 * reach * Math.sin(t) - 0.5 * reach * (1 - Math.cos(t)));
      line(img, offset, px, py, nx, ny);
      px = nx;
      py = ny;
    }
    return true;
  }

  /** Closes an open 4: joins the tops of its two strokes when they stand apart. */
  static boolean closedFour(float[] img, int offset) {
    int[] box = inkBox(img, offset);
    if (box == null) {
      return false;
    }
    int y = box[1] + Math.max(1, (box[3] - box[1]) / 8);
    int[] runs = runs(img, offset, y);
    if (runs.length < 4) {
      return false;
    }
    float left = (runs[0] + runs[1]) / 2f;
    float right = (runs[runs.length - 2] + runs[runs.length - 1]) / 2f;
    if (right - left < 4) {
      return false;
    }
    line(img, offset, left, y, right, y);
    return true;
  }

  /** The ink box {x0, y0, x1, y1} (ink above 0.3), or null for an empty image. */
  static int[] inkBox(float[] img, int offset) {
    int x0 = SIZE;
    int y0 = SIZE;
    int x1 = -1;
    int y1 = -1;
    for (int i = 0; i < SIZE * SIZE; i++) {
      if (img[offset + i] > 0.3f) {
        x0 = Math.min(x0, i % SIZE);
        y0 = Math.min(y0, i / SIZE);
        x1 = Math.max(x1, i % SIZE);
        y1 = Math.max(y1, i / SIZE);
      }
    }
    return x1 < 0 ? null : new int[] {x0, y0, x1, y1};
  }

  /** The mean column of the ink in row {@code y}, weighted by its values; NaN for none. */
  static float inkCentre(float[] img, int offset, int y) {
    float sum = 0;
    float mass = 0;
    for (int x = 0; x < SIZE; x++) {
      float v = img[offset + y * SIZE + x];
      if (v > 0.3f) {
        sum += v * x;
        mass += v;
      }
    }
    return mass == 0 ? Float.NaN : sum / mass;
  }

  /** The runs of ink in row {@code y} as {start, end, start, end, ...}. */
  private static int[] runs(float[] img, int offset, int y) {
    int[] r = new int[SIZE];
    int n = 0;
    boolean in = false;
    for (int x = 0; x < SIZE; x++) {
      boolean ink = img[offset + y * SIZE + x] > 0.3f;
      if (ink != in) {
        r[n++] = in ? x - 1 : x;
        in = ink;
      }
    }
    if (in) {
      r[n++] = SIZE - 1;
    }
    return java.util.Arrays.copyOf(r, n);
  }

  /** An anti-aliased pen stroke from (ax, ay) to (bx, by), the brighter of it and what is there. */
  static void line(float[] img, int offset, float ax, float ay, float bx, float by) {
    float dx = bx - ax;
    float dy = by - ay;
    float len2 = dx * dx + dy * dy;
    float half = PEN / 2;
    int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - PEN));
    int x1 = Math.min(SIZE - 1, (int) Math.ceil(Math.max(ax, bx) + PEN));
    int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - PEN));
    int y1 = Math.min(SIZE - 1, (int) Math.ceil(Math.max(ay, by) + PEN));
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        float px = x - ax;
        float py = y - ay;
        float t = len2 == 0 ? 0 : Math.clamp((px * dx + py * dy) / len2, 0f, 1f);
        float d = (float) Math.hypot(px - t * dx, py - t * dy);
        float cover = Math.clamp(half + 0.5f - d, 0f, 1f);
        int i = offset + y * SIZE + x;
        img[i] = Math.max(img[i], cover);
      }
    }
  }
}
