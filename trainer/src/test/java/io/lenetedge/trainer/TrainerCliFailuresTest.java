package io.lenetedge.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
import io.lenetedge.common.cli.Failures;
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

/** The trainer fails the one way: user errors by kind, anything else as a bug with its trace. */
class TrainerCliFailuresTest {
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

  private static TrainerRun run(Supplier<RuntimeException> failure, String... args) {
    CommandLine cli = TrainerCli.commandLine().addSubcommand(new Fail(failure));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return new TrainerRun(cli.execute(args), out.toString(), err.toString());
  }

  @ParameterizedTest
  @EnumSource(UserError.Kind.class)
  void aUserErrorIsOneLineWithItsKindsCode(UserError.Kind kind) {
    TrainerRun r = run(() -> new UserError(kind, "runs/x: the fix"), "fail");
    assertEquals(kind.exitCode(), r.exit());
    assertEquals("error: runs/x: the fix", r.err().strip());
  }

  @Test
  void aBugIsOneLineNamingTheFileThatHoldsItsTrace() throws IOException {
    TrainerRun r = run(() -> new IllegalStateException("epoch -1"), "fail");
    assertEquals(1, r.exit());
    assertEquals("error: internal error (a bug, please report it): IllegalStateException: epoch -1;"
        + " stack trace in " + Failures.traceFile(), r.err().strip());
    assertTrue(Files.readString(Failures.traceFile()).contains("\tat " + Fail.class.getName()));
  }

  @Test
  void debugPutsTheTraceOnStderr() {
    TrainerRun r = run(() -> new IllegalStateException("epoch -1"), "fail", "--debug");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("\tat " + Fail.class.getName()), r.err());
    assertFalse(Files.exists(Failures.traceFile()));
  }

  @Test
  void theHelpListsTheExitCodesOfTheKindsItRaises() {
    TrainerRun r = run(() -> null, "--help");
    String codes = r.out().substring(r.out().indexOf("Exit codes:"));
    for (UserError.Kind k : new UserError.Kind[] {UserError.Kind.FAILED, UserError.Kind.USAGE,
        UserError.Kind.MODEL, UserError.Kind.INPUT, UserError.Kind.PROVIDER}) {
      assertTrue(codes.contains(k.exitCode() + "   " + k.description()), k + " in " + codes);
    }
    assertTrue(codes.contains("0   done"), codes);
    assertFalse(codes.contains(UserError.Kind.GPIO.description()), codes);
    assertTrue(r.out().contains("--debug"), r.out());
  }
}
