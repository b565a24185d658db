package io.lenetedge.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.lenetedge.common.MnistData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A few hundred steps on real MNIST: learning happens, runs repeat, checkpoints reload. */
class TrainingSmokeTest {
  static {
    BuildInfo.applyDjlDefaults();
  }

  @TempDir Path dir;

  private static TrainingRecipe shortRecipe(long seed) {
    return TrainingRecipe.builder().optEpochs(3).optBatchSize(64).optMaxBatchesPerEpoch(100)
        .optValidationSize(2000).optSeed(seed).optDevice(DeviceChoice.CPU).build();
  }

  private static final class Recorder implements TrainingListener {
    final List<Double> batchLosses = new ArrayList<>();

    @Override
    public void batchDone(int images, double meanLoss, double accuracy, double imagesPerSecond) {
      batchLosses.add(meanLoss);
    }
  }

  @Test
  void threeHundredStepsLearnAndTheCheckpointReloads() throws java.io.IOException {
    MnistData mnist = RealMnist.load();
    Recorder recorder = new Recorder();
    TrainingRun.Result result = new TrainingRun(shortRecipe(3), dir).execute(mnist, recorder);
    List<EpochResult> epochs = result.outcome().epochs();

    assertEquals(3, epochs.size());
    assertEquals(300, recorder.batchLosses.size());
    assertTrue(epochs.get(2).trainLoss() < 0.5 * epochs.get(0).trainLoss(),
        "loss should fall: " + epochs);
    assertTrue(result.outcome().best().validationAccuracy() > 0.9,
        "accuracy should be far above chance: " + result.outcome().best());

    CheckpointDescription d = Checkpoint.readDescription(dir);
    assertEquals(result.outcome().best().epoch(), d.bestEpoch());
    assertTrue(d.canonicalMnist());
    assertTrue(Files.size(dir.resolve(TrainingRun.PLOT_FILE)) > 10_000);
    assertTrue(Files.readString(dir.resolve(TrainingRun.LOG_FILE)).contains("validationAccuracy"));

    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      Block block = Checkpoint.loadBlock(dir, d, manager);
      double reloaded = accuracyOnTest(block, manager, mnist);
      assertEquals(d.testAccuracy(), reloaded, 1e-9, "reloaded checkpoint must score the same");
    }
  }

  @Test
  void sameSeedGivesTheSameRun() {
    MnistData mnist = RealMnist.load();
    TrainingRecipe recipe = TrainingRecipe.builder().optEpochs(1).optBatchSize(64)
        .optMaxBatchesPerEpoch(40).optValidationSize(1000).optSeed(11)
        .optDevice(DeviceChoice.CPU).build();
    Recorder first = new Recorder();
    Recorder second = new Recorder();
    new TrainingRun(recipe, dir.resolve("a")).execute(mnist, first);
    new TrainingRun(recipe, dir.resolve("b")).execute(mnist, second);
    assertArrayEquals(first.batchLosses.stream().mapToDouble(Double::doubleValue).toArray(),
        second.batchLosses.stream().mapToDouble(Double::doubleValue).toArray());
    assertEquals(Checkpoint.readDescription(dir.resolve("a")).parametersSha256(),
        Checkpoint.readDescription(dir.resolve("b")).parametersSha256());
  }

  private static double accuracy(float[] logits, byte[] labels) {
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      if (io.lenetedge.common.Logits.argmax(logits, i) == labels[i]) {
        correct++;
      }
    }
    return (double) correct / labels.length;
  }

  private static double accuracyOnTest(Block block, NDManager manager, MnistData mnist) {
    int n = mnist.test().size();
    float[] x = new float[n * 784];
    for (int i = 0; i < n; i++) {
      mnist.test().images().copyScaled(i, x, i * 784);
    }
    var input = manager.create(x, new ai.djl.ndarray.types.Shape(n, 1, 28, 28));
    float[] logits = block.forward(new ParameterStore(manager, false),
        new ai.djl.ndarray.NDList(input), false).singletonOrThrow().toFloatArray();
    return accuracy(logits, mnist.test().labels());
  }
}
