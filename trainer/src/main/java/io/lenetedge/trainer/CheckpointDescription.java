package io.lenetedge.trainer;

import java.util.List;
import java.util.Map;

/**
 * {@code checkpoint.json}: what the exporter needs to rebuild and describe the trained network.
 * Accuracies are fractions in [0,1].
 */
public record CheckpointDescription(
    int formatVersion,
    String architecture,
    List<String> layers,
    long parameters,
    List<Integer> inputShape,
    String inputRange,
    float normalizationMean,
    float normalizationStd,
    int padding,
    float dropout,
    String parametersFile,
    String parametersSha256,
    boolean canonicalMnist,
    Map<String, String> dataSha256,
    Recipe recipe,
    int epochsRun,
    int bestEpoch,
    double validationAccuracy,
    double testAccuracy,
    String device,
    Map<String, String> versions,
    String created) {

  public static final int FORMAT_VERSION = 1;
  public static final String FILE_NAME = "checkpoint.json";
  public static final String PARAMETERS_FILE = "lenet5.params";

  /** The recipe the checkpoint was trained with. */
  public record Recipe(int epochs, int batchSize, float learningRate, String schedule, long seed,
      int validationSize, boolean augment, float dropout, String optimizer, boolean distort,
      boolean styles, String fonts, float fontShare, float scanShare, float enlargedShare,
      String extra, float extraShare, int mnistPerEpoch, String finetunedFrom, String keep) {

    static Recipe of(TrainingRecipe r) {
      return new Recipe(r.epochs(), r.batchSize(), r.learningRate(), "cosine to 1% over the run",
          r.seed(), r.validationSize(), r.augment(), r.dropout(), "adam", r.distort(), r.styles(),
          r.fonts() == null ? null : r.fonts().toString(), r.fontShare(), r.scanShare(),
          r.enlargedShare(), r.extra() == null ? null : r.extra().toString(), r.extraShare(),
          r.mnistPerEpoch(),
          r.from() == null ? null : r.from().toString(), r.kept().toString());
    }
  }
}
