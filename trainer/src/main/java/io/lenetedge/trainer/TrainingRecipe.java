package io.lenetedge.trainer;

/**
 * Everything that decides a training run. Build with {@link #builder()}; the defaults are the
 * project's recipe (the one that produced the shipped model).
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

  /** Fluent builder: {@code set*}-less, every value has a default; {@code opt*} overrides it. */
  public static final class Builder {
    private int epochs = 20;
    private int batchSize = 128;
    private float learningRate = 3e-3f;
    private long seed = 42;
    private int validationSize = 5000;
    private boolean augment = true;
    private float dropout = 0.25f;
    private DeviceChoice device = DeviceChoice.AUTO;
    private int maxBatchesPerEpoch;

    private Builder() {}

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
        throw new IllegalArgumentException("--lr must be in (0,1), got " + lr);
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
        throw new IllegalArgumentException("--val-size must be in [1,59999], got " + size);
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
        throw new IllegalArgumentException("--" + name + " must be at least 1, got " + value);
      }
      return value;
    }
  }
}
