package io.lenetedge.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.lenetedge.common.UserError;
import io.lenetedge.edge.CliRun;
import io.lenetedge.edge.TestModels;
import io.lenetedge.onnx.LeNetGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval} on the MNIST test set: the shipped model scores what its card says. */
class EvalCommandTest {
  static final Path IMAGES = MnistRenders.MNIST.resolve("t10k-images-idx3-ubyte");
  static final Path LABELS = MnistRenders.MNIST.resolve("t10k-labels-idx1-ubyte");
  @TempDir Path dir;

  static double cardAccuracy() throws Exception {
    return JsonParser.parseString(Files.readString(Path.of("../models/model-card.json")))
        .getAsJsonObject().get("onnxTestAccuracy").getAsDouble();
  }

  static int correct(CliRun r) {
    Matcher m = Pattern.compile("\\((\\d+) of 10000 correct\\)").matcher(r.out());
    assertTrue(m.find(), r.out());
    return Integer.parseInt(m.group(1));
  }

  @Test
  void shippedModelScoresExactlyTheExportersAccuracy() throws Exception {
    CliRun r = CliRun.of("eval", "--ep", "cpu", "--images", IMAGES.toString(), "--labels", LABELS.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(Math.round(cardAccuracy() * 10000), correct(r));
    assertTrue(r.out().contains(String.format(Locale.ROOT, "accuracy: %.2f %%", 100 * cardAccuracy())), r.out());
    assertTrue(r.out().contains("confusion matrix"), r.out());
    assertTrue(r.out().matches("(?s).*throughput: [\\d,]+ images/s.*"), r.out());
  }

  @Test
  void aModelWithOtherNamesFixedBatchOneAndByteInputScoresTheSame() throws Exception {
    LeNetGraph other = LeNetGraph.builder().optInputName("input_0").optLogitsName("output_0")
        .optProbabilitiesName(null).optFixedBatch(1).optInputScale(255f).build();
    Path file = TestModels.write(dir.resolve("other.onnx"), other, TestModels.shippedWeights());
    CliRun r = CliRun.of("eval", "--ep", "cpu", "--model", file.toString(), "--input-range", "255",
        "--images", IMAGES.toString(), "--labels", LABELS.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(Math.round(cardAccuracy() * 10000), correct(r));
  }

  @Test
  void mismatchedLabelsAreAnInputError() throws Exception {
    byte[] hundred = Arrays.copyOf(Files.readAllBytes(LABELS), 108);
    hundred[6] = 0;
    hundred[7] = 100;
    Path cut = Files.write(dir.resolve("labels"), hundred);
    CliRun r = CliRun.of("eval", "--images", IMAGES.toString(), "--labels", cut.toString())
        .assertNoStackTrace();
    assertEquals(UserError.Kind.INPUT.exitCode(), r.exit());
    assertTrue(r.err().contains("10000 images but 100 labels"), r.err());
  }

  @Test
  void missingImagesFileIsAnInputError() {
    CliRun r = CliRun.of("eval", "--images", dir.resolve("none").toString(), "--labels",
        LABELS.toString()).assertNoStackTrace();
    assertEquals(UserError.Kind.INPUT.exitCode(), r.exit());
    assertTrue(r.err().contains("none: file not found"), r.err());
  }
}
