package io.lenetedge.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
import io.lenetedge.common.cli.Failures;
import io.lenetedge.edge.CliRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The edge runtime fails the one way: user errors by kind, anything else as a bug. */
class EdgeCliFailuresTest {
  /** A verb added for the test, so that any exception can come out of the runtime's CLI. */
  @Command(name = "fail")
  record Fail(Supplier<RuntimeException> failure) implements Callable<Integer> {
    @Override
    public Integer call() {
      throw failure.get();
    }
  }

  @AfterEach
  void removeTraceFile() throws IOException {
    Files.deleteIfExists(Failures.traceFile());
  }

  private static CliRun run(Supplier<RuntimeException> failure, String... args) {
    CommandLine cli = EdgeCli.commandLine().addSubcommand(new Fail(failure));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = EdgeCli.execute(cli, args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  @ParameterizedTest
  @EnumSource(UserError.Kind.class)
  void aUserErrorIsOneLineWithItsKindsCode(UserError.Kind kind) {
    CliRun r = run(() -> new UserError(kind, "--source x: the fix"), "fail").assertNoStackTrace();
    assertEquals(kind.exitCode(), r.exit());
    assertEquals("error: --source x: the fix", r.err().strip());
  }

  @Test
  void aBugIsOneLineNamingTheFileThatHoldsItsTrace() throws IOException {
    CliRun r = run(() -> new IllegalArgumentException("window 3 of 2"), "fail");
    assertEquals(1, r.exit());
    assertEquals("error: internal error (a bug, please report it): IllegalArgumentException: window"
        + " 3 of 2; stack trace in " + Failures.traceFile(), r.err().strip());
    String trace = Files.readString(Failures.traceFile());
    assertTrue(trace.startsWith("java.lang.IllegalArgumentException: window 3 of 2"), trace);
    assertTrue(trace.contains("\tat " + Fail.class.getName()), trace);
  }

  @Test
  void debugPutsTheTraceOnStderrBeforeOrAfterTheVerb() {
    for (String[] args : new String[][] {{"--debug", "fail"}, {"fail", "--debug"}}) {
      CliRun r = run(() -> new IllegalStateException("closed"), args);
      assertEquals(1, r.exit());
      assertTrue(r.err().contains("\tat " + Fail.class.getName()), r.err());
      assertFalse(Files.exists(Failures.traceFile()));
    }
  }

  @Test
  void aConfigFileErrorKeepsItsLineAndExitCode() {
    CliRun r = CliRun.of("run", "--config", "/nonexistent/edge.properties").assertNoStackTrace();
    assertEquals(UserError.Kind.USAGE.exitCode(), r.exit());
    assertEquals("error: --config /nonexistent/edge.properties: no such file", r.err().strip());
  }

  @Test
  void theHelpListsEveryKindsExitCodeAndEveryVerbTakesDebug() {
    CliRun r = CliRun.of("--help");
    String codes = r.out().substring(r.out().indexOf("Exit codes:"));
    assertTrue(codes.contains("0   ok"), codes);
    for (UserError.Kind k : UserError.Kind.values()) {
      assertTrue(codes.contains(k.exitCode() + "   " + k.description()), k + " in " + codes);
    }
    for (String verb : new String[] {"run", "info", "classify", "eval", "bench", "install-model"}) {
      assertTrue(CliRun.of(verb, "--help").out().contains("--debug"), verb);
    }
  }
}
