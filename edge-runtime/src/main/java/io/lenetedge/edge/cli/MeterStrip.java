package io.lenetedge.edge.cli;

import static io.lenetedge.common.UserError.Kind.INPUT;

import com.google.gson.JsonObject;
import io.lenetedge.common.UserError;
import io.lenetedge.image.ImageFiles;
import io.lenetedge.edge.read.DigitClassifier;
import io.lenetedge.edge.read.FrameReader;
import io.lenetedge.edge.read.MeterWindows;
import io.lenetedge.edge.read.Preparations;
import io.lenetedge.edge.read.Reading;
import io.lenetedge.edge.run.MeterGuard;
import io.lenetedge.edge.run.MeterValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * One meter strip on disk for {@code eval --meter}: its frames and truth, and the reader options
 * in its {@code edge.properties} (digits, decimals, monotonic, max-rate, max-unknown). The frames
 * are read in order at the times the truth gives, as a camera would have taken them.
 */
record MeterStrip(Path dir, List<JsonObject> truth, String digits, int decimals, boolean monotonic,
    Double maxRate, int maxUnknown) {

  static MeterStrip of(Path dir) {
    Path file = dir.resolve("edge.properties");
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UserError(INPUT, file + ": cannot read the strip's reader options (" + e.getMessage() + ")");
    }
    String digits = p.getProperty("digits");
    if (digits == null) {
      throw new UserError(INPUT, file + ": no digits=x,y,w,h;... key");
    }
    try {
      String rate = p.getProperty("max-rate");
      return new MeterStrip(dir, EvalCommand.truth(dir), digits,
          Integer.parseInt(p.getProperty("decimals", "0").strip()),
          Boolean.parseBoolean(p.getProperty("monotonic", "false").strip()),
          rate == null ? null : Double.valueOf(rate.strip()),
          Integer.parseInt(p.getProperty("max-unknown", "0").strip()));
    } catch (NumberFormatException e) {
      throw new UserError(INPUT, file + ": " + e.getMessage());
    }
  }

  /** Reads every frame through the meter reader and its guards, scoring each into {@code score}. */
  void run(DigitClassifier classifier, float minConfidence, MeterScore score, PrintWriter errors) {
    FrameReader reader = new FrameReader(Preparations.windows(MeterWindows.parse(digits)),
        classifier, minConfidence);
    MeterGuard guard = new MeterGuard(decimals, monotonic, maxRate, maxUnknown);
    BigDecimal lastGood = null;
    for (JsonObject t : truth) {
      String name = t.get("image").getAsString();
      Reading r = reader.read(ImageFiles.read(dir.resolve(name)));
      MeterValue v = guard.add(r, t.get("time_ms").getAsLong() * 1_000_000L);
      String kind = t.get("kind").getAsString();
      boolean good = kind.equals("good");
      BigDecimal shown = new BigDecimal(t.get("shown").getAsString()).movePointLeft(decimals);
      boolean right = good
          ? v.value() != null && v.value().compareTo(shown) == 0
          : v.status() != io.lenetedge.edge.run.ReadingStatus.OK
              && (lastGood == null ? v.value() == null : lastGood.equals(v.value()));
      if (good && v.status() == io.lenetedge.edge.run.ReadingStatus.UNCONFIRMED) {
        score.unconfirmed();
        continue;
      }
      score.add(kind, right);
      if (good) {
        lastGood = v.value();
      }
      if (errors != null && !right) {
        errors.println(dir.getFileName() + "/" + name + " (" + kind + ", shows " + shown + "): value "
            + v.value() + ", read " + v.raw() + ", " + v.status());
      }
    }
  }
}
