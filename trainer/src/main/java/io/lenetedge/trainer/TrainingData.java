package io.lenetedge.trainer;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.MnistData;
import io.lenetedge.common.ModelContract;
import io.lenetedge.common.UserError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What an epoch trains on, and the batch assembly. MNIST's training images split into a training
 * and a validation part (fixed by the seed); optionally pools of prepared digits (font digits,
 * scanned or enlarged MNIST digits), a given number of each drawn afresh each epoch, and a user's
 * own images, each repeated a given number of times per epoch; shuffling, style variants,
 * augmentation and scaling to [0,1] into reusable float arrays. A sample is an MNIST index, {@link
 * #EXTRA} plus an index among the user's images, or {@link #DRAWN} plus a pool's number times
 * {@link #POOL} plus an index in that pool.
 */
public final class TrainingData {
  /** Sample ids from here are a user's images... */
  static final int EXTRA = 1 << 24;
  /** ...and from here digits of the drawn pools, {@link #POOL} ids to each. */
  static final int DRAWN = 2 << 24;
  /** Ids a drawn pool spans (more than any pool holds). */
  static final int POOL = 1 << 24;

  private final LabeledImages train;
  private final LabeledImages test;
  private final int[] trainIndices;
  private final int[] validationIndices;
  private final List<Drawn> drawn = new ArrayList<>();
  private ImagePool extra;
  private int extraRepeats;
  private int mnistPerEpoch = Integer.MAX_VALUE;
  private boolean styles;

  TrainingData(MnistData data, int validationSize, long seed) {
    this.train = data.train();
    this.test = data.test();
    if (validationSize >= train.size()) {
      throw new UserError(USAGE, "--val-size " + validationSize
          + " leaves no training images out of " + train.size());
    }
    int[] order = permutation(train.size(), new SplittableRandom(seed ^ 0x5EEDL));
    this.validationIndices = Arrays.copyOfRange(order, 0, validationSize);
    this.trainIndices = Arrays.copyOfRange(order, validationSize, order.length);
  }

  /** A pool and how many of its digits each epoch draws. */
  private record Drawn(ImagePool pool, int draws) {}

  /** Draws {@code draws} digits of {@code pool} (with replacement) into every epoch. */
  TrainingData withDraws(ImagePool pool, int draws) {
    drawn.add(new Drawn(pool, draws));
    return this;
  }

  /** Puts each of a user's images {@code repeats} times into every epoch. */
  TrainingData withExtra(ImagePool pool, int repeats) {
    this.extra = pool;
    this.extraRepeats = repeats;
    return this;
  }

  /** Takes at most {@code n} MNIST images into an epoch (a fine-tuning run's reminder of MNIST). */
  TrainingData limitMnist(int n) {
    this.mnistPerEpoch = n;
    return this;
  }

  /** Draws style variants onto MNIST's 7s, 1s, 9s and 4s. */
  TrainingData withStyles(boolean on) {
    this.styles = on;
    return this;
  }

  /** MNIST images available for training (after the validation split). */
  public int trainSize() {
    return trainIndices.length;
  }

  /** Samples in one epoch. */
  public int epochSize() {
    return Math.min(trainIndices.length, mnistPerEpoch)
        + drawn.stream().mapToInt(Drawn::draws).sum()
        + (extra == null ? 0 : extra.size() * extraRepeats);
  }

  /** The MNIST training images (after the validation split), by index into {@link #trainSplit}. */
  int[] trainIndices() {
    return trainIndices.clone();
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

  /** A fresh shuffle of one epoch's samples. */
  int[] epochOrder(RandomGenerator rng) {
    int[] mnist = trainIndices.clone();
    shuffle(mnist, rng);
    int m = Math.min(mnist.length, mnistPerEpoch);
    int[] order = Arrays.copyOf(mnist, epochSize());
    int at = m;
    for (int p = 0; p < drawn.size(); p++) {
      Drawn d = drawn.get(p);
      for (int k = 0; k < d.draws(); k++) {
        order[at++] = DRAWN + p * POOL + rng.nextInt(d.pool().size());
      }
    }
    for (int r = 0; extra != null && r < extraRepeats; r++) {
      for (int k = 0; k < extra.size(); k++) {
        order[at++] = EXTRA + k;
      }
    }
    shuffle(order, rng);
    return order;
  }

  /**
   * Fills {@code x} ([n,784] in [0,1]) and {@code y} with samples {@code order[from..from+n)},
   * with style variants on MNIST's digits when on, distorting each when an augmenter is given.
   */
  void fill(int[] order, int from, int n, float[] x, float[] y, Augmenter augmenter,
      RandomGenerator rng) {
    float[] base = new float[ModelContract.PIXELS];
    for (int b = 0; b < n; b++) {
      int id = order[from + b];
      int label;
      if (id >= DRAWN) {
        label = copy(drawn.get((id - DRAWN) / POOL).pool(), (id - DRAWN) % POOL, base);
      } else if (id >= EXTRA) {
        label = copy(extra, id - EXTRA, base);
      } else {
        train.images().copyScaled(id, base, 0);
        label = train.label(id);
        if (styles) {
          StyleVariants.apply(base, 0, label, rng);
        }
      }
      if (augmenter != null) {
        augmenter.distort(base, 0, x, b * ModelContract.PIXELS, rng);
      } else {
        System.arraycopy(base, 0, x, b * ModelContract.PIXELS, ModelContract.PIXELS);
      }
      y[b] = label;
    }
  }

  private static int copy(ImagePool pool, int k, float[] dst) {
    System.arraycopy(pool.images(), k * ModelContract.PIXELS, dst, 0, ModelContract.PIXELS);
    return pool.labels()[k];
  }

  /**
   * Fills {@code x} ([n,784] in [0,1]) and {@code y} with images {@code order[from..from+n)} of
   * {@code split} as they are (evaluation).
   */
  static void fill(LabeledImages split, int[] order, int from, int n, float[] x, float[] y) {
    for (int b = 0; b < n; b++) {
      int i = order[from + b];
      split.images().copyScaled(i, x, b * ModelContract.PIXELS);
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
