package io.lenetedge.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.MnistFolder;
import io.lenetedge.common.UserError;
import io.lenetedge.trainer.BuildInfo;
import io.lenetedge.trainer.CheckpointDescription;
import io.lenetedge.trainer.DeviceChoice;
import io.lenetedge.trainer.TrainingListener;
import io.lenetedge.trainer.TrainingRecipe;
import io.lenetedge.trainer.TrainingRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The export command on a briefly trained checkpoint, and on broken ones. */
class ExportCommandTest {
  static Path mnist = Path.of(System.getProperty("mnist.dir", "../data/mnist"));
  @TempDir static Path shared;
  static Path trained;
  @TempDir Path tmp;

  private record Run(int exit, String out, String err) {}

  @BeforeAll
  static void trainBriefly() {
    BuildInfo.applyDjlDefaults();
    trained = shared.resolve("run");
    TrainingRecipe recipe = TrainingRecipe.builder().optEpochs(1).optMaxBatchesPerEpoch(60)
        .optDevice(DeviceChoice.CPU).build();
    new TrainingRun(recipe, trained).execute(MnistFolder.load(mnist, s -> {}), TrainingListener.NONE);
  }

  private static Run run(String... args) {
    CommandLine cli = ExporterCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return new Run(cli.execute(args), out.toString(), err.toString());
  }

  private Path copyOfCheckpoint() throws IOException {
    Path copy = tmp.resolve("copy");
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(trained)) {
      for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return copy;
  }

  private static void assertNoStackTrace(Run r) {
    assertFalse(r.err.contains("\tat "), r.err);
    assertFalse(r.err.contains("Exception"), r.err);
  }

  @Test
  void exportsVerifiesAndPrintsTheFigures() throws IOException {
    Path out = tmp.resolve("models/lenet5.onnx");
    Run r = run("--checkpoint", trained.toString(), "--out", out.toString(), "--data", mnist.toString());
    assertEquals(0, r.exit, r.err);
    assertTrue(Files.isRegularFile(out));
    assertTrue(r.out.contains("on 10000 images"), r.out);
    assertTrue(r.out.contains("argmax agrees on 10000/10000"), r.out);
    assertTrue(r.out.contains("SHA-256 " + io.lenetedge.common.Sha256.of(out)), r.out);
    try (Stream<Path> left = Files.list(out.getParent())) {
      assertEquals(1, left.count(), "no temporary files left behind");
    }
  }

  @Test
  void missingParameterFileIsACheckpointError() throws IOException {
    Path copy = copyOfCheckpoint();
    Files.delete(copy.resolve(CheckpointDescription.PARAMETERS_FILE));
    Run r = run("--checkpoint", copy.toString(), "--out", tmp.resolve("m.onnx").toString(),
        "--data", mnist.toString());
    assertEquals(UserError.Kind.MODEL.exitCode(), r.exit);
    assertTrue(r.err.contains("lenet5.params") && r.err.contains("missing"), r.err);
    assertNoStackTrace(r);
  }

  @Test
  void missingDescriptionSaysWhatARunFolderIs() {
    Run r = run("--checkpoint", tmp.toString(), "--out", tmp.resolve("m.onnx").toString(),
        "--data", mnist.toString());
    assertEquals(UserError.Kind.MODEL.exitCode(), r.exit);
    assertTrue(r.err.contains("checkpoint.json") && r.err.contains("trainer train"), r.err);
    assertNoStackTrace(r);
  }

  @Test
  void parametersOfTheWrongShapeAreACheckpointError() throws IOException {
    Path copy = copyOfCheckpoint();
    Path params = copy.resolve(CheckpointDescription.PARAMETERS_FILE);
    byte[] bytes = Files.readAllBytes(params);
    Files.write(params, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    String json = Files.readString(copy.resolve(CheckpointDescription.FILE_NAME));
    String oldSha = io.lenetedge.trainer.Checkpoint.GSON
        .fromJson(json, CheckpointDescription.class).parametersSha256();
    Files.writeString(copy.resolve(CheckpointDescription.FILE_NAME),
        json.replace(oldSha, io.lenetedge.common.Sha256.of(params)));
    Run r = run("--checkpoint", copy.toString(), "--out", tmp.resolve("m.onnx").toString(),
        "--data", mnist.toString());
    assertEquals(UserError.Kind.MODEL.exitCode(), r.exit);
    assertTrue(r.err.contains("expected shapes"), r.err);
    assertNoStackTrace(r);
  }

  @Test
  void tamperedParametersAreCaughtByTheirHash() throws IOException {
    Path copy = copyOfCheckpoint();
    Path params = copy.resolve(CheckpointDescription.PARAMETERS_FILE);
    byte[] bytes = Files.readAllBytes(params);
    bytes[bytes.length - 1] ^= 1;
    Files.write(params, bytes);
    Run r = run("--checkpoint", copy.toString(), "--out", tmp.resolve("m.onnx").toString(),
        "--data", mnist.toString());
    assertEquals(UserError.Kind.MODEL.exitCode(), r.exit);
    assertTrue(r.err.contains("SHA-256"), r.err);
  }

  @Test
  void anExportThatDisagreesWithTheTrainerFailsAndWritesNothing() throws IOException {
    Path copy = copyOfCheckpoint();
    Path json = copy.resolve(CheckpointDescription.FILE_NAME);
    CheckpointDescription d = io.lenetedge.trainer.Checkpoint.readDescription(copy);
    Files.writeString(json, Files.readString(json).replace(
        "\"testAccuracy\": " + d.testAccuracy(), "\"testAccuracy\": " + (d.testAccuracy() - 0.01)));
    Path out = tmp.resolve("m.onnx");
    Run r = run("--checkpoint", copy.toString(), "--out", out.toString(), "--data", mnist.toString());
    assertEquals(UserError.Kind.FAILED.exitCode(), r.exit, r.err);
    assertTrue(r.err.contains("differs from the trainer's"), r.err);
    assertFalse(Files.exists(out));
    assertNoStackTrace(r);
  }

  @Test
  void aCardThatCannotBeWrittenIsAFailedWriteNotACheckpointError() throws IOException {
    Path notAFolder = Files.writeString(tmp.resolve("file"), "");
    Run r = run("--checkpoint", trained.toString(), "--out", tmp.resolve("m.onnx").toString(),
        "--data", mnist.toString(), "--card", notAFolder.resolve("card.json").toString());
    assertEquals(UserError.Kind.FAILED.exitCode(), r.exit, r.err);
    assertTrue(r.err.contains("cannot write " + notAFolder), r.err);
    assertNoStackTrace(r);
  }
}
