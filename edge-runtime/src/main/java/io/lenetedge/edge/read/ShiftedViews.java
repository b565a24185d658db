package io.lenetedge.edge.read;

import io.lenetedge.common.ModelContract;
import java.util.ArrayList;
import java.util.List;

/**
 * A classifier that reads each input five times, as it is and moved one pixel along each
 * diagonal, in one call to the classifier it wraps, and gives the mean of the five probability
 * rows. A digit cut from a page sits a pixel or so off where MNIST's centre of mass would put it,
 * and a neighbour's ink at the crop's edge weighs on one view more than on the others. Pure apart
 * from the wrapped classifier.
 */
final class ShiftedViews implements DigitClassifier {
  /** {dx, dy} of each view; the first is the input as it is. */
  static final int[][] OFFSETS = {{0, 0}, {1, 1}, {-1, -1}, {1, -1}, {-1, 1}};
  private static final int SIDE = ModelContract.IMAGE_SIZE;

  private final DigitClassifier classifier;

  ShiftedViews(DigitClassifier classifier) {
    this.classifier = classifier;
  }

  @Override
  public float[][] classify(List<float[]> inputs) {
    int views = OFFSETS.length;
    List<float[]> all = new ArrayList<>(inputs.size() * views);
    for (float[] input : inputs) {
      for (int[] offset : OFFSETS) {
        all.add(shifted(input, offset[0], offset[1]));
      }
    }
    float[][] rows = classifier.classify(all);
    float[][] mean = new float[inputs.size()][];
    for (int i = 0; i < inputs.size(); i++) {
      float[] m = new float[rows[i * views].length];
      for (int v = 0; v < views; v++) {
        float[] row = rows[i * views + v];
        for (int c = 0; c < m.length; c++) {
          m[c] += row[c] / views;
        }
      }
      mean[i] = m;
    }
    return mean;
  }

  /** {@code input} moved {@code dx} pixels right and {@code dy} down, blank where it came in. */
  static float[] shifted(float[] input, int dx, int dy) {
    if (dx == 0 && dy == 0) {
      return input;
    }
    float[] out = new float[input.length];
    for (int y = Math.max(0, dy); y < Math.min(SIDE, SIDE + dy); y++) {
      int from = Math.max(0, dx);
      int to = Math.min(SIDE, SIDE + dx);
      System.arraycopy(input, (y - dy) * SIDE + from - dx, out, y * SIDE + from, to - from);
    }
    return out;
  }
}
