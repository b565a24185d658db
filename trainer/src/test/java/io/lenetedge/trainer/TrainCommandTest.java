package io.lenetedge.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import io.lenetedge.common.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's answers to bad input: message, exit code, no stack trace. */
class TrainCommandTest {
  @TempDir Path tmp;

  private static TrainerRun run(String... args) {
    return TrainerRun.of(args);
  }


  private static void assertNoStackTrace(TrainerRun r) {
    assertFalse(r.err().contains("\tat "), "stack trace in: " + r.err());
    assertFalse(r.err().contains("Exception"), "exception name in: " + r.err());
  }

  @Test
  void missingDataFolderExitsWithDataErrorAndTheFix() {
    TrainerRun r = run("train", "--data", tmp.resolve("nothing").toString(), "--out", tmp.resolve("o").toString(), "--no-fonts");
    assertEquals(UserError.Kind.INPUT.exitCode(), r.exit());
    assertTrue(r.err().contains("fetch-mnist"), r.err());
    assertNoStackTrace(r);
  }

  @Test
  void truncatedFileIsNamed() throws IOException {
    Path data = Files.createDirectories(tmp.resolve("data"));
    for (String f : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
      Files.copy(RealMnist.dir().resolve(f), data.resolve(f));
    }
    byte[] labels = Files.readAllBytes(data.resolve("t10k-labels-idx1-ubyte"));
    Files.write(data.resolve("t10k-labels-idx1-ubyte"), Arrays.copyOf(labels, 5000));
    TrainerRun r = run("train", "--data", data.toString(), "--out", tmp.resolve("o").toString(), "--no-fonts");
    assertEquals(UserError.Kind.INPUT.exitCode(), r.exit());
    assertTrue(r.err().contains("t10k-labels-idx1-ubyte") && r.err().contains("truncated"), r.err());
    assertNoStackTrace(r);
    assertFalse(Files.exists(tmp.resolve("o").resolve(CheckpointDescription.FILE_NAME)));
  }

  @Test
  void missingFontsSayHowToFetchThemOrTrainWithout() {
    TrainerRun r = run("train", "--data", RealMnist.dir().toString(), "--out", tmp.resolve("f").toString(),
        "--fonts", tmp.resolve("no-fonts-here").toString());
    assertEquals(CommandLine.ExitCode.USAGE, r.exit());
    assertTrue(r.err().contains("scripts/fetch-fonts.sh") && r.err().contains("--no-fonts"), r.err());
    assertNoStackTrace(r);
  }

  @Test
  void unknownDeviceListsTheChoices() {
    TrainerRun r = run("train", "--out", tmp.toString(), "--device", "tpu", "--no-fonts");
    assertEquals(CommandLine.ExitCode.USAGE, r.exit());
    assertTrue(r.err().toLowerCase(java.util.Locale.ROOT).contains("[auto, cpu, gpu]"), r.err());
    assertNoStackTrace(r);
  }

  @Test
  void badNumbersAreUsageErrors() {
    assertEquals(CommandLine.ExitCode.USAGE, run("train", "--out", tmp.toString(), "--epochs", "0").exit());
    assertEquals(CommandLine.ExitCode.USAGE, run("train", "--out", tmp.toString(), "--lr", "-1").exit());
    assertEquals(CommandLine.ExitCode.USAGE, run("train", "--out", tmp.toString(), "--batch", "x").exit());
    assertEquals(CommandLine.ExitCode.USAGE, run("train").exit());
  }

  @Test
  void existingCheckpointIsNotOverwrittenWithoutForce() throws IOException {
    Files.writeString(tmp.resolve(CheckpointDescription.FILE_NAME), "{}");
    TrainerRun r = run("train", "--data", RealMnist.dir().toString(), "--out", tmp.toString(), "--no-fonts");
    assertEquals(CommandLine.ExitCode.USAGE, r.exit());
    assertTrue(r.err().contains("--force"), r.err());
    assertEquals("{}", Files.readString(tmp.resolve(CheckpointDescription.FILE_NAME)));
  }

  @Test
  void gpuWithoutAGpuSaysHowToGetOne() {
    BuildInfo.applyDjlDefaults();
    Assumptions.assumeTrue(Engine.getEngine("PyTorch").getGpuCount() == 0, "this machine has a GPU");
    TrainerRun r = run("train", "--data", RealMnist.dir().toString(), "--out", tmp.resolve("g").toString(),
        "--no-fonts",
        "--device", "gpu", "--epochs", "1", "--max-batches", "1", "--no-progress");
    assertEquals(UserError.Kind.PROVIDER.exitCode(), r.exit());
    assertTrue(r.err().contains("sees no GPU") && r.err().contains("-Dcuda"), r.err());
    assertNoStackTrace(r);
  }
}
