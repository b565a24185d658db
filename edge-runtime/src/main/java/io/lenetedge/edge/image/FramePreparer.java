package io.lenetedge.edge.image;

import io.lenetedge.edge.image.MnistStyle.Prepared;
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
  private final InkMap ink = new InkMap();
  private final DigitBlobs blobs = new DigitBlobs();
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
    if (!ink.measure(frame, x, y, width, height) || !blobs.find(ink)) {
      return Optional.empty();
    }
    return crop.prepare(frame, ink, blobs);
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
