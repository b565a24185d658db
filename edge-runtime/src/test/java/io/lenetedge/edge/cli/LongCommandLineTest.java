package io.lenetedge.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.edge.bench.ColdStart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code classify *.png} over many files: a command line of many kilobytes, which ONNX Runtime's
 * start-up read with a recursion deeper than the main thread's stack (SIGSEGV, nothing printed).
 */
class LongCommandLineTest {
  @TempDir Path dir;

  @Test
  void classifyTakesTwentyKilobytesOfArguments() throws IOException, InterruptedException {
    Path folder = Files.createDirectories(dir.resolve("a-folder-with-a-long-name-as-photo-apps-make-"
        + "them-2026-12-02-kitchen-meter"));
    Path image = Files.copy(ColdStart.sampleImage(), folder.resolve("digit.pgm"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        "io.lenetedge.edge.Launcher", "classify", "--ep", "cpu"));
    int files = 20_000 / image.toString().length() + 1;
    for (int i = 0; i < files; i++) {
      command.add(image.toString());
    }
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "classify did not finish");
    assertEquals(0, p.exitValue(), "exit code (139: the JVM crashed)");
    assertEquals(files, out.lines().count());
  }
}
