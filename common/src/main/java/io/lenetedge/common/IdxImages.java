package io.lenetedge.common;

/**
 * A stack of 8-bit grayscale images from an IDX file, row-major, one image after another.
 *
 * @param count number of images
 * @param rows image height
 * @param cols image width
 * @param pixels {@code count * rows * cols} unsigned bytes
 */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {

  public IdxImages {
    if ((long) count * rows * cols != pixels.length) {
      throw new IllegalArgumentException(
          "pixels has " + pixels.length + " bytes, expected " + count + "x" + rows + "x" + cols);
    }
  }

  /** Pixels per image. */
  public int imageSize() {
    return rows * cols;
  }

  /** Pixel {@code p} (0..imageSize-1) of image {@code i}, as 0..255. */
  public int pixel(int i, int p) {
    return pixels[i * imageSize() + p] & 0xFF;
  }

  /** Copies image {@code i} into {@code out} at {@code offset}, scaled to [0,1]. */
  public void copyScaled(int i, float[] out, int offset) {
    int base = i * imageSize();
    for (int p = 0; p < imageSize(); p++) {
      out[offset + p] = (pixels[base + p] & 0xFF) / 255f;
    }
  }
}
