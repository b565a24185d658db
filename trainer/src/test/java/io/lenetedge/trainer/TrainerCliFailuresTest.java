package io.lenetedge.trainer;

import io.lenetedge.common.UserError;
import io.lenetedge.testkit.CliFailuresContract;
import java.util.Set;
import picocli.CommandLine;

/** The trainer fails the one way: user errors by kind, anything else as a bug with its trace. */
class TrainerCliFailuresTest extends CliFailuresContract {
  @Override
  protected CommandLine commandLine() {
    return TrainerCli.commandLine();
  }

  @Override
  protected Set<UserError.Kind> kinds() {
    return Set.of(UserError.Kind.USAGE, UserError.Kind.MODEL, UserError.Kind.INPUT,
        UserError.Kind.PROVIDER);
  }

  @Override
  protected String success() {
    return "done";
  }
}
