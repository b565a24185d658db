package io.lenetedge.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
import io.lenetedge.edge.CliRun;
import io.lenetedge.testkit.CliFailuresContract;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The edge runtime fails the one way: user errors by kind, anything else as a bug. */
class EdgeCliFailuresTest extends CliFailuresContract {
  @Override
  protected CommandLine commandLine() {
    return EdgeCli.commandLine();
  }

  @Override
  protected int execute(CommandLine cli, String... args) {
    return EdgeCli.execute(cli, args);
  }

  @Override
  protected Set<UserError.Kind> kinds() {
    return Set.of(UserError.Kind.values());
  }

  @Override
  protected String success() {
    return "ok";
  }

  @Test
  void debugBeforeTheVerbWorksToo() {
    Run r = run(() -> new IllegalStateException("closed"), "--debug", "fail");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("\tat " + Fail.class.getName()), r.err());
  }

  @Test
  void aConfigFileErrorKeepsItsLineAndExitCode() {
    CliRun r = CliRun.of("run", "--config", "/nonexistent/edge.properties").assertNoStackTrace();
    assertEquals(UserError.Kind.USAGE.exitCode(), r.exit());
    assertEquals("error: --config /nonexistent/edge.properties: no such file", r.err().strip());
  }

  @Test
  void everyVerbTakesDebug() {
    for (String verb : new String[] {"run", "info", "classify", "eval", "bench", "install-model"}) {
      assertTrue(CliRun.of(verb, "--help").out().contains("--debug"), verb);
    }
  }
}
