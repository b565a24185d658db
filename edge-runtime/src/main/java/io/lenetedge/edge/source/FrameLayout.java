package io.lenetedge.edge.source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the 8-bit luma of a {@code width}x{@code height} image lies in each raw frame of
 * {@code frameBytes} bytes: {@code height} rows of {@code stride} bytes from the start, the first
 * {@code width} of each row used (the rest is padding, then chroma for YUV formats).
 */
public record FrameLayout(int width, int height, int stride, int frameBytes) {

  public FrameLayout {
    if (width < 1 || height < 1 || stride < width || (long) stride * height > frameBytes) {
      throw new IllegalArgumentException("bad frame layout " + width + "x" + height + " stride "
          + stride + " in " + frameBytes + " bytes");
    }
  }

  /** Plain 8-bit gray frames, no padding. */
  public static FrameLayout gray(int width, int height) {
    return new FrameLayout(width, height, width, width * height);
  }

  /**
   * Layouts a YUV 4:2:0 camera buffer of this size may have: luma stride aligned to 1, 16, 32, 64
   * or 128 bytes, height to 1 or 16 lines, chroma planes of half the stride and half the lines.
   */
  public static List<FrameLayout> yuv420Candidates(int width, int height) {
    Set<FrameLayout> set = new LinkedHashSet<>();
    for (int align : new int[] {1, 16, 32, 64, 128}) {
      for (int lineAlign : new int[] {1, 16}) {
        int stride = roundUp(width, align);
        int lines = roundUp(height, lineAlign);
        int chroma = 2 * roundUp(stride / 2, 1) * ((lines + 1) / 2);
        set.add(new FrameLayout(width, height, stride, stride * lines + chroma));
      }
    }
    return new ArrayList<>(set);
  }

  private static int roundUp(int value, int multiple) {
    return (value + multiple - 1) / multiple * multiple;
  }
}
