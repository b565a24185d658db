package io.lenetedge.trainer;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.MnistData;
import io.lenetedge.common.ModelContract;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The training images split into a training and a validation part (fixed by the seed), and the
 * batch assembly: shuffling, augmentation and scaling to [0,1] into reusable float arrays.
 */
public final class TrainingData {
  private final LabeledImages train;
  private final LabeledImages test;
  private final int[] trainIndices;
  private final int[] validationIndices;

  TrainingData(MnistData data, int validationSize, long seed) {
    this.train = data.train();
    this.test = data.test();
    if (validationSize >= train.size()) {
      throw new IllegalArgumentException("--val-size " + validationSize
          + " leaves no training images out of " + train.size());
    }
    int[] order = permutation(train.size(), new SplittableRandom(seed ^ 0x5EEDL));
    this.validationIndices = Arrays.copyOfRange(order, 0, validationSize);
    this.trainIndices = Arrays.copyOfRange(order, validationSize, order.length);
  }

  public int trainSize() {
    return trainIndices.length;
  }

  public int[] validationIndices() {
    return validationIndices.clone();
  }

  public LabeledImages trainSplit() {
    return train;
  }

  public LabeledImages testSplit() {
    return test;
  }

  /** A fresh shuffle of the training indices for one epoch. */
  int[] epochOrder(RandomGenerator rng) {
    int[] order = trainIndices.clone();
    shuffle(order, rng);
    return order;
  }

  /**
   * Fills {@code x} ([n,784] in [0,1]) and {@code y} with images {@code order[from..from+n)} of
   * {@code split}, distorting each when an augmenter is given.
   */
  static void fill(LabeledImages split, int[] order, int from, int n, float[] x, float[] y,
      Augmenter augmenter, RandomGenerator rng) {
    byte[] pixels = split.images().pixels();
    for (int b = 0; b < n; b++) {
      int i = order[from + b];
      if (augmenter != null) {
        augmenter.distort(pixels, i * ModelContract.PIXELS, x, b * ModelContract.PIXELS, rng);
      } else {
        split.images().copyScaled(i, x, b * ModelContract.PIXELS);
      }
      y[b] = split.label(i);
    }
  }

  static int[] permutation(int n, RandomGenerator rng) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    shuffle(order, rng);
    return order;
  }

  private static void shuffle(int[] a, RandomGenerator rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
