package io.lenetedge.common.cli;

import io.lenetedge.common.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * How every command line of this project fails: a {@link UserError} is one line {@code error:
 * MESSAGE} and its kind's exit code; anything else is a bug, reported in one line that names the
 * file holding its stack trace, and exit code 1. {@code --debug} puts that trace on stderr instead.
 */
public final class Failures {
  /** The option, inherited by every verb, that puts a bug's stack trace on stderr. */
  public static final String DEBUG = "--debug";

  private Failures() {}

  /**
   * Configures {@code cli}: its exit-code mapper, its execution exception handler, the
   * {@value #DEBUG} option and the help's exit-code list, built from {@link UserError.Kind}.
   *
   * @param success what exit code 0 means for this command
   * @param kinds the kinds of user error its commands raise; FAILED (1, also a bug) is always listed
   */
  public static CommandLine install(CommandLine cli, String success, UserError.Kind... kinds) {
    CommandSpec spec = cli.getCommandSpec();
    spec.addOption(OptionSpec.builder(DEBUG).type(boolean.class).scopeType(ScopeType.INHERIT)
        .description("Print an internal error's stack trace on stderr (else it goes to a file in"
            + " the temp folder).").build());
    spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes(success, kinds));
    return cli.setExitCodeExceptionMapper(Failures::exitCode)
        .setExecutionExceptionHandler((e, cmd, parsed) -> report(e, cmd));
  }

  /** The help's exit-code list: 0, then FAILED and {@code kinds} in the order of their codes. */
  static Map<String, String> exitCodes(String success, UserError.Kind... kinds) {
    EnumSet<UserError.Kind> listed = EnumSet.of(UserError.Kind.FAILED, kinds);
    Map<String, String> list = new LinkedHashMap<>();
    list.put("0", success);
    for (UserError.Kind k : listed) {
      list.put(String.valueOf(k.exitCode()), k.description());
    }
    return list;
  }

  /** A user error's code; 2 for a picocli usage error; 1 for anything else (a bug). */
  public static int exitCode(Throwable e) {
    if (e instanceof UserError u) {
      return u.exitCode();
    }
    if (e instanceof ParameterException) {
      return UserError.Kind.USAGE.exitCode();
    }
    return UserError.Kind.FAILED.exitCode();
  }

  /** Reports {@code e}, thrown by {@code cmd}, on its stderr and returns the exit code. */
  static int report(Exception e, CommandLine cmd) {
    PrintWriter err = cmd.getErr();
    if (e instanceof UserError) {
      err.println("error: " + e.getMessage());
    } else if (debug(cmd)) {
      err.println("error: " + bug(e));
      e.printStackTrace(err);
    } else {
      Path file = traceFile();
      try {
        Files.writeString(file, stackTrace(e));
        err.println("error: " + bug(e) + "; stack trace in " + file);
      } catch (IOException cannotWrite) {
        err.println("error: " + bug(e) + "; stack trace below (cannot write " + file + ": "
            + cannotWrite.getMessage() + ")");
        e.printStackTrace(err);
      }
    }
    err.flush();
    return exitCode(e);
  }

  /** Where a bug's stack trace goes: {@code lenet-edge-error-PID.txt} in the temp folder. */
  public static Path traceFile() {
    return Path.of(System.getProperty("java.io.tmpdir"),
        "lenet-edge-error-" + ProcessHandle.current().pid() + ".txt");
  }

  private static boolean debug(CommandLine cmd) {
    OptionSpec debug = cmd.getCommandSpec().findOption(DEBUG);
    return debug != null && Boolean.TRUE.equals(debug.getValue());
  }

  private static String bug(Throwable e) {
    String message = e.getMessage() == null || e.getMessage().isBlank() ? ""
        : ": " + e.getMessage().strip().lines().findFirst().orElseThrow();
    return "internal error (a bug, please report it): " + e.getClass().getSimpleName() + message;
  }

  private static String stackTrace(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
