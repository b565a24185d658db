package io.lenetedge.edge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.LeNetWeights;
import io.lenetedge.common.Sha256;
import io.lenetedge.edge.CliRun;
import io.lenetedge.edge.TestModels;
import io.lenetedge.onnx.LeNetGraph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code install-model}: validated completely, written so that no moment leaves a broken model. */
class InstallModelTest {
  @TempDir Path dir;
  Path models;
  byte[] shipped;
  Path a;
  Path b;

  @BeforeEach
  void twoGoodModels() throws IOException {
    models = dir.resolve("models");
    shipped = Files.readAllBytes(TestModels.SHIPPED);
    a = Files.write(dir.resolve("a.onnx"), shipped);
    // the same weights with another description: a second valid model with another SHA-256
    b = Files.write(dir.resolve("b.onnx"), new String(shipped, StandardCharsets.ISO_8859_1)
        .replace("Test accuracy", "Test Accuracy").getBytes(StandardCharsets.ISO_8859_1));
  }

  private CliRun install(String... args) {
    List<String> all = new ArrayList<>(List.of("install-model", "--models-dir", models.toString()));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new)).assertNoStackTrace();
  }

  private byte[] current() throws IOException {
    return Files.readAllBytes(models.resolve("current.onnx"));
  }

  @Test
  void aGoodModelIsInstalledAndTheOneBeforeKept() throws IOException {
    CliRun first = install(a.toString(), "--sha256", Sha256.of(shipped));
    assertEquals(0, first.exit(), first.err());
    assertTrue(first.out().contains("built-in check set: 180 of 180"), first.out());
    assertArrayEquals(shipped, current());
    CliRun second = install(b.toString());
    assertEquals(0, second.exit(), second.err());
    assertArrayEquals(Files.readAllBytes(b), current());
    assertArrayEquals(shipped, Files.readAllBytes(models.resolve("previous.onnx")));
    CliRun back = install("--rollback");
    assertEquals(0, back.exit(), back.err());
    assertArrayEquals(shipped, current());
    assertArrayEquals(Files.readAllBytes(b), Files.readAllBytes(models.resolve("previous.onnx")));
    assertEquals(List.of("current.onnx", "previous.onnx"), names(models));
  }

  @Test
  void refusedModelsChangeNothingOnDisk() throws IOException {
    assertEquals(0, install(a.toString()).exit());
    byte[] before = current();
    CliRun wrongSha = install(b.toString(), "--sha256", "00".repeat(32));
    assertEquals(3, wrongSha.exit());
    assertTrue(wrongSha.err().contains("not the 0000"), wrongSha.err());
    byte[] flipped = shipped.clone();
    flipped[flipped.length / 2] ^= 0x04;
    CliRun damaged = install(Files.write(dir.resolve("damaged.onnx"), flipped).toString());
    assertEquals(3, damaged.exit(), damaged.err());
    CliRun junk = install(Files.writeString(dir.resolve("junk.onnx"), "not a model").toString());
    assertEquals(3, junk.exit(), junk.err());
    CliRun worse = install(worseModel().toString());
    assertEquals(3, worse.exit(), worse.err());
    assertTrue(worse.err().contains("points worse"), worse.err());
    assertArrayEquals(before, current());
    assertEquals(List.of("current.onnx"), names(models), "nothing but the current model");
    assertEquals(2, install("--rollback").exit(), "no previous model to roll back to");
  }

  /** The process killed after each step of an install: the current model is the old or the new. */
  @Test
  void aPowerCutAtAnyStepLeavesTheOldOrTheNewModel() throws Exception {
    assertEquals(0, install(a.toString()).exit());
    byte[] newBytes = Files.readAllBytes(b);
    for (int step = 1; step <= 4; step++) {
      assertEquals(0, install(a.toString()).exit());
      Process p = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Dlenet.edge.install.halt-after=" + step, "-cp", System.getProperty("java.class.path"),
          "io.lenetedge.edge.Launcher", "install-model", "--models-dir", models.toString(), b.toString())
          .redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS));
      assertEquals(137, p.exitValue(), "killed after step " + step);
      byte[] now = current();
      boolean oldOrNew = java.util.Arrays.equals(now, shipped) || java.util.Arrays.equals(now, newBytes);
      assertTrue(oldOrNew, "after step " + step + " current.onnx is neither model");
      assertEquals(step == 4, java.util.Arrays.equals(now, newBytes), "after step " + step);
      CliRun check = CliRun.of("info", "--ep", "cpu", "--model", models.resolve("current.onnx").toString());
      assertEquals(0, check.exit(), check.err());
    }
    assertEquals(0, install(b.toString()).exit());
    assertFalse(names(models).stream().anyMatch(n -> n.startsWith(".")), "temporary files left: " + names(models));
  }

  private Path worseModel() throws IOException {
    LeNetWeights w = TestModels.shippedWeights();
    List<float[]> arrays = new ArrayList<>(w.arrays());
    SplittableRandom rng = new SplittableRandom(3);
    float[] logits = arrays.get(8).clone();
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) rng.nextGaussian();
    }
    arrays.set(8, logits);
    return TestModels.write(dir.resolve("worse.onnx"), LeNetGraph.builder().build(), LeNetWeights.of(arrays));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
