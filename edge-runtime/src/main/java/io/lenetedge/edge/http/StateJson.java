package io.lenetedge.edge.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.lenetedge.image.MnistStyle;
import io.lenetedge.image.Roi;
import io.lenetedge.edge.read.Reading;
import io.lenetedge.edge.run.Decision;
import io.lenetedge.edge.run.FrameResult;
import io.lenetedge.edge.run.ReadingJson;

/** {@code /state.json} and {@code /predict}'s answers as JSON. Pure. */
final class StateJson {
  private StateJson() {}

  /**
   * The live state: {@code frame} is the processed frame the decision belongs to (the same number
   * as in its JSON line on stdout), {@code last_read} the latest frame read; the decision's fields
   * as in the JSON lines ({@code digit} or {@code text} and {@code lines} or {@code value},
   * {@code raw} and {@code status}), and for a single digit its ten probabilities and box.
   */
  static JsonObject of(LiveState.Snapshot s) {
    JsonObject o = new JsonObject();
    FrameResult r = s.result();
    o.addProperty("frame", r == null ? null : r.frame());
    o.addProperty("last_read", s.frame() == null ? null : s.frame().index());
    Decision d = r == null ? Decision.NONE : r.decision();
    ReadingJson.addDecision(o, d, r == null ? Reading.NONE : r.reading());
    if (!o.has("digit")) {
      o.add("digit", JsonNull.INSTANCE);
    }
    o.addProperty("status", d.status().toString());
    Reading.Digit single = r == null ? null : r.reading().single().orElse(null);
    o.add("probabilities", probabilities(single == null ? null : single.probabilities()));
    MnistStyle.Prepared p = single == null ? null : single.prepared();
    o.add("box", p == null ? JsonNull.INSTANCE : box(p.x(), p.y(), p.width(), p.height()));
    Roi roi = s.roi();
    o.add("roi", roi == null ? JsonNull.INSTANCE : box(roi.x(), roi.y(), roi.width(), roi.height()));
    if (s.frame() != null) {
      o.addProperty("width", s.frame().image().width());
      o.addProperty("height", s.frame().image().height());
    }
    Decision shown = s.shown();
    o.addProperty("shown_digit", shown != null && shown.hasDigit() ? shown.digit() : null);
    o.addProperty("shown_text", shown == null || shown.kind() == Decision.Kind.DIGIT ? null
        : shown.kind() == Decision.Kind.TEXT ? shown.text()
        : shown.meter().value() == null ? null : shown.meter().value().toPlainString());
    JsonObject latency = new JsonObject();
    latency.addProperty("p50", round1(s.p50Micros()));
    latency.addProperty("p99", round1(s.p99Micros()));
    o.add("latency_us", latency);
    o.addProperty("fps", round1(s.fps()));
    o.addProperty("mode", s.mode().toString());
    o.addProperty("running", s.ended() == null);
    o.addProperty("ended", s.ended());
    return o;
  }

  /** A prediction of one digit: digit, confidence and the ten probabilities, or nulls for none. */
  static JsonObject prediction(float[] probabilities, int best) {
    JsonObject o = new JsonObject();
    o.addProperty("digit", probabilities == null ? null : best);
    o.addProperty("confidence", probabilities == null ? null : round(probabilities[best]));
    o.add("probabilities", probabilities(probabilities));
    return o;
  }

  private static JsonObject box(int x, int y, int width, int height) {
    JsonObject b = new JsonObject();
    b.addProperty("x", x);
    b.addProperty("y", y);
    b.addProperty("width", width);
    b.addProperty("height", height);
    return b;
  }

  private static JsonElement probabilities(float[] p) {
    if (p == null) {
      return JsonNull.INSTANCE;
    }
    JsonArray a = new JsonArray(p.length);
    for (float v : p) {
      a.add(round(v));
    }
    return a;
  }

  private static double round(float p) {
    return Math.round(p * 1e6) / 1e6;
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
