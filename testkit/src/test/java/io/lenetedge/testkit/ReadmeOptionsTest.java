package io.lenetedge.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The README check finds each kind of drift, and passes a true table. */
class ReadmeOptionsTest {
  @TempDir Path tmp;

  enum Colour { RED, GREEN }

  @Command(name = "paint", mixinStandardHelpOptions = true)
  static final class Paint {
    @Option(names = "--coats", defaultValue = "2") int coats;
    @Option(names = "--colour") Colour colour = Colour.RED;
    @Option(names = "--dry-run") boolean dryRun;
    @Option(names = "--wall", required = true) String wall;
    @Option(names = "--note") String note;
    @Option(names = "--secret", hidden = true) int secret;
  }

  @Command(name = "tool", subcommands = Paint.class)
  static final class Tool {}

  private List<String> problems(String... rows) throws IOException {
    StringBuilder readme = new StringBuilder("# Tool\n\n<!-- options: tool paint -->\n"
        + "| option | default | meaning |\n| --- | --- | --- |\n");
    for (String row : rows) {
      readme.append(row).append('\n');
    }
    Path file = tmp.resolve("README.md");
    Files.writeString(file, readme + "\nMore text.\n");
    return ReadmeOptions.problems(file, "tool", new CommandLine(new Tool()));
  }

  private static final String[] TRUE_ROWS = {
      "| `--coats N` | 2 | coats |", "| `--colour red\\|green` | RED | colour |",
      "| `--dry-run` | off | nothing painted |", "| `--wall NAME` | (required) | where |",
      "| `--note TEXT` | none | a note |"};

  @Test
  void aTrueTablePasses() throws IOException {
    assertEquals(List.of(), problems(TRUE_ROWS));
  }

  @Test
  void aWrongDefaultIsNamed() throws IOException {
    String[] rows = TRUE_ROWS.clone();
    rows[0] = "| `--coats N` | 3 | coats |";
    List<String> p = problems(rows);
    assertEquals(1, p.size(), p.toString());
    assertTrue(p.get(0).contains("--coats") && p.get(0).contains("\"2\""), p.get(0));
  }

  @Test
  void aMissingAndAnUnknownOptionAreNamed() throws IOException {
    String[] rows = TRUE_ROWS.clone();
    rows[2] = "| `--wet-run` | off | gone |";
    List<String> p = problems(rows);
    assertEquals(2, p.size(), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.contains("--wet-run is not an option")), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.contains("--dry-run is missing")), p.toString());
  }

  @Test
  void wrongChoicesAndAFlagWithADefaultAreNamed() throws IOException {
    String[] rows = TRUE_ROWS.clone();
    rows[1] = "| `--colour red\\|blue` | RED | colour |";
    rows[3] = "| `--wall NAME` | kitchen | where |";
    List<String> p = problems(rows);
    assertEquals(2, p.size(), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.contains("[blue, red]") && s.contains("[green, red]")),
        p.toString());
    assertTrue(p.stream().anyMatch(s -> s.contains("(required)")), p.toString());
  }
}
