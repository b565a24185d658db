package io.lenetedge.image;

import io.lenetedge.image.MnistStyle.Prepared;
import java.util.Optional;

/**
 * Prepares frames (camera frames or any picture) for the model as {@link
 * MnistStyle#prepare(GrayImage)} does, within a region of interest, reusing its buffers from one
 * frame to the next so that a camera loop allocates little more than the result per frame. Pure:
 * arrays in, arrays out.
 *
 * <p>The region is area-averaged down to about 180 pixels on its longer side ({@link InkMap}); the
 * paper level is estimated locally there, and the ink is measured against it. The digit is picked
 * among the ink's connected components ({@link DigitBlobs}), then cut out of the full-resolution
 * frame as flattened ink, fitted to 20 pixels and centred by mass ({@link InkCrop}).
 *
 * <p>Not thread-safe: use one instance per thread.
 */
public final class FramePreparer {
  /** A digit in the ink map higher than this is measured again coarser... */
  static final int MAX_DIGIT_MAP_HEIGHT = 70;
  /** ...so that it is about this high. */
  static final int DIGIT_MAP_HEIGHT = 36;
  /**
   * A digit lower than this fraction of the region's smaller side may be a fragment of one whose
   * strokes were too thick for the paper window (a tight crop, a marker digit filling the
   * frame)...
   */
  static final double FRAGMENT = 0.15;
  /**
   * ...and so is looked for again, as when nothing was found, on a map whose smaller side is about
   * this long; the second look wins when it finds a digit at least twice as high and at least
   * {@link #LARGE} of the region's side (only a digit that large outgrows the paper window), and
   * no {@link #smudge}.
   */
  static final int COARSE_SIDE = 40;
  /** See {@link #COARSE_SIDE}. */
  static final double LARGE = 0.35;
  /**
   * A digit lower than this fraction of the region's smaller side may still be part of one that
   * fills the region with strokes wider than the paper window (a thick digit in a tight crop or a
   * high-resolution scan): it is looked for first at the coarse scale of {@link #COARSE_SIDE},
   * under the same rule.
   */
  static final double PARTIAL = 0.5;
  /**
   * A digit whose strokes are thicker than this fraction of the paper window, or that looks hollow
   * ({@link InkMap#hollow}), has lost some of them to the paper estimate: it is measured again at
   * its own scale, and taken from there when found as high.
   */
  static final double THICK = 0.35;
  /** A smudge's edge ramp is more than this fraction of its height... */
  static final double MAX_RAMP_OVER_HEIGHT = 0.18;
  /** ...and more than this many times its stroke's thickness. */
  static final double MAX_RAMP_OVER_THICKNESS = 1.5;
  /**
   * ...and fills more than this share of its convex hull: a smudge is a blob, where the strokes
   * of a blurred digit, however soft, bend, branch or close a loop.
   */
  static final double MIN_SMUDGE_SOLIDITY = 0.75;
  /** No map is measured with a side shorter than this. */
  static final int MIN_MAP_SIDE = 24;

  private final InkMap ink = new InkMap();
  private final DigitBlobs blobs = new DigitBlobs();
  /** A second look at another scale, so that the first look's maps stay as they are. */
  private final InkMap again = new InkMap();
  private final DigitBlobs againBlobs = new DigitBlobs();
  private final InkCrop crop = new InkCrop();

  /** Prepares the whole frame; see {@link MnistStyle#prepare(GrayImage)}. */
  public Optional<Prepared> prepare(GrayImage frame) {
    return prepare(frame, 0, 0, frame.width(), frame.height());
  }

