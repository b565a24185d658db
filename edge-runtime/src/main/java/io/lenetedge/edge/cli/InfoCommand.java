package io.lenetedge.edge.cli;

import ai.onnxruntime.OrtException;
import io.lenetedge.edge.BuildInfo;
import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.ModelSpec;
import io.lenetedge.edge.model.Sessions;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code info}: what the model is and which execution providers work here. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Show the model's metadata, inputs and outputs, and the execution providers"
        + " compiled in and usable here.")
public final class InfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ModelOptions model;

  @Override
  public Integer call() throws OrtException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (DigitModel m = model.open(1, err)) {
      ModelSpec s = m.spec();
      out.printf("model: %s (%,d bytes, SHA-256 %s)%n", m.file().source(), m.file().bytes().length,
          m.file().sha256());
      out.println("  weights: " + (m.metadata().containsKey("weights.sha256")
          ? "match the SHA-256 the model records (checked when it loaded)"
          : "the model records no SHA-256 of its weights (not checked)"));
      m.describe().forEach(line -> out.println("  " + line));
      out.println("input:  " + s.input() + (s.fixedBatch() > 0 ? " (fixed batch " + s.fixedBatch() + ")" : " (dynamic batch)"));
      out.println("output: " + s.output() + ", " + s.classes() + " classes, labels " + s.labels());
      s.notes().forEach(n -> out.println("  " + n));
      out.println("metadata:");
      Map<String, String> sorted = new TreeMap<>(m.metadata());
      if (sorted.isEmpty()) {
        out.println("  (none)");
      }
      sorted.forEach((k, v) -> out.println("  " + k + " = " + v));
      out.println("execution providers (running on " + m.provider() + "):");
      Sessions.probe(Sessions.environment(), m.file().bytes())
          .forEach(line -> out.println("  " + line));
      out.println("ONNX Runtime " + BuildInfo.get("onnxruntime.version") + ", Java "
          + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
          + System.getProperty("os.arch"));
    }
    out.flush();
    return 0;
  }
}
