package io.lenetedge.trainer;

import static io.lenetedge.common.UserError.Kind.FAILED;

import ai.djl.engine.Engine;
import io.lenetedge.common.MnistData;
import io.lenetedge.common.UserError;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run into a run folder: trains, keeps the best epoch's parameters, then writes
 * {@code checkpoint.json}, {@code training-log.json} and {@code learning-curve.png}.
 */
public final class TrainingRun {
  public static final String LOG_FILE = "training-log.json";
  public static final String PLOT_FILE = "learning-curve.png";

  private final TrainingRecipe recipe;
  private final Path dir;

  public TrainingRun(TrainingRecipe recipe, Path dir) {
    this.recipe = recipe;
    this.dir = dir;
  }

  /** Creates the run folder {@code dir}; a UserError (FAILED) when it cannot be. */
  static void createFolder(Path dir) {
    try {
      java.nio.file.Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new UserError(FAILED, "cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  /** What the run left in its folder. */
  public record Result(LeNetTrainer.Outcome outcome, CheckpointDescription checkpoint) {}

  /** The log file's content. */
  record TrainingLog(CheckpointDescription.Recipe recipe, String device, int bestEpoch,
      List<EpochResult> epochs) {}

  public Result execute(MnistData data, TrainingListener listener) {
    createFolder(dir);
    String[] paramsSha = new String[1];
    LeNetTrainer.Outcome outcome = new LeNetTrainer(recipe, listener)
        .train(data, (block, epoch) -> paramsSha[0] = Checkpoint.saveParameters(block, dir));
    EpochResult best = outcome.best();
    CheckpointDescription description = new CheckpointDescription(
        CheckpointDescription.FORMAT_VERSION, "lenet5-avgpool-relu", LeNet5.LAYERS,
        LeNet5.PARAMETERS, List.of(1, 1, 28, 28), "[0,1] white digit on black",
        io.lenetedge.common.ModelContract.MEAN, io.lenetedge.common.ModelContract.STD, 2,
        recipe.dropout(), CheckpointDescription.PARAMETERS_FILE, paramsSha[0],
        data.canonical(), data.sha256(), CheckpointDescription.Recipe.of(recipe),
        outcome.epochs().size(), best.epoch(), best.validationAccuracy(), best.testAccuracy(),
        outcome.device(), versions(), Instant.now().toString());
    Checkpoint.saveDescription(description, dir);
    Checkpoint.writeJson(dir.resolve(LOG_FILE), new TrainingLog(
        CheckpointDescription.Recipe.of(recipe), outcome.device(), best.epoch(), outcome.epochs()));
    LearningCurvePlot.write(outcome.epochs(), best.epoch(), dir.resolve(PLOT_FILE));
    return new Result(outcome, description);
  }

  private static Map<String, String> versions() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("trainer", BuildInfo.version());
    v.put("djl", BuildInfo.djlVersion());
    v.put("pytorch", Engine.getEngine("PyTorch").getVersion());
    v.put("java", System.getProperty("java.version"));
    v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    return v;
  }
}
