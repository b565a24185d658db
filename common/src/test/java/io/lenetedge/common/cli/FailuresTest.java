package io.lenetedge.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One way to fail: a user error is one line and its kind's code, anything else a reported bug. */
class FailuresTest {
  private record Run(int exit, String out, String err) {
    String[] errLines() {
      return err.strip().split("\\R");
    }
  }

  @Command(name = "tool", mixinStandardHelpOptions = true)
  static final class Tool {}

  @Command(name = "work")
  static final class Work implements Callable<Integer> {
    private final Supplier<RuntimeException> failure;

    @Option(names = "--count", defaultValue = "1")
    int count;

    Work(Supplier<RuntimeException> failure) {
      this.failure = failure;
    }

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
    CommandLine cli = new CommandLine(new Tool()).addSubcommand(new Work(failure));
    Failures.install(cli, "done", UserError.Kind.USAGE, UserError.Kind.INPUT);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @ParameterizedTest
  @EnumSource(UserError.Kind.class)
  void aUserErrorIsOneLineAndItsKindsExitCode(UserError.Kind kind) {
    Run r = run(() -> new UserError(kind, "--count 3: too many; give 1 or 2",
        new IOException("the cause")), "work");
    assertEquals(kind.exitCode(), r.exit());
    assertEquals("error: --count 3: too many; give 1 or 2", r.err().strip());
    assertFalse(Files.exists(Failures.traceFile()), "a user error is no bug");
  }

  @Test
  void eachKindHasAnExitCodeOfItsOwn() {
    assertEquals(List.of(1, 2, 3, 4, 5, 6),
        Arrays.stream(UserError.Kind.values()).map(UserError.Kind::exitCode).toList());
  }

  @Test
  void anUnexpectedExceptionIsABugWithItsTraceInAFile() throws IOException {
    Run r = run(() -> new IllegalStateException("window list empty\nsecond line"), "work");
    assertEquals(1, r.exit());
    assertEquals(1, r.errLines().length, r.err());
    Path file = Failures.traceFile();
    assertEquals("error: internal error (a bug, please report it): IllegalStateException: window"
        + " list empty; stack trace in " + file, r.errLines()[0]);
    String trace = Files.readString(file);
    assertTrue(trace.startsWith("java.lang.IllegalStateException: window list empty"), trace);
    assertTrue(trace.contains("\tat " + Work.class.getName() + ".call"), trace);
  }

  @Test
  void anIllegalArgumentIsABugNotBadUsage() {
    Run r = run(() -> new IllegalArgumentException("index 3"), "work");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("a bug") && r.err().contains("IllegalArgumentException: index 3"),
        r.err());
  }

  @Test
  void debugPutsTheTraceOnStderrOnEitherSideOfTheVerb() {
    for (String[] args : new String[][] {{"work", "--debug"}, {"--debug", "work"}}) {
      Run r = run(() -> new IllegalStateException("boom"), args);
      assertEquals(1, r.exit());
      assertTrue(r.errLines()[0].endsWith("IllegalStateException: boom"), r.err());
      assertTrue(r.err().contains("\tat " + Work.class.getName() + ".call"), r.err());
      assertFalse(Files.exists(Failures.traceFile()), "--debug writes no file");
    }
  }

  @Test
  void aUserErrorStaysOneLineWithDebug() {
    Run r = run(() -> new UserError(UserError.Kind.INPUT, "data/x: truncated",
        new IOException("short read")), "--debug", "work");
    assertEquals(4, r.exit());
    assertEquals("error: data/x: truncated", r.err().strip());
  }

  @Test
  void aTraceFileThatCannotBeWrittenLeavesTheTraceOnStderr(@TempDir Path tmp) throws IOException {
    Path notAFolder = Files.writeString(tmp.resolve("file"), "");
    String saved = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", notAFolder.toString());
    try {
      Run r = run(() -> new IllegalStateException("boom"), "work");
      assertEquals(1, r.exit());
      assertTrue(r.errLines()[0].contains("stack trace below (cannot write"), r.err());
      assertTrue(r.err().contains("\tat " + Work.class.getName() + ".call"), r.err());
    } finally {
      System.setProperty("java.io.tmpdir", saved);
    }
  }

  @Test
  void aPicocliUsageErrorStaysExitTwo() {
    assertEquals(2, run(() -> new IllegalStateException("not reached"), "work", "--count", "x").exit());
    assertEquals(2, run(() -> new IllegalStateException("not reached"), "work", "--bogus").exit());
  }

  @Test
  void theHelpListsTheExitCodesOfTheKindsAndDebug() {
    Run r = run(() -> new IllegalStateException("not reached"), "--help");
    assertEquals(0, r.exit());
    String help = r.out();
    assertTrue(help.contains("--debug"), help);
    String codes = help.substring(help.indexOf("Exit codes:"));
    assertTrue(codes.matches("(?s).*\\b0\\s+done\\R.*"), codes);
    for (UserError.Kind k : new UserError.Kind[] {
        UserError.Kind.FAILED, UserError.Kind.USAGE, UserError.Kind.INPUT}) {
      assertTrue(codes.contains(k.exitCode() + "   " + k.description()), k + " in " + codes);
    }
    assertFalse(codes.contains(UserError.Kind.GPIO.description()), codes);
  }

  @Test
  void everyVerbInheritsDebug() {
    CommandLine cli = new CommandLine(new Tool()).addSubcommand(new Work(IllegalStateException::new));
    Failures.install(cli, "done");
    assertTrue(cli.getSubcommands().get("work").getUsageMessage().contains("--debug"));
  }
}
