package io.lenetedge.edge.source;

import static io.lenetedge.common.UserError.Kind.INPUT;

import io.lenetedge.common.UserError;
import java.util.List;

/**
 * Measures which candidate layout a raw stream has, from its first bytes: with the right frame
 * length, the luma of frame 0 lines up with the luma of frame 1 (consecutive camera frames look
 * alike); with a wrong one it is shifted and differs. Pure.
 */
public final class LayoutDetector {
  private LayoutDetector() {}

  /** Bytes needed to judge every candidate: two frames of the longest. */
  public static int bytesNeeded(List<FrameLayout> candidates) {
    return 2 * candidates.stream().mapToInt(FrameLayout::frameBytes).max().orElseThrow();
  }

  /**
   * The candidate whose frame 0 and frame 1 luma differ least in {@code head}; on a tie the
   * shortest frame.
   */
  public static FrameLayout detect(byte[] head, int length, List<FrameLayout> candidates) {
    FrameLayout best = null;
    double bestScore = Double.MAX_VALUE;
    for (FrameLayout c : candidates) {
      if (2 * c.frameBytes() > length) {
        continue;
      }
      double score = meanDifference(head, c);
      if (score < bestScore - 1e-9 || (Math.abs(score - bestScore) <= 1e-9
          && best != null && c.frameBytes() < best.frameBytes())) {
        best = c;
        bestScore = score;
      }
    }
    if (best == null) {
      throw new UserError(INPUT, "the stream ended before two frames arrived ("
          + length + " bytes); cannot tell its frame size");
    }
    return best;
  }

  static double meanDifference(byte[] head, FrameLayout c) {
    long sum = 0;
    long n = 0;
    int stepRow = Math.max(1, c.height() / 64);
    int stepCol = Math.max(1, c.width() / 64);
    for (int y = 0; y < c.height(); y += stepRow) {
      for (int x = 0; x < c.width(); x += stepCol) {
        int i = y * c.stride() + x;
        sum += Math.abs((head[i] & 0xFF) - (head[i + c.frameBytes()] & 0xFF));
        n++;
      }
    }
    return (double) sum / n;
  }
}
