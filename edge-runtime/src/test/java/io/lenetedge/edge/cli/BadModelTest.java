package io.lenetedge.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
import io.lenetedge.edge.CliRun;
import io.lenetedge.edge.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of model that does not fit: one message naming expected and actual, exit code 3. */
class BadModelTest {
  @TempDir Path dir;

  private static CliRun info(Path model) {
    CliRun r = CliRun.of("info", "--ep", "cpu", "--model", model.toString()).assertNoStackTrace();
    assertEquals(UserError.Kind.MODEL.exitCode(), r.exit(), r.out() + r.err());
    return r;
  }

  private static void assertMentions(CliRun r, String... words) {
    for (String w : words) {
      assertTrue(r.err().contains(w), "'" + w + "' missing from: " + r.err());
    }
  }

  @Test
  void missingFile() {
    assertMentions(info(dir.resolve("nope.onnx")), "nope.onnx", "not found");
  }

  @Test
  void emptyFile() throws IOException {
    assertMentions(info(Files.write(dir.resolve("empty.onnx"), new byte[0])), "empty", "0 bytes");
  }

  @Test
  void truncatedFile() throws IOException {
    byte[] shipped = Files.readAllBytes(TestModels.SHIPPED);
    Path cut = Files.write(dir.resolve("cut.onnx"), Arrays.copyOf(shipped, shipped.length / 2));
    assertMentions(info(cut), "cut.onnx", "cannot load");
  }

  @Test
  void corruptBytes() throws IOException {
    byte[] noise = new byte[4096];
    new SplittableRandom(1).nextBytes(noise);
    assertMentions(info(Files.write(dir.resolve("noise.onnx"), noise)), "noise.onnx", "cannot load");
  }

  @Test
  void notOnnxAtAll() throws IOException {
    assertMentions(info(Files.writeString(dir.resolve("notes.onnx"), "just some text\n")),
        "notes.onnx", "cannot load");
  }

  @Test
  void wrongRank() throws IOException {
    assertMentions(info(TestModels.write(dir.resolve("flat.onnx"), TestModels.flatInput())),
        "pixels", "[N,784]", "expected [N,1,28,28]");
  }

  @Test
  void nonFloatInput() throws IOException {
    assertMentions(info(TestModels.write(dir.resolve("int.onnx"), TestModels.int64Input())),
        "INT64", "expected FLOAT");
  }

  @Test
  void fewerThanTenClasses() throws IOException {
    assertMentions(info(TestModels.write(dir.resolve("five.onnx"), TestModels.fewClasses(5))),
        "5 classes", "at least 10");
  }

  @Test
  void theShippedModelFits() {
    CliRun r = CliRun.of("info", "--ep", "cpu");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("image FLOAT [N,1,28,28]"), r.out());
    assertTrue(r.out().contains("accuracy.test = "), r.out());
    assertTrue(r.out().contains("CPU: compiled in, usable"), r.out());
  }
}
