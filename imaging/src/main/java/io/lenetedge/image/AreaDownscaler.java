package io.lenetedge.image;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Shrinks a region of a frame by an integer factor, each output pixel the rounded mean of its
 * block. Keeps its scratch buffers between calls; not thread-safe.
 */
final class AreaDownscaler {
  /** Pair sums of up to this many rows fit the 16-bit lanes of {@link #sumByQuads}. */
  private static final int MAX_SWAR_FACTOR = 64;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long BYTE_LANES = 0x00FF00FF00FF00FFL;
  private static final long SHORT_LANES = 0x0000FFFF0000FFFFL;

  private int[] sums = new int[0];
  private int[] columns = new int[0];
  private int[] quadSums = new int[0];
  private long[] lanes = new long[0];

  /**
   * Fills {@code out} (row-major, {@code width x height}) with the means of the {@code f x f}
   * blocks of the frame starting at ({@code left}, {@code top}).
   */
  void downscale(GrayImage frame, int left, int top, int f, int width, int height, int[] out) {
    int n = width * height;
    sums = MorphFilter.grow(sums, n);
    if (f == 2) {
      sumByPairs(frame, left, top, width, height);
    } else if (f % 4 == 0 && f <= MAX_SWAR_FACTOR) {
      sumByQuads(frame, left, top, f, width, height);
    } else {
      sumByColumns(frame, left, top, f, width, height);
    }
    int area = f * f;
    int half = area / 2;
    if (Integer.bitCount(area) == 1) {
      int shift = Integer.numberOfTrailingZeros(area);
      for (int i = 0; i < n; i++) {
        out[i] = (sums[i] + half) >> shift;
      }
    } else {
      for (int i = 0; i < n; i++) {
        out[i] = (sums[i] + half) / area;
      }
    }
  }

  /**
   * 2x2 block sums four at a time: the bytes of two rows added in pairs inside a long (four 16-bit
   * lanes, each the sum of a block's two pixels of that row), the two rows' longs added.
   */
  private void sumByPairs(GrayImage frame, int left, int top, int width, int height) {
    byte[] p = frame.pixels();
    int fours = width / 4;
    for (int sy = 0; sy < height; sy++) {
      int a = (top + 2 * sy) * frame.width() + left;
      int b = a + frame.width();
      int o = sy * width;
      for (int j = 0; j < fours; j++) {
        long u = (long) LONGS.get(p, a + 8 * j);
        long v = (long) LONGS.get(p, b + 8 * j);
        long s = (u & BYTE_LANES) + ((u >>> 8) & BYTE_LANES) + (v & BYTE_LANES)
            + ((v >>> 8) & BYTE_LANES);
        int at = o + 4 * j;
        sums[at] = (int) (s & 0xFFFF);
        sums[at + 1] = (int) ((s >>> 16) & 0xFFFF);
        sums[at + 2] = (int) ((s >>> 32) & 0xFFFF);
        sums[at + 3] = (int) (s >>> 48);
      }
      for (int sx = 4 * fours; sx < width; sx++) {
        int x = 2 * sx;
        sums[o + sx] = (p[a + x] & 0xFF) + (p[a + x + 1] & 0xFF) + (p[b + x] & 0xFF)
            + (p[b + x + 1] & 0xFF);
      }
    }
  }

  /** Block sums by adding columns of {@code f} rows, then across. */
  private void sumByColumns(GrayImage frame, int left, int top, int f, int width, int height) {
    byte[] p = frame.pixels();
    int span = width * f;
    columns = MorphFilter.grow(columns, span);
    for (int sy = 0; sy < height; sy++) {
      Arrays.fill(columns, 0, span, 0);
      for (int k = 0; k < f; k++) {
        int at = (top + sy * f + k) * frame.width() + left;
        for (int x = 0; x < span; x++) {
          columns[x] += p[at + x] & 0xFF;
        }
      }
      int o = sy * width;
      for (int sx = 0; sx < width; sx++) {
        int s = 0;
        for (int j = sx * f; j < sx * f + f; j++) {
          s += columns[j];
        }
        sums[o + sx] = s;
      }
    }
  }

  /**
   * Block sums 8 pixels at a time: bytes are added in pairs inside a long (four 16-bit lanes), down
   * the block's rows, then the pairs into sums of 4 pixels, then those across the block.
   */
  private void sumByQuads(GrayImage frame, int left, int top, int f, int width, int height) {
    byte[] p = frame.pixels();
    int quads = width * f / 4;
    int longs = quads / 2;
    if (lanes.length < longs) {
      lanes = new long[longs];
    }
    quadSums = MorphFilter.grow(quadSums, quads);
    for (int sy = 0; sy < height; sy++) {
      Arrays.fill(lanes, 0, longs, 0L);
      int lastQuad = 0;
      for (int k = 0; k < f; k++) {
        int at = (top + sy * f + k) * frame.width() + left;
        for (int j = 0; j < longs; j++) {
          long v = (long) LONGS.get(p, at + 8 * j);
          lanes[j] += (v & BYTE_LANES) + ((v >>> 8) & BYTE_LANES);
        }
        if (quads % 2 == 1) {
          int q = at + 8 * longs;
          lastQuad += (p[q] & 0xFF) + (p[q + 1] & 0xFF) + (p[q + 2] & 0xFF) + (p[q + 3] & 0xFF);
        }
      }
      for (int j = 0; j < longs; j++) {
        long pairs = lanes[j];
        long q = (pairs & SHORT_LANES) + ((pairs >>> 16) & SHORT_LANES);
        quadSums[2 * j] = (int) q;
        quadSums[2 * j + 1] = (int) (q >>> 32);
      }
      if (quads % 2 == 1) {
        quadSums[quads - 1] = lastQuad;
      }
      int per = f / 4;
      int o = sy * width;
      for (int sx = 0; sx < width; sx++) {
        int s = 0;
        for (int j = sx * per; j < sx * per + per; j++) {
          s += quadSums[j];
        }
        sums[o + sx] = s;
      }
    }
  }
}
