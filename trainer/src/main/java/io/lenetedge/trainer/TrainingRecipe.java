package io.lenetedge.trainer;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import java.nio.file.Path;

/**
 * Everything that decides a training run. Build with {@link #builder()}; the defaults are the
 * project's recipe (the one that produced the shipped model). Each source of training data beyond
 * MNIST is a switch: distortions (slant, elastic warps, stroke width) on top of the affine
 * augmentation, style variants drawn onto MNIST digits, digits drawn from fonts, MNIST digits as
 * a low-resolution scan records them, MNIST digits enlarged as a tight crop or a high-resolution
 * scan gives them, and a user's own images; a fine-tuning run starts from another run's
 * parameters.
 */
public final class TrainingRecipe {
  private final int epochs;
  private final int batchSize;
  private final float learningRate;
  private final long seed;
  private final int validationSize;
  private final boolean augment;
  private final float dropout;
  private final DeviceChoice device;
  private final int maxBatchesPerEpoch;
  private final boolean distort;
  private final boolean styles;
  private final Path fonts;
  private final float fontShare;
  private final float scanShare;
  private final float enlargedShare;
  private final Path extra;
  private final float extraShare;
  private final int mnistPerEpoch;
  private final Path from;
  private final Kept kept;

  private TrainingRecipe(Builder b) {
    this.epochs = b.epochs;
    this.batchSize = b.batchSize;
    this.learningRate = b.learningRate;
    this.seed = b.seed;
    this.validationSize = b.validationSize;
    this.augment = b.augment;
    this.dropout = b.dropout;
    this.device = b.device;
    this.maxBatchesPerEpoch = b.maxBatchesPerEpoch;
    this.distort = b.distort;
    this.styles = b.styles;
    this.fonts = b.fonts;
    this.fontShare = b.fontShare;
    this.scanShare = b.scanShare;
    this.enlargedShare = b.enlargedShare;
    this.extra = b.extra;
    this.extraShare = b.extraShare;
    this.mnistPerEpoch = b.mnistPerEpoch;
    this.from = b.from;
    this.kept = b.kept;
  }

  /** Which epoch a run keeps. */
  public enum Kept {
    /** The epoch with the best validation accuracy. */
    BEST,
    /** The last epoch, once the learning rate has decayed. */
    LAST;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Keep the epoch with the best validation accuracy (true), or the last epoch. */
  public boolean keepBest() {
    return kept == Kept.BEST;
  }

