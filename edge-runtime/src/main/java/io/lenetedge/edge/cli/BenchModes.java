package io.lenetedge.edge.cli;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ParseResult;

/**
 * Which of {@code bench}'s options belong to which of its modes, and the check that refuses an
 * option given to a mode it does not apply to (rather than ignoring it).
 */
final class BenchModes {
  /** The model alone: every provider, thread count and batch size, optionally with extras. */
  static final String LATENCY = "the model-latency mode (bench without --source)";
  /** The whole frame loop on a source. */
  static final String PIPELINE = "the pipeline mode (bench --source SPEC)";

  private static final Map<String, String> MODE_OF = modes();

  /** Options that refine another one, which they need. */
  private static final Map<String, String> NEEDS = Map.of(
      "--rounds", "--compare",
      "--cold-start-baseline", "--cold-start N (how many processes of each)",
      "--cold-start-java-options", "--cold-start N (how many processes of each)");

  private BenchModes() {}

  private static Map<String, String> modes() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String o : List.of("--batch", "--duration", "--images", "--compare", "--rounds",
        "--cold-start", "--cold-start-baseline", "--cold-start-java-options", "--json", "--csv",
        "--plot")) {
      m.put(o, LATENCY);
    }
    for (String o : List.of("--read", "--roi", "--min-confidence", "--digits", "--decimals")) {
      m.put(o, PIPELINE);
    }
    return m;
  }

  /**
   * Refuses options given on the command line that the chosen mode does not use.
   *
   * @param pipeline whether {@code --source} chose the pipeline mode
   * @throws UserError (usage) naming the first such option, the mode it belongs to and the fix
   */
  static void check(ParseResult parsed, boolean pipeline) {
    String chosen = pipeline ? PIPELINE : LATENCY;
    MODE_OF.forEach((option, mode) -> {
      if (!mode.equals(chosen) && parsed.hasMatchedOption(option)) {
        throw new UserError(USAGE, option + " applies to " + mode + ", not to " + chosen
            + ": leave out " + option + (pipeline ? ", or --source to time the model alone"
                : ", or add --source SPEC to time the frame loop"));
      }
    });
    NEEDS.forEach((option, needed) -> {
      String neededName = needed.split(" ")[0];
      if (parsed.hasMatchedOption(option) && !parsed.hasMatchedOption(neededName)) {
        throw new UserError(USAGE, option + " needs " + needed + ": add "
            + neededName + ", or leave out " + option);
      }
    });
    if (pipeline) {
      for (String listed : List.of("--ep", "--threads")) {
        if (parsed.hasMatchedOption(listed)
            && parsed.matchedOption(listed).<List<?>>getValue().size() > 1) {
          throw new UserError(USAGE, listed + " takes one value in " + PIPELINE + ", got "
              + parsed.matchedOption(listed).<List<?>>getValue() + ": time one setting per run");
        }
      }
    }
  }
}
