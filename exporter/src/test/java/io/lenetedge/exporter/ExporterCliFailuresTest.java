package io.lenetedge.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lenetedge.common.UserError;
import io.lenetedge.testkit.CliFailuresContract;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The exporter fails the one way: user errors by kind, anything else as a bug with its trace. */
class ExporterCliFailuresTest extends CliFailuresContract {
  @Override
  protected CommandLine commandLine() {
    return ExporterCli.commandLine();
  }

  @Override
  protected List<String> before() {
    return List.of("--checkpoint", "runs/x");
  }

  @Override
  protected Set<UserError.Kind> kinds() {
    return Set.of(UserError.Kind.USAGE, UserError.Kind.MODEL, UserError.Kind.INPUT);
  }

  @Override
  protected String success() {
    return "exported and verified";
  }

  @Test
  void aMissingCheckpointOptionIsBadUsage() {
    assertEquals(UserError.Kind.USAGE.exitCode(), run(() -> null, "--out", "x.onnx").exit());
  }
}
