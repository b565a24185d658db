package io.lenetedge.exporter;

import io.lenetedge.common.LeNetWeights;
import io.lenetedge.common.ModelContract;
import io.lenetedge.common.ModelContract.Meta;
import io.lenetedge.onnx.ModelInfo;
import io.lenetedge.trainer.CheckpointDescription;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The model's self-description, from the checkpoint: producer, doc string and metadata_props. */
final class ExportMetadata {
  static final String PRODUCER = "lenet-edge exporter";

  private ExportMetadata() {}

  static ModelInfo of(CheckpointDescription d, LeNetWeights w, Instant created) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(Meta.ARCHITECTURE, d.architecture() + ": " + String.join(", ", d.layers()));
    m.put("parameters", String.valueOf(d.parameters()));
    m.put(Meta.INPUT_NAME, ModelContract.INPUT);
    m.put(Meta.INPUT_LAYOUT, "NCHW [N,1,28,28], N dynamic");
    m.put(Meta.INPUT_RANGE, "[0,1]");
    m.put(Meta.INPUT_POLARITY, "white digit on black (as MNIST)");
    m.put(Meta.NORMALIZATION, "inside the model: (x - mean) / std, then zero pad 2 (in conv1)");
    m.put(Meta.MEAN, String.valueOf(d.normalizationMean()));
    m.put(Meta.STD, String.valueOf(d.normalizationStd()));
    m.put(Meta.OUTPUT_LOGITS, ModelContract.OUTPUT_LOGITS);
    m.put(Meta.OUTPUT_PROBABILITIES, ModelContract.OUTPUT_PROBABILITIES);
    m.put(Meta.LABELS, String.join(",", ModelContract.LABELS));
    m.put("training.data", d.canonicalMnist() ? "MNIST (canonical files)" : "non-canonical IDX set");
    new TreeMap<>(d.dataSha256()).forEach((file, sha) -> m.put("training.data.sha256." + file, sha));
    m.put("accuracy.validation", fraction(d.validationAccuracy()));
    m.put("accuracy.test", fraction(d.testAccuracy()));
    m.put("training.epochs", String.valueOf(d.epochsRun()));
    m.put("training.best_epoch", String.valueOf(d.bestEpoch()));
    m.put("training.seed", String.valueOf(d.recipe().seed()));
    m.put("training.recipe", "adam lr " + d.recipe().learningRate() + " " + d.recipe().schedule()
        + ", batch " + d.recipe().batchSize() + ", dropout " + d.recipe().dropout()
        + ", augment " + d.recipe().augment() + ", val-size " + d.recipe().validationSize());
    d.versions().forEach((k, v) -> m.put("version." + k, v));
    m.put("version.exporter", ExporterBuildInfo.version());
    m.put("created", created.toString());
    m.put("created.note", "time the checkpoint was trained; exporting it again gives the same file");
    m.put(Meta.WEIGHTS_SHA256, w.sha256());
    String doc = String.format(Locale.ROOT, "LeNet-5 (ReLU, average pooling) MNIST digit classifier,"
        + " %d parameters. Input '%s' float [N,1,28,28] in [0,1], white digit on black;"
        + " normalisation inside. Outputs '%s' and '%s' [N,10]. Test accuracy %.2f %%.",
        d.parameters(), ModelContract.INPUT, ModelContract.OUTPUT_LOGITS,
        ModelContract.OUTPUT_PROBABILITIES, 100 * d.testAccuracy());
    return new ModelInfo(PRODUCER, ExporterBuildInfo.version(), 1, doc, m);
  }

  static String fraction(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

}
