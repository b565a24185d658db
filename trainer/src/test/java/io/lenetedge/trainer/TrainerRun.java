package io.lenetedge.trainer;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One {@code trainer} command line run in process: its exit code, stdout and stderr. */
record TrainerRun(int exit, String out, String err) {
  static TrainerRun of(String... args) {
    var cli = TrainerCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new TrainerRun(exit, out.toString(), err.toString());
  }
}
