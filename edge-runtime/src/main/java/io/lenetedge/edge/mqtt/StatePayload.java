package io.lenetedge.edge.mqtt;

import com.google.gson.JsonObject;
import io.lenetedge.edge.read.Reading;
import io.lenetedge.edge.run.Decision;
import io.lenetedge.edge.run.ReadingJson;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The state message: a decision with the fields of {@code run}'s JSON lines ({@code digit};
 * {@code text} and {@code lines}; or a meter's {@code value}, {@code raw} and {@code digits};
 * and {@code confidence}), plus {@code frame}, {@code status} and the ISO-8601 {@code time}
 * (UTC, milliseconds). Pure.
 */
public final class StatePayload {
  private StatePayload() {}

  /**
   * The JSON of {@code decision}, taken on frame {@code frame} from {@code reading} at
   * {@code time}.
   */
  public static String json(long frame, Decision decision, Reading reading, Instant time) {
    JsonObject o = new JsonObject();
    o.addProperty("frame", frame);
    ReadingJson.addDecision(o, decision, reading == null ? Reading.NONE : reading);
    if (!o.has("status")) {
      o.addProperty("status", decision.status().toString());
    }
    o.addProperty("time", DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.MILLIS)));
    return o.toString();
  }
}