  public Kept kept() {
    return kept;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int epochs() {
    return epochs;
  }

  public int batchSize() {
    return batchSize;
  }

  /** Peak learning rate; a cosine schedule takes it to zero over the run. */
  public float learningRate() {
    return learningRate;
  }

  public long seed() {
    return seed;
  }

  /** Images held out of the 60,000 for choosing the best epoch. */
  public int validationSize() {
    return validationSize;
  }

  public boolean augment() {
    return augment;
  }

  public float dropout() {
    return dropout;
  }

  public DeviceChoice device() {
    return device;
  }

  /** Batches per epoch at most (0 = all); short runs in tests. */
  public int maxBatchesPerEpoch() {
    return maxBatchesPerEpoch;
  }

  /** Slant, elastic warps and stroke-width changes on top of the affine augmentation. */
  public boolean distort() {
    return distort;
  }

  /** Crossed 7s, European 1s, tailed 9s and closed 4s drawn onto MNIST's digits. */
  public boolean styles() {
    return styles;
  }

  /** The fonts folder digits are drawn from ({@code scripts/fetch-fonts.sh}); null for none. */
  public Path fonts() {
    return fonts;
  }

  /** Font digits drawn into each epoch, as a fraction of its MNIST images. */
  public float fontShare() {
    return fontShare;
  }

  /**
   * MNIST training digits as a low-resolution scan records them ({@link
   * io.lenetedge.image.BlockScan}), drawn into each epoch as a fraction of its MNIST images; 0
   * for none.
   */
  public float scanShare() {
    return scanShare;
  }

  /**
   * MNIST training digits enlarged 2 to 10 times ({@link io.lenetedge.image.Enlargement}), drawn
   * into each epoch as a fraction of its MNIST images; 0 for none.
   */
  public float enlargedShare() {
    return enlargedShare;
  }

  /** A user's images ({@code DIR/0} ... {@code DIR/9}); null for none. */
  public Path extra() {
    return extra;
  }

  /** How much of each epoch the user's images make up, repeated as often as that takes. */
  public float extraShare() {
    return extraShare;
  }

  /** MNIST images per epoch at most (0 = all); a fine-tuning run takes a reminder of MNIST. */
  public int mnistPerEpoch() {
    return mnistPerEpoch;
  }

  /** The run folder whose parameters this run starts from (fine-tuning); null to start afresh. */
  public Path from() {
    return from;
  }

  /** Fluent builder: {@code set*}-less, every value has a default; {@code opt*} overrides it. */
  public static final class Builder {
    private int epochs = 100;
    private int batchSize = 128;
    private float learningRate = 3e-3f;
    private long seed = 42;
    private int validationSize = 5000;
    private boolean augment = true;
    private float dropout = 0.25f;
    private DeviceChoice device = DeviceChoice.AUTO;
    private int maxBatchesPerEpoch;
    private boolean distort = true;
    private boolean styles = true;
    private Path fonts;
    private float fontShare = 0.05f;
    private float scanShare = 0.1f;
    private float enlargedShare;
    private Path extra;
    private float extraShare = 0.1f;
    private int mnistPerEpoch;
    private Path from;
    private Kept kept = Kept.LAST;

    private Builder() {}

    public Builder optKept(Kept kept) {
      this.kept = java.util.Objects.requireNonNull(kept, "kept");
      return this;
    }

    public Builder optDistort(boolean distort) {
      this.distort = distort;
      return this;
    }

    public Builder optStyles(boolean styles) {
      this.styles = styles;
      return this;
    }

    /** The fonts folder ({@code scripts/fetch-fonts.sh}); null, the default, trains without font digits. */
    public Builder optFonts(Path fonts) {
      this.fonts = fonts;
      return this;
    }

    public Builder optFontShare(float share) {
      this.fontShare = share("font-share", share);
      return this;
    }

    /** Scanned MNIST digits per epoch as a fraction of its MNIST images; 0 for none. */
    public Builder optScanShare(float share) {
      this.scanShare = share == 0 ? 0 : share("scan-share", share);
      return this;
    }

    /** Enlarged MNIST digits per epoch as a fraction of its MNIST images; 0 for none. */
    public Builder optEnlargedShare(float share) {
      this.enlargedShare = share == 0 ? 0 : share("enlarged-share", share);
      return this;
    }

    public Builder optExtra(Path extra) {
      this.extra = extra;
      return this;
    }

    public Builder optExtraShare(float share) {
      this.extraShare = share("extra-share", share);
      return this;
    }

    public Builder optMnistPerEpoch(int n) {
      this.mnistPerEpoch = Math.max(0, n);
      return this;
    }

    public Builder optFrom(Path from) {
      this.from = from;
      return this;
    }

    private static float share(String name, float v) {
      if (!(v > 0 && v <= 10)) {
        throw new UserError(USAGE, "--" + name + " must be in (0,10], got " + v);
      }
      return v;
    }

    public Builder optEpochs(int epochs) {
      this.epochs = positive("epochs", epochs);
      return this;
    }

    public Builder optBatchSize(int batchSize) {
      this.batchSize = positive("batch", batchSize);
      return this;
    }

    public Builder optLearningRate(float lr) {
      if (!(lr > 0 && lr < 1)) {
        throw new UserError(USAGE, "--lr must be in (0,1), got " + lr);
      }
      this.learningRate = lr;
      return this;
    }

    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder optValidationSize(int size) {
      if (size < 1 || size >= 60000) {
        throw new UserError(USAGE, "--val-size must be in [1,59999], got " + size);
      }
      this.validationSize = size;
      return this;
    }

    public Builder optAugment(boolean augment) {
      this.augment = augment;
      return this;
    }

    public Builder optDropout(float dropout) {
      LeNet5.builder().optDropout(dropout);
      this.dropout = dropout;
      return this;
    }

    public Builder optDevice(DeviceChoice device) {
      this.device = device;
      return this;
    }

    public Builder optMaxBatchesPerEpoch(int batches) {
      this.maxBatchesPerEpoch = Math.max(0, batches);
      return this;
    }

    public TrainingRecipe build() {
      return new TrainingRecipe(this);
    }

    private static int positive(String name, int value) {
      if (value < 1) {
        throw new UserError(USAGE, "--" + name + " must be at least 1, got " + value);
      }
      return value;
    }
  }
}
