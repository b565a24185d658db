package io.lenetedge.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
import io.lenetedge.common.cli.Failures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one way a command line of this project fails, as tests every CLI inherits: a {@link
 * UserError} is one line and its kind's exit code; anything else is exit 1 and one line naming the
 * file that holds the stack trace, or the trace on stderr with {@code --debug}; the help lists the
 * exit codes of the kinds the CLI raises. A CLI's test extends this and says how to make and run
 * its command line.
 */
public abstract class CliFailuresContract {
  /** What one command line run gave. */
  public record Run(int exit, String out, String err) {}

  /** A verb added for the test, so that any exception can come out of the CLI. */
  @Command(name = "fail")
  public record Fail(Supplier<RuntimeException> failure) implements Callable<Integer> {
    @Override
    public Integer call() {
      throw failure.get();
    }
  }

  /** The CLI's configured command line. */
  protected abstract CommandLine commandLine();

  /** Runs {@code args} on {@code cli} as the CLI's {@code main} does; picocli's own by default. */
  protected int execute(CommandLine cli, String... args) {
    return cli.execute(args);
  }

  /** Options the top-level command needs before a verb (the exporter's required ones). */
  protected List<String> before() {
    return List.of();
  }

  /** The kinds the CLI raises, which its help lists. */
  protected abstract Set<UserError.Kind> kinds();

  /** What its help says exit code 0 means. */
  protected abstract String success();

  @AfterEach
  void removeTraceFile() throws IOException {
    Files.deleteIfExists(Failures.traceFile());
  }

  /** Runs the CLI with the {@code fail} verb added, throwing what {@code failure} makes. */
  protected final Run run(Supplier<RuntimeException> failure, String... args) {
    CommandLine cli = commandLine().addSubcommand(new Fail(failure));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = execute(cli, args);
    return new Run(exit, out.toString(), err.toString());
  }

  private Run fail(Supplier<RuntimeException> failure, String... after) {
    List<String> args = new ArrayList<>(before());
    args.add("fail");
    args.addAll(List.of(after));
    return run(failure, args.toArray(String[]::new));
  }

  @ParameterizedTest
  @EnumSource(UserError.Kind.class)
  void aUserErrorIsOneLineWithItsKindsCode(UserError.Kind kind) {
    Run r = fail(() -> new UserError(kind, "--thing x: the fix"));
    assertEquals(kind.exitCode(), r.exit());
    assertEquals("error: --thing x: the fix", r.err().strip());
  }

  @Test
  void aBugIsOneLineNamingTheFileThatHoldsItsTrace() throws IOException {
    Run r = fail(() -> new IllegalArgumentException("window 3 of 2"));
    assertEquals(1, r.exit());
    assertEquals("error: internal error (a bug, please report it): IllegalArgumentException: window"
        + " 3 of 2; stack trace in " + Failures.traceFile(), r.err().strip());
    String trace = Files.readString(Failures.traceFile());
    assertTrue(trace.startsWith("java.lang.IllegalArgumentException: window 3 of 2"), trace);
    assertTrue(trace.contains("\tat " + Fail.class.getName()), trace);
  }

  @Test
  void debugPutsTheTraceOnStderr() {
    Run r = fail(() -> new IllegalStateException("closed"), "--debug");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("\tat " + Fail.class.getName()), r.err());
    assertFalse(Files.exists(Failures.traceFile()));
  }

  @Test
  void debugKeepsAUserErrorOneLine() {
    Run r = fail(() -> new UserError(UserError.Kind.USAGE, "--thing x: the fix"), "--debug");
    assertEquals("error: --thing x: the fix", r.err().strip());
  }

  @Test
  void theHelpListsTheExitCodesOfTheKindsItRaises() {
    Run r = run(() -> null, "--help");
    String codes = r.out().substring(r.out().indexOf("Exit codes:"));
    assertTrue(codes.contains("0   " + success()), codes);
    for (UserError.Kind k : UserError.Kind.values()) {
      assertEquals(kinds().contains(k) || k == UserError.Kind.FAILED,
          codes.contains(k.exitCode() + "   " + k.description()), k + " in " + codes);
    }
    assertTrue(r.out().contains("--debug"), r.out());
  }
}
