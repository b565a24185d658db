package io.lenetedge.trainer;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.Logits;
import io.lenetedge.common.MnistData;
import io.lenetedge.common.ModelContract;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains {@link LeNet5} with Adam and a cosine learning-rate schedule, evaluates every epoch on
 * the validation split and the test set, and hands the best epoch's parameters (by validation
 * accuracy) to a {@link CheckpointSink}.
 */
public final class LeNetTrainer {
  private static final int EVAL_BATCH = 1000;

  private final TrainingRecipe recipe;
  private final TrainingListener listener;

  public LeNetTrainer(TrainingRecipe recipe, TrainingListener listener) {
    this.recipe = recipe;
    this.listener = listener;
  }

  /** Receives the parameters of each new best epoch. */
  @FunctionalInterface
  public interface CheckpointSink {
    void save(Block block, EpochResult epoch);
  }

  /** What a run produced. */
  public record Outcome(List<EpochResult> epochs, EpochResult best, String device) {}

  /** Runs the whole recipe on {@code data}. */
  public Outcome train(MnistData data, CheckpointSink sink) {
    Engine engine = Engine.getEngine("PyTorch");
    engine.setRandomSeed((int) recipe.seed());
    Device device = Devices.resolve(recipe.device(), engine);
    TrainingData split = data(data);
    SplittableRandom rng = new SplittableRandom(recipe.seed());
    Augmenter augmenter = !recipe.augment() ? null
        : recipe.distort() ? Augmenter.distorting() : Augmenter.standard();
    int batchesPerEpoch = batchesPerEpoch(split.epochSize());

    try (Model model = Model.newInstance("lenet5", device, "PyTorch")) {
      model.setBlock(LeNet5.builder().optDropout(recipe.dropout()).build().newBlock());
      Tracker lr = CosineTracker.builder()
          .setBaseValue(recipe.learningRate())
          .optFinalValue(recipe.learningRate() * 0.01f)
          .setMaxUpdates(Math.max(1, batchesPerEpoch * recipe.epochs()))
          .build();
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(lr).build())
          .optDevices(new Device[] {device});
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(1, 1, ModelContract.IMAGE_SIZE, ModelContract.IMAGE_SIZE));
        if (recipe.from() != null) {
          Checkpoint.loadParameters(model.getBlock(), recipe.from(), trainer.getManager());
          listener.notice("starting from the parameters of " + recipe.from());
        }
        List<EpochResult> epochs = new ArrayList<>();
        EpochResult best = null;
        for (int epoch = 1; epoch <= recipe.epochs(); epoch++) {
          EpochResult result = runEpoch(trainer, split, epoch, batchesPerEpoch, augmenter, rng, lr);
          epochs.add(result);
          boolean improved = best == null || !recipe.keepBest()
              || result.validationAccuracy() > best.validationAccuracy();
          if (improved) {
            best = result;
            sink.save(model.getBlock(), result);
          }
          listener.epochDone(result, improved);
        }
        return new Outcome(epochs, best, device.toString());
      }
    }
  }

  /**
   * MNIST and, as the recipe says, style variants, font digits, scanned and enlarged digits and
   * the user's images.
   */
  private TrainingData data(MnistData data) {
    TrainingData split = new TrainingData(data, recipe.validationSize(), recipe.seed())
        .withStyles(recipe.styles());
    if (recipe.mnistPerEpoch() > 0) {
      split.limitMnist(recipe.mnistPerEpoch());
    }
    int mnist = recipe.mnistPerEpoch() > 0 ? Math.min(recipe.mnistPerEpoch(), split.trainSize())
        : split.trainSize();
    if (recipe.fonts() != null) {
      draw(split, ImagePool.fonts(recipe.fonts(), recipe.seed()), recipe.fontShare(), mnist);
    }
    // a short run (max batches per epoch) never prepares more digits than it trains on
    int count = recipe.maxBatchesPerEpoch() > 0
        ? Math.min(ImagePool.DRAWN_DIGITS, recipe.maxBatchesPerEpoch() * recipe.batchSize())
        : ImagePool.DRAWN_DIGITS;
    if (recipe.scanShare() > 0) {
      draw(split, ImagePool.scans(data.train(), split.trainIndices(), count, recipe.seed(),
          recipe.styles()), recipe.scanShare(), mnist);
    }
    if (recipe.enlargedShare() > 0) {
      draw(split, ImagePool.enlarged(data.train(), split.trainIndices(), count, recipe.seed(),
          recipe.styles()), recipe.enlargedShare(), mnist);
    }
    if (recipe.extra() != null) {
      ImagePool extra = ImagePool.extra(recipe.extra(), listener::notice);
      int repeats = Math.max(1, Math.round(recipe.extraShare() * mnist / extra.size()));
      split.withExtra(extra, repeats);
      listener.notice("extra: " + extra.name() + " (per digit " + java.util.Arrays.toString(
          extra.perDigit()) + "), each " + repeats + " times per epoch");
    }
    return split;
  }

  private void draw(TrainingData split, ImagePool pool, float share, int mnist) {
    int draws = Math.round(share * mnist);
    split.withDraws(pool, draws);
    listener.notice(pool.size() + " " + pool.name() + ", " + draws + " per epoch");
  }

  private int batchesPerEpoch(int trainSize) {
    int all = (trainSize + recipe.batchSize() - 1) / recipe.batchSize();
    return recipe.maxBatchesPerEpoch() > 0 ? Math.min(all, recipe.maxBatchesPerEpoch()) : all;
  }

  private EpochResult runEpoch(Trainer trainer, TrainingData split, int epoch, int batches,
      Augmenter augmenter, SplittableRandom rng, Tracker lr) {
    int[] order = split.epochOrder(rng);
    int batchSize = recipe.batchSize();
    float[] x = new float[batchSize * ModelContract.PIXELS];
    float[] y = new float[batchSize];
    int images = Math.min(order.length, batches * batchSize);
    listener.epochStarted(epoch, recipe.epochs(), images);
    double lossSum = 0;
    long correct = 0;
    int seen = 0;
    long start = System.nanoTime();
    for (int b = 0; b < batches; b++) {
      int n = Math.min(batchSize, order.length - b * batchSize);
      split.fill(order, b * batchSize, n, x, y, augmenter, rng);
      try (NDManager batch = trainer.getManager().newSubManager()) {
        NDArray input = batch.create(FloatBuffer.wrap(x, 0, n * ModelContract.PIXELS), imageShape(n));
        NDArray labels = batch.create(FloatBuffer.wrap(y, 0, n), new Shape(n));
        float[] logits;
        try (GradientCollector gc = trainer.newGradientCollector()) {
          NDList out = trainer.forward(new NDList(input));
          NDArray loss = trainer.getLoss().evaluate(new NDList(labels), out);
          gc.backward(loss);
          lossSum += loss.getFloat() * n;
          logits = out.singletonOrThrow().toFloatArray();
        }
        trainer.step();
        correct += countCorrect(logits, y, n);
      }
      seen += n;
      double elapsed = (System.nanoTime() - start) / 1e9;
      listener.batchDone(seen, lossSum / seen, (double) correct / seen, seen / elapsed);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int[] validation = split.validationIndices();
    double valAccuracy = accuracy(trainer, split.trainSplit(), validation);
    double testAccuracy = accuracy(trainer, split.testSplit(), null);
    int updates = epoch * batches;
    return new EpochResult(epoch, lossSum / seen, (double) correct / seen, valAccuracy,
        testAccuracy, seconds, seen / seconds, lr.getNewValue(updates));
  }

  /** Accuracy of the current parameters on {@code indices} of {@code split} (all when null). */
  static double accuracy(Trainer trainer, LabeledImages split, int[] indices) {
    int[] order = indices != null ? indices : identity(split.size());
    float[] x = new float[EVAL_BATCH * ModelContract.PIXELS];
    float[] y = new float[EVAL_BATCH];
    long correct = 0;
    for (int from = 0; from < order.length; from += EVAL_BATCH) {
      int n = Math.min(EVAL_BATCH, order.length - from);
      TrainingData.fill(split, order, from, n, x, y);
      try (NDManager batch = trainer.getManager().newSubManager()) {
        NDArray input = batch.create(FloatBuffer.wrap(x, 0, n * ModelContract.PIXELS), imageShape(n));
        float[] logits = trainer.evaluate(new NDList(input)).singletonOrThrow().toFloatArray();
        correct += countCorrect(logits, y, n);
      }
    }
    return (double) correct / order.length;
  }

  private static int countCorrect(float[] logits, float[] labels, int n) {
    int correct = 0;
    for (int i = 0; i < n; i++) {
      correct += Logits.argmax(logits, i) == (int) labels[i] ? 1 : 0;
    }
    return correct;
  }

  private static Shape imageShape(int n) {
    return new Shape(n, 1, ModelContract.IMAGE_SIZE, ModelContract.IMAGE_SIZE);
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }
}
