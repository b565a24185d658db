package io.lenetedge.image;

/**
 * Some components of an {@link InkMap}, chosen as one digit: their bounding box in downscaled
 * pixels (inclusive) and which downscaled pixels belong to them.
 */
interface InkSelection {
  int left();

  int top();

  int right();

  int bottom();

  /** Whether downscaled pixel {@code i} is ink of the selection. */
  boolean contains(int i);
}
