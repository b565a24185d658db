package io.lenetedge.exporter;

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

/** The exporter fails the one way: user errors by kind, anything else as a bug with its trace. */
class ExporterCliFailuresTest {
  private record Run(int exit, String out, String err) {}

  /** A verb added for the test, so that any exception can come out of the exporter's CLI. */
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

  private static Run run(Supplier<RuntimeException> failure, String... args) {
    CommandLine cli = ExporterCli.commandLine().addSubcommand(new Fail(failure));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return new Run(cli.execute(args), out.toString(), err.toString());
  }

  @ParameterizedTest
  @EnumSource(UserError.Kind.class)
  void aUserErrorIsOneLineWithItsKindsCode(UserError.Kind kind) {
    Run r = run(() -> new UserError(kind, "runs/x: the fix"), "--checkpoint", "runs/x", "fail");
    assertEquals(kind.exitCode(), r.exit());
    assertEquals("error: runs/x: the fix", r.err().strip());
  }

  @Test
  void aBugIsOneLineNamingTheFileThatHoldsItsTrace() throws IOException {
    Run r = run(() -> new IllegalArgumentException("batch 300 exceeds 256"),
        "--checkpoint", "runs/x", "fail");
    assertEquals(1, r.exit());
    assertEquals("error: internal error (a bug, please report it): IllegalArgumentException: batch"
        + " 300 exceeds 256; stack trace in " + Failures.traceFile(), r.err().strip());
    assertTrue(Files.readString(Failures.traceFile()).contains("\tat " + Fail.class.getName()));
  }

  @Test
  void debugPutsTheTraceOnStderr() {
    Run r = run(() -> new IllegalStateException("closed"), "--debug", "--checkpoint", "runs/x",
        "fail");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("\tat " + Fail.class.getName()), r.err());
    assertFalse(Files.exists(Failures.traceFile()));
  }

  @Test
  void aMissingCheckpointOptionIsBadUsage() {
    assertEquals(UserError.Kind.USAGE.exitCode(), run(() -> null, "--out", "x.onnx").exit());
  }

  @Test
  void theHelpListsTheExitCodesOfTheKindsItRaises() {
    Run r = run(() -> null, "--help");
    String codes = r.out().substring(r.out().indexOf("Exit codes:"));
    for (UserError.Kind k : new UserError.Kind[] {UserError.Kind.FAILED, UserError.Kind.USAGE,
        UserError.Kind.MODEL, UserError.Kind.INPUT}) {
      assertTrue(codes.contains(k.exitCode() + "   " + k.description()), k + " in " + codes);
    }
    assertTrue(codes.contains("0   exported and verified"), codes);
    assertFalse(codes.contains(UserError.Kind.PROVIDER.description()), codes);
    assertTrue(r.out().contains("--debug"), r.out());
  }
}
