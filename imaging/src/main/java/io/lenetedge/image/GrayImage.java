package io.lenetedge.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * An 8-bit grayscale image, row-major, one byte per pixel from 0 (black) to 255 (white). The pixel
 * array is shared, not copied; equality compares the pixels.
 */
public record GrayImage(int width, int height, byte[] pixels) {
  public GrayImage {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "image size must be positive, got " + width + "x" + height);
    }
    Objects.requireNonNull(pixels, "pixels");
    long expected = (long) width * height;
    if (pixels.length != expected) {
      throw new IllegalArgumentException(
          "a " + width + "x" + height + " image needs " + expected + " pixels, got "
              + pixels.length);
    }
  }

  /** The pixel at column {@code x}, row {@code y}, from 0 to 255. */
  public int at(int x, int y) {
    Objects.checkIndex(x, width);
    Objects.checkIndex(y, height);
    return pixels[y * width + x] & 0xFF;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GrayImage g
        && g.width == width
        && g.height == height
        && Arrays.equals(g.pixels, pixels);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + Arrays.hashCode(pixels);
  }

  @Override
  public String toString() {
    return "GrayImage[" + width + "x" + height + "]";
  }
}
