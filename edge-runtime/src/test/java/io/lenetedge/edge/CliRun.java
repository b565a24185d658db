package io.lenetedge.edge;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lenetedge.edge.cli.EdgeCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the edge runtime's command line, in process, with its output captured. */
public record CliRun(int exit, String out, String err) {

  public static CliRun of(String... args) {
    CommandLine cli = EdgeCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = EdgeCli.execute(cli, args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  /** A user error prints one message, never a stack trace. */
  public CliRun assertNoStackTrace() {
    assertFalse(err.contains("\tat "), err);
    assertFalse(err.contains("Exception"), err);
    return this;
  }
}
