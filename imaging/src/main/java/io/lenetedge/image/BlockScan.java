package io.lenetedge.image;

/**
 * A digit as a low-resolution scan records it, the way the UCI optdigits set was made from NIST's
 * forms: the digit's bitmap (ink where the grey level passes one half) scaled to a height of
 * {@code rows} blocks, centred in a square of as many blocks, and each block's ink pixels counted;
 * and such counts drawn back as a soft picture, dark on light. A digit a far camera sees a few
 * pixels high looks like this too. Pure: numbers in, numbers or pixels out.
 */
public final class BlockScan {
  /** Each block is this many bitmap pixels on a side, as NIST's 32x32 bitmaps in 4x4 blocks. */
  public static final int BLOCK = 4;
  /** A block full of ink counts this much. */
  public static final int FULL = BLOCK * BLOCK;
  /** The height of the digit drawn back, pixels. */
  static final int DRAWN_HEIGHT = 64;
  private static final int PAPER = 235;
  private static final int INK_DEPTH = 200;

  private BlockScan() {}

  /**
   * The block counts ({@code rows x rows}, row after row, 0 to {@link #FULL}) of a 28x28 digit in
   * [0,1], white on black, at {@code offset} of {@code digit}; all zero when it holds no ink.
   */
  public static int[] counts(float[] digit, int offset, int rows) {
    int size = MnistStyle.SIZE;
    int left = size;
    int top = size;
    int right = -1;
    int bottom = -1;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        if (digit[offset + y * size + x] > 0.5f) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
      }
    }
    int side = rows * BLOCK;
    int[] counts = new int[rows * rows];
    if (right < 0) {
      return counts;
    }
    double h = bottom - top + 1;
    double w = right - left + 1;
    double scale = side / h;
    int bitmapWidth = (int) Math.clamp(Math.round(w * scale), 1, side);
    int from = (side - bitmapWidth) / 2;
    for (int y = 0; y < side; y++) {
      double sy = top + (y + 0.5) / scale - 0.5;
      for (int x = 0; x < bitmapWidth; x++) {
        double sx = left + (x + 0.5) * w / bitmapWidth - 0.5;
        if (bilinear(digit, offset, sx, sy) > 0.5) {
          counts[(y / BLOCK) * rows + (from + x) / BLOCK]++;
        }
      }
    }
    return counts;
  }

  /**
   * Block counts ({@code rows x rows}, 0 to {@link #FULL}) drawn back bilinearly as a digit
   * {@value #DRAWN_HEIGHT} pixels high, dark ink on light paper, in the middle of a square page
   * two and a half times as high.
   */
  public static GrayImage page(int[] counts, int rows) {
    int size = DRAWN_HEIGHT;
    int page = size * 5 / 2;
    byte[] px = new byte[page * page];
    java.util.Arrays.fill(px, (byte) PAPER);
    int margin = (page - size) / 2;
    for (int y = 0; y < size; y++) {
      double fy = Math.clamp((y + 0.5) * rows / size - 0.5, 0, rows - 1);
      int y0 = (int) fy;
      int y1 = Math.min(rows - 1, y0 + 1);
      double wy = fy - y0;
      for (int x = 0; x < size; x++) {
        double fx = Math.clamp((x + 0.5) * rows / size - 0.5, 0, rows - 1);
        int x0 = (int) fx;
        int x1 = Math.min(rows - 1, x0 + 1);
        double wx = fx - x0;
        double v = (counts[y0 * rows + x0] * (1 - wx) + counts[y0 * rows + x1] * wx) * (1 - wy)
            + (counts[y1 * rows + x0] * (1 - wx) + counts[y1 * rows + x1] * wx) * wy;
        px[(y + margin) * page + x + margin] = (byte) Math.round(PAPER - v / FULL * INK_DEPTH);
      }
    }
    return new GrayImage(page, page, px);
  }

  private static double bilinear(float[] img, int offset, double x, double y) {
    int size = MnistStyle.SIZE;
    x = Math.clamp(x, 0, size - 1);
    y = Math.clamp(y, 0, size - 1);
    int x0 = (int) x;
    int y0 = (int) y;
    int x1 = Math.min(size - 1, x0 + 1);
    int y1 = Math.min(size - 1, y0 + 1);
    double fx = x - x0;
    double fy = y - y0;
    double a = img[offset + y0 * size + x0] * (1 - fx) + img[offset + y0 * size + x1] * fx;
    double b = img[offset + y1 * size + x0] * (1 - fx) + img[offset + y1 * size + x1] * fx;
    return a * (1 - fy) + b * fy;
  }
}
