package io.lenetedge.edge.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.lenetedge.image.MnistStyle;
import io.lenetedge.edge.read.Reading;

/**
 * Readings and decisions as JSON, the same in {@code run}'s lines, {@code classify --json},
 * {@code /state.json} and {@code POST /predict}. A digit decision gives {@code digit} and
 * {@code confidence}; a text decision {@code text}, {@code confidence} and {@code lines} (each
 * with its text, confidence and digits: {@code {"digit":0,"confidence":0.99,"box":[x,y,w,h]}},
 * {@code "digit":null} when unsure), and {@code digit} too when exactly one was read; a meter
 * decision {@code value}, {@code raw}, {@code status}, {@code confidence} and the windows'
 * {@code digits}. Pure.
 */
public final class ReadingJson {
  private ReadingJson() {}

  /** Adds the decision's fields (and the reading's lines or digits) to {@code o}. */
  public static void addDecision(JsonObject o, Decision d, Reading reading) {
    switch (d.kind()) {
      case DIGIT -> {
        o.addProperty("digit", d.hasDigit() ? d.digit() : null);
        o.addProperty("confidence", round4(d.confidence()));
      }
      case TEXT -> {
        reading.single().filter(Reading.Digit::known).ifPresent(s -> o.addProperty("digit", s.digit()));
        o.addProperty("text", d.text());
        o.addProperty("confidence", round4(d.confidence()));
        o.add("lines", lines(reading));
      }
      case METER -> {
        o.addProperty("value", d.meter().value());
        o.addProperty("raw", d.meter().raw());
        o.addProperty("status", d.meter().status().toString());
        o.addProperty("confidence", round4(d.confidence()));
        o.add("digits", digits(reading.digits()));
      }
      default -> throw new IllegalStateException("unknown decision kind " + d.kind());
    }
  }

  /** The reading's lines: text, confidence and digits of each. */
  public static JsonArray lines(Reading reading) {
    JsonArray lines = new JsonArray();
    for (Reading.Line l : reading.lines()) {
      JsonObject line = new JsonObject();
      line.addProperty("text", l.text());
      line.addProperty("confidence", round4(l.confidence()));
      line.add("digits", digits(l.digits()));
      lines.add(line);
    }
    return lines;
  }

  /** Each digit: its class (null when unsure), confidence and box (null when nothing was found). */
  public static JsonArray digits(java.util.List<Reading.Digit> digits) {
    JsonArray a = new JsonArray();
    for (Reading.Digit d : digits) {
      JsonObject o = new JsonObject();
      o.addProperty("digit", d.known() ? d.digit() : null);
      o.addProperty("confidence", round4(d.confidence()));
      o.add("box", box(d.prepared()));
      a.add(o);
    }
    return a;
  }

  /** {@code [x, y, width, height]} of a digit's ink in the frame, or null. */
  public static JsonElement box(MnistStyle.Prepared p) {
    if (p == null) {
      return JsonNull.INSTANCE;
    }
    JsonArray b = new JsonArray(4);
    b.add(p.x());
    b.add(p.y());
    b.add(p.width());
    b.add(p.height());
    return b;
  }

  static double round4(float p) {
    return Math.round(p * 10000) / 10000.0;
  }
}
