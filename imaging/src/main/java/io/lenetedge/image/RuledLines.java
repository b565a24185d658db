package io.lenetedge.image;

/**
 * Erases ruled lines (a form's rules, a box around a number) from an ink mask: straight runs of
 * ink far longer than a digit is high ({@link #LENGTH} times) and thin ({@link #THICKNESS} of it).
 * Where a digit's stroke crosses the line, the stroke is kept. Pure; works in place.
 */
final class RuledLines {
  /** A rule is at least this many digit heights long... */
  static final double LENGTH = 2.5;
  /** ...and at most this fraction of a digit height thick. */
  static final double THICKNESS = 0.25;
  private static final int MIN_LENGTH = 12;

  private RuledLines() {}

  /**
   * Erases rules from {@code mask} ({@code width x height}) for digits about {@code digitHeight}
   * pixels high; returns whether anything was erased.
   */
  static boolean erase(boolean[] mask, int width, int height, double digitHeight) {
    int length = (int) Math.max(MIN_LENGTH, Math.ceil(LENGTH * digitHeight));
    int thick = (int) Math.max(2, Math.round(THICKNESS * digitHeight));
    boolean any = false;
    for (int y = 0; y < height; y++) {
      any |= eraseRuns(mask, y * width, 1, width, width, length, thick, true);
    }
    for (int x = 0; x < width; x++) {
      any |= eraseRuns(mask, x, width, height, width, length, thick, false);
    }
    return any;
  }

  /**
   * Along one row (or column) of {@code n} pixels from {@code start}, {@code step} apart: erases the
   * thin cross-section of every run of at least {@code length}.
   */
  private static boolean eraseRuns(boolean[] mask, int start, int step, int n, int width,
      int length, int thick, boolean horizontal) {
    boolean any = false;
    int k = 0;
    while (k < n) {
      if (!mask[start + k * step]) {
        k++;
        continue;
      }
      int from = k;
      while (k < n && mask[start + k * step]) {
        k++;
      }
      if (k - from >= length) {
        for (int j = from; j < k; j++) {
          any |= eraseCrossSection(mask, start + j * step, width, mask.length / width, thick,
              horizontal);
        }
      }
    }
    return any;
  }

  /** Erases the ink across the rule at pixel {@code i} when it is at most {@code thick} long. */
  private static boolean eraseCrossSection(boolean[] mask, int i, int width, int height,
      int thick, boolean horizontal) {
    int step = horizontal ? width : 1;
    int pos = horizontal ? i / width : i % width;
    int limit = horizontal ? height : width;
    int lo = pos;
    while (lo > 0 && mask[i - (pos - lo + 1) * step]) {
      lo--;
    }
    int hi = pos;
    while (hi < limit - 1 && mask[i + (hi - pos + 1) * step]) {
      hi++;
    }
    if (hi - lo + 1 > thick) {
      return false;
    }
    for (int p = lo; p <= hi; p++) {
      mask[i + (p - pos) * step] = false;
    }
    return true;
  }
}
