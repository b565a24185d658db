package io.lenetedge.image;

import java.util.Arrays;

/**
 * Picks the digit among the 8-connected ink components of an {@link InkMap}. Specks, long thin
 * lines and smears (soft-edged or solid blobs) are never the digit; components touching the region's
 * border (paper edge, table, fingers) are the digit only when nothing else is there. The digit is
 * the plausible component with the most ink, weighted towards the region's centre, together with
 * the sizeable components close to it (a 4 or 5 drawn in two strokes). Keeps its buffers between
 * calls; not thread-safe.
 */
final class DigitBlobs implements InkSelection {
  /** A digit is at least this many pixels high in the frame... */
  static final int MIN_DIGIT_PIXELS = 6;
  /** ...and at least this fraction of the region's smaller side. */
  static final double MIN_DIGIT_FRACTION = 0.04;
  /** A second part of the digit has at least this fraction of the main part's ink... */
  private static final double PART_AREA = 0.05;
  /** ...lies at most this fraction of the main part's longer side from the digit... */
  private static final double PART_GAP = 0.2;
  /** ...and leaves the digit at most this many times as long as the main part. */
  private static final double PART_SPAN = 1.6;
  /** The digit's box may not cover this fraction of both sides of the region. */
  private static final double MAX_COVER = 0.95;

  private final InkComponents components = new InkComponents();
  private boolean[] chosen = new boolean[16];
  private int main;

  /** The digit's bounding box in downscaled pixels, inclusive; valid after {@link #find}. */
  private int left;
  private int top;
  private int right;
  private int bottom;

  /** Finds the digit's components; false when none is plausible or the digit fills the region. */
  boolean find(InkMap m) {
    components.label(m);
    main = pickMain(m);
    if (main == 0) {
      return false;
    }
    group(main, m);
    return fitsInRegion(m);
  }

  /** {@link InkComponents#rampOverThickness} of the digit's main component. */
  double softness() {
    return components.rampOverThickness(main);
  }

  /** The stroke thickness of the digit's main component, map pixels. */
  double thickness() {
    return components.thickness(main);
  }

  /** {@link InkComponents#solidity} of the digit's main component. */
  double solidity() {
    return components.solidity(main);
  }

  /** {@link InkComponents#rampOverHeight} of the digit's main component. */
  double relativeRamp() {
    return components.rampOverHeight(main);
  }

  @Override
  public int left() {
    return left;
  }

  @Override
  public int top() {
    return top;
  }

  @Override
  public int right() {
    return right;
  }

  @Override
  public int bottom() {
    return bottom;
  }

  @Override
  public boolean contains(int i) {
    int c = components.at(i);
    return c != 0 && chosen[c];
  }

  /** The least height, in frame pixels, of a digit in a region of this size. */
  static double minDigitHeight(int roiWidth, int roiHeight) {
    return Math.max(MIN_DIGIT_PIXELS, MIN_DIGIT_FRACTION * Math.min(roiWidth, roiHeight));
  }

  /**
   * The plausible component with the best score; one touching a side of the region only if none
   * lies inside it, and never one touching two sides (it runs along or across the region); 0 if
   * none.
   */
  private int pickMain(InkMap m) {
    int best = 0;
    double bestScore = -1;
    boolean bestInside = false;
    for (int c = 1; c <= components.count(); c++) {
      int touch = components.touch(c);
      if (!plausible(c) || Integer.bitCount(touch) > 1) {
        continue;
      }
      boolean inside = touch == 0;
      double s = score(c, m);
      if ((inside && !bestInside) || (inside == bestInside && s > bestScore)) {
        best = c;
        bestScore = s;
        bestInside = inside;
      }
    }
    return best;
  }

  /** Ink area, weighted down to a half towards the region's corners. */
  private double score(int c, InkMap m) {
    InkComponents k = components;
    double dx = (k.left(c) + k.right(c) + 1) / 2.0 - m.width / 2.0;
    double dy = (k.top(c) + k.bottom(c) + 1) / 2.0 - m.height / 2.0;
    double off = Math.hypot(dx, dy) / Math.hypot(m.width / 2.0, m.height / 2.0);
    return k.area(c) * (1 - 0.5 * off);
  }

  private void group(int main, InkMap m) {
    InkComponents k = components;
    if (chosen.length <= k.count()) {
      chosen = new boolean[Math.max(2 * chosen.length, k.count() + 1)];
    }
    Arrays.fill(chosen, 0, k.count() + 1, false);
    chosen[main] = true;
    left = k.left(main);
    top = k.top(main);
    right = k.right(main);
    bottom = k.bottom(main);
    int mainLong = Math.max(k.width(main), k.height(main));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (int c = 1; c <= k.count(); c++) {
        if (!chosen[c] && isPart(c, main, mainLong)) {
          chosen[c] = true;
          left = Math.min(left, k.left(c));
          top = Math.min(top, k.top(c));
          right = Math.max(right, k.right(c));
          bottom = Math.max(bottom, k.bottom(c));
          grew = true;
        }
      }
    }
  }

  private boolean isPart(int c, int main, int mainLong) {
    InkComponents k = components;
    if (k.area(c) < PART_AREA * k.area(main) || k.speck(c) || k.smear(c)) {
      return false;
    }
    if (k.touch(c) != 0 && k.touch(main) == 0) {
      return false;
    }
    int gapX = Math.max(0, Math.max(k.left(c) - right, left - k.right(c)) - 1);
    int gapY = Math.max(0, Math.max(k.top(c) - bottom, top - k.bottom(c)) - 1);
    int span = Math.max(
        Math.max(right, k.right(c)) - Math.min(left, k.left(c)) + 1,
        Math.max(bottom, k.bottom(c)) - Math.min(top, k.top(c)) + 1);
    return Math.max(gapX, gapY) <= Math.max(2, PART_GAP * mainLong)
        && span <= PART_SPAN * mainLong;
  }

  private boolean fitsInRegion(InkMap m) {
    int t = InkComponents.touch(left, top, right, bottom, m);
    boolean covers = right - left + 1 >= MAX_COVER * m.width
        && bottom - top + 1 >= MAX_COVER * m.height;
    return t != InkComponents.ALL && !covers;
  }

  private boolean plausible(int c) {
    return !components.speck(c) && !components.line(c) && !components.smear(c);
  }
}
