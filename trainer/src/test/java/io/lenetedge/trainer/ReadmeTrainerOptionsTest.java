package io.lenetedge.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lenetedge.testkit.ReadmeOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's option tables for the trainer say what its commands take. */
class ReadmeTrainerOptionsTest {
  private static final Path README = Path.of("..", "README.md");

  @Test
  void tablesMatchTheCommands() {
    assertFalse(ReadmeOptions.tables(README).stream().noneMatch(t -> t.program().equals("trainer")),
        "the README has a table for trainer train");
    assertEquals(List.of(), ReadmeOptions.problems(README, "trainer", TrainerCli.commandLine()));
  }
}
