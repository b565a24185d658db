package io.lenetedge.exporter;

import io.lenetedge.onnx.LeNetGraph;
import io.lenetedge.trainer.CheckpointDescription;
import java.util.List;

/**
 * {@code model-card.json}: the shipped file's identity and figures, as the exporter measured them.
 * Accuracies are fractions in [0,1].
 */
public record ModelCard(String file, String sha256, long bytes, long parameters, long irVersion,
    long opset, String input, List<String> outputs, double onnxTestAccuracy,
    double trainerTestAccuracy, double validationAccuracy, double maxAbsLogitDifference,
    int epochs, int bestEpoch, long seed, String created, List<String> reproduce) {

  /** The commands that make the shipped model from an empty checkout. */
  public static final List<String> REPRODUCE = List.of(
      "scripts/train.sh default",
      "java --enable-native-access=ALL-UNNAMED -jar exporter/target/exporter.jar"
          + " --checkpoint runs/default --out models/lenet5.onnx --card models/model-card.json");

  static ModelCard of(OnnxExport.Result r, CheckpointDescription d) {
    return new ModelCard(r.file().getFileName().toString(), r.sha256(), r.bytes(), d.parameters(),
        LeNetGraph.IR_VERSION, LeNetGraph.OPSET, "image float [N,1,28,28] in [0,1], white on black",
        List.of("logits [N,10]", "probabilities [N,10]"), r.verification().onnxAccuracy(),
        d.testAccuracy(), d.validationAccuracy(), r.verification().maxAbsLogitDifference(),
        d.epochsRun(), d.bestEpoch(), d.recipe().seed(), d.created(), REPRODUCE);
  }
}
