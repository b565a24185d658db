package io.lenetedge.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lenetedge.testkit.ReadmeOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's option tables for the exporter say what it takes. */
class ReadmeExporterOptionsTest {
  private static final Path README = Path.of("..", "README.md");

  @Test
  void tablesMatchTheCommands() {
    assertFalse(ReadmeOptions.tables(README).stream().noneMatch(t -> t.program().equals("exporter")),
        "the README has a table for the exporter");
    assertEquals(List.of(), ReadmeOptions.problems(README, "exporter", ExporterCli.commandLine()));
  }
}
