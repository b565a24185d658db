package io.lenetedge.image;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;

/**
 * A region of interest in a frame, {@code --roi x,y,w,h}; null fields mean the whole frame.
 *
 * @param x left
 * @param y top
 * @param width width
 * @param height height
 */
public record Roi(int x, int y, int width, int height) {

  public Roi {
    if (x < 0 || y < 0 || width < 1 || height < 1) {
      throw new IllegalArgumentException("--roi " + x + "," + y + "," + width + "," + height
          + ": x and y must be >= 0, width and height >= 1");
    }
  }

  /** Parses {@code x,y,w,h} of {@code --roi}. */
  public static Roi parse(String text) {
    return parse(text, "--roi");
  }

  /** Parses {@code x,y,w,h}; errors (USAGE) name the region as {@code what}. */
  public static Roi parse(String text, String what) {
    String[] parts = text.split(",");
    if (parts.length != 4) {
      throw new UserError(USAGE, what + " " + text + ": expected x,y,w,h, e.g. 160,120,320,240");
    }
    int[] v = new int[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new UserError(USAGE, what + " " + text + ": '" + parts[i] + "' is not a whole number");
      }
    }
    if (v[0] < 0 || v[1] < 0 || v[2] < 1 || v[3] < 1) {
      throw new UserError(USAGE, what + " " + text
          + ": x and y must be >= 0, width and height >= 1");
    }
    return new Roi(v[0], v[1], v[2], v[3]);
  }

  /** Whether the region lies inside a {@code width}x{@code height} frame. */
  public boolean fits(int frameWidth, int frameHeight) {
    return (long) x + width <= frameWidth && (long) y + height <= frameHeight;
  }

  @Override
  public String toString() {
    return x + "," + y + "," + width + "," + height;
  }
}
