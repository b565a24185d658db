package io.lenetedge.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lenetedge.testkit.ReadmeOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's option tables for the edge runtime say what its verbs take. */
class ReadmeEdgeOptionsTest {
  private static final Path README = Path.of("..", "README.md");

  @Test
  void tablesMatchTheCommands() {
    assertFalse(ReadmeOptions.tables(README).stream().noneMatch(t -> t.program().equals("edge-runtime")),
        "the README has a table for an edge-runtime verb");
    assertEquals(List.of(), ReadmeOptions.problems(README, "edge-runtime", EdgeCli.commandLine()));
  }
}
