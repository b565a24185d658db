package io.lenetedge.edge.cli;

import static io.lenetedge.common.UserError.Kind.INPUT;
import static io.lenetedge.common.UserError.Kind.USAGE;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.lenetedge.common.UserError;
import io.lenetedge.image.ImageFiles;
import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.EmbeddedPageModels;
import io.lenetedge.edge.model.Scores;
import io.lenetedge.edge.read.FrameReader;
import io.lenetedge.edge.read.Preparation;
import io.lenetedge.edge.read.ReadMode;
import io.lenetedge.edge.read.Reading;
import io.lenetedge.edge.run.Decider;
import io.lenetedge.edge.run.Decision;
import io.lenetedge.edge.run.MeterGuard;
import io.lenetedge.edge.run.MeterValue;
import io.lenetedge.edge.run.ReadingJson;
import io.lenetedge.edge.run.ReadingStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code classify PATH...}: the digit, number or meter value in each image file. */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Tell the digit (or with --read number the number, with --digits the meter"
        + " value) in PNG, JPEG, BMP or PGM images (files or folders of them). Images of any size"
        + " and either polarity are cropped to the ink, fitted into 20x20 and centred by mass in"
        + " 28x28 as MNIST was; a 28x28 image is taken as it is.")
public final class ClassifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ModelOptions model;
  @Mixin ReadOptions reading;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Image files or folders.")
  List<Path> paths;

  @Option(names = "--json", description = "One JSON object per line: path, digit, confidence, top3"
      + " (a number: path, text, confidence, lines; a meter: path, value, raw, status, digits).")
  boolean json;

  @Option(names = "--top", defaultValue = "3", description = "How many alternatives to list (default: ${DEFAULT-VALUE}).")
  int top;

  @Override
  public Integer call() {
    if (top < 1) {
      throw new UserError(USAGE, "--top must be at least 1, got " + top);
    }
    List<Path> files = ImageFiles.expand(paths);
    if (files.isEmpty()) {
      throw new UserError(INPUT, "no PNG, JPEG, BMP or PGM images in " + paths);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Preparation preparation = reading.preparation();
    int failed = 0;
    try (DigitModel m = model.open(RunCommand.BATCH, err);
        EmbeddedPageModels pages = model.openPageModels(reading.pageModelMode(), RunCommand.BATCH)) {
      FrameReader reader = new FrameReader(preparation, m, pages.models(), reading.minConfidence);
      for (Path file : files) {
        try {
          Reading r = reader.read(ImageFiles.read(file));
          out.println(line(file, r, m.spec().labels()));
        } catch (UserError e) {
          if (e.kind() != INPUT) {
            throw e;
          }
          failed++;
          err.println("error: " + e.getMessage());
        }
        out.flush();
      }
    }
    err.flush();
    if (failed > 0) {
      throw new UserError(INPUT, failed + " of " + files.size() + " images could not be read (see above)");
    }
    return 0;
  }

  /** The line for one file: a digit as before, else the number or meter value read. */
  private String line(Path file, Reading r, List<String> labels) {
    if (reading.meter() || reading.mode() == ReadMode.NUMBER
        || reading.mode() == ReadMode.AUTO && r.count() > 1) {
      Decision d = reading.meter()
          ? Decider.meter(new MeterGuard(reading.decimals(), false, null, 0)).decide(r, 0)
          : Decider.number(1).decide(r, 0);
      if (json) {
        JsonObject o = new JsonObject();
        o.addProperty("path", file.toString());
        ReadingJson.addDecision(o, d, r);
        return o.toString();
      }
      return textOf(file, d);
    }
    Scores s = r.single().map(d -> new Scores(d.probabilities())).orElse(null);
    return json ? json(file, s, labels) : text(file, s, labels);
  }

  /** A number's lines, each under the one before, or a meter's value. */
  private static String textOf(Path file, Decision d) {
    if (d.kind() == Decision.Kind.METER) {
      MeterValue v = d.meter();
      return file + ": " + (v.status() == ReadingStatus.OK ? v.value().toPlainString() : "no value")
          + " (read " + v.raw() + ", " + v.status() + ")";
    }
    if (d.text() == null) {
      return file + ": no digits";
    }
    String prefix = file + ": ";
    return prefix + d.text().replace("\n", "\n" + " ".repeat(prefix.length()));
  }

  private String text(Path file, Scores s, List<String> labels) {
    if (s == null) {
      return file + ": no digit";
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %s (%.1f %%), top %d:",
        file, labels.get(s.best()), 100 * s.confidence(), top));
    for (int c : s.top(top)) {
      sb.append(String.format(Locale.ROOT, " %s %.1f %%", labels.get(c), 100 * s.probabilities()[c]));
    }
    return sb.toString();
  }

  private String json(Path file, Scores s, List<String> labels) {
    JsonObject o = new JsonObject();
    o.addProperty("path", file.toString());
    if (s == null) {
      o.add("digit", JsonNull.INSTANCE);
      o.add("confidence", JsonNull.INSTANCE);
      return o.toString();
    }
    addLabel(o, "digit", labels.get(s.best()));
    o.addProperty("confidence", round(s.confidence()));
    JsonArray topN = new JsonArray();
    for (int c : s.top(top)) {
      JsonObject t = new JsonObject();
      addLabel(t, "digit", labels.get(c));
      t.addProperty("probability", round(s.probabilities()[c]));
      topN.add(t);
    }
    o.add("top" + top, topN);
    return o.toString();
  }

  private static void addLabel(JsonObject o, String key, String label) {
    if (label.matches("\\d+")) {
      o.addProperty(key, Integer.valueOf(label));
    } else {
      o.addProperty(key, label);
    }
  }

  private static double round(float p) {
    return Math.round(p * 1e6) / 1e6;
  }
}