  /**
   * Prepares the digit inside the region of interest {@code (x, y, width, height)} of the frame, or
   * returns empty when it holds none; the box of the result is in frame coordinates.
   *
   * @throws IllegalArgumentException if the region is empty or does not lie inside the frame
   */
  public Optional<Prepared> prepare(GrayImage frame, int x, int y, int width, int height) {
    checkRegion(frame, x, y, width, height);
    if (width == MnistStyle.SIZE && height == MnistStyle.SIZE
        && frame.width() == MnistStyle.SIZE && frame.height() == MnistStyle.SIZE) {
      return MnistStyle.asIs(frame);
    }
    boolean found = ink.measure(frame, x, y, width, height) && blobs.find(ink);
    int factor = ink.factor;
    int side = Math.min(width, height);
    int digitHeight = found ? (blobs.bottom() - blobs.top() + 1) * factor : 0;
    boolean fragment = !found || digitHeight < FRAGMENT * side;
    boolean hollow = found && ink.hollow(blobs);
    boolean thick = found && blobs.thickness() > THICK * ink.windowWidth();
    int coarse = Math.max(factor + 1, Math.round((float) side / COARSE_SIDE));
    int better = fragment || hollow ? coarse
        : thick ? Math.max(factor + 1, factorFor(blobs.bottom() - blobs.top() + 1, factor, 0))
        : factorFor(blobs.bottom() - blobs.top() + 1, factor, MAX_DIGIT_MAP_HEIGHT);
    boolean partial = found && !fragment && !hollow && digitHeight < PARTIAL * side;
    if (partial && coarse > factor && side / coarse >= MIN_MAP_SIDE
        && foundTaller(frame, x, y, width, height, coarse, true, digitHeight)) {
      return crop.prepare(frame, again, againBlobs);
    }
    if (better > factor && side / better >= MIN_MAP_SIDE) {
      int[] tries = fragment || hollow ? new int[] {better, better - 1, better + 1} : new int[] {better};
      for (int f : tries) {
        if (f > factor && side / f >= MIN_MAP_SIDE
            && foundTaller(frame, x, y, width, height, f, fragment, digitHeight)) {
          return crop.prepare(frame, again, againBlobs);
        }
      }
    }
    return found ? crop.prepare(frame, ink, blobs) : Optional.empty();
  }

  /**
   * Looks again at {@code factor}, into {@link #again}: whether it finds a digit, not a {@link
   * #smudge}, taller than the first look's {@code digitHeight} (for a {@code fragment}, at least
   * twice as tall and {@link #LARGE} of the region).
   */
  private boolean foundTaller(GrayImage frame, int x, int y, int width, int height, int factor,
      boolean fragment, int digitHeight) {
    boolean seen = again.measure(frame, x, y, width, height, factor) && againBlobs.find(again)
        && !smudge(againBlobs);
    int againHeight = seen ? (againBlobs.bottom() - againBlobs.top() + 1) * factor : 0;
    int side = Math.min(width, height);
    return seen && (fragment ? againHeight >= LARGE * side && againHeight >= 2 * digitHeight
        : againHeight >= digitHeight);
  }

  /*
   * A digit not found, or hollow, is looked for at the frame's coarse scale and, failing that, one
   * step either side of it: the choice among blobs at one scale can hang on a pixel.
   */

  /**
   * Whether a digit found on a coarser map is a smudge after all: seen coarse, a smudge's soft
   * edge looks sharp, so it is judged by its softness for its size and its shape: its edge ramp is
   * both a large part of its height and wider than its stroke, and it is a blob, which a blurred
   * digit rarely is.
   */
  static boolean smudge(DigitBlobs blobs) {
    return blobs.relativeRamp() > MAX_RAMP_OVER_HEIGHT && blobs.softness() > MAX_RAMP_OVER_THICKNESS
        && blobs.solidity() > MIN_SMUDGE_SOLIDITY;
  }

  /**
   * The factor at which a digit {@code height} map pixels high at {@code factor} is about
   * {@link #DIGIT_MAP_HEIGHT} high: a large digit (a tight crop, a scan, a marker digit filling
   * the frame) is measured again coarser, so that the paper window, the softness of its edges and
   * the size of specks are judged at the scale a camera frame's digit has.
   */
  static int factorFor(int height, int factor, int maxHeight) {
    return height <= maxHeight ? factor
        : (int) Math.round((double) factor * height / DIGIT_MAP_HEIGHT);
  }

  static void checkRegion(GrayImage frame, int x, int y, int width, int height) {
    boolean inside = width > 0 && height > 0 && x >= 0 && y >= 0
        && (long) x + width <= frame.width() && (long) y + height <= frame.height();
    if (!inside) {
      throw new IllegalArgumentException("region of interest " + width + "x" + height + " at ("
          + x + "," + y + ") does not lie inside the " + frame.width() + "x" + frame.height()
          + " frame");
    }
  }
}
