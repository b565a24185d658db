package io.lenetedge.edge.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lenetedge.edge.read.Reading;
import io.lenetedge.edge.run.Decision;
import io.lenetedge.edge.run.FrameResult;
import io.lenetedge.edge.run.MeterValue;
import io.lenetedge.edge.run.ReadingStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatePayloadTest {
  private static final Instant TIME = Instant.parse("2026-12-02T01:02:03.456789Z");

  private static Reading.Digit digit(int d, float p) {
    return new Reading.Digit(d, p, null, null, false);
  }

  /** The state, checked to carry the run line's fields (without latencies) plus status and time. */
  private static JsonObject state(long frame, Decision d, Reading r) {
    JsonObject state = JsonParser.parseString(StatePayload.json(frame, d, r, TIME)).getAsJsonObject();
    JsonObject line = JsonParser.parseString(new FrameResult(frame, r, d, 0, 0, 0, 0).json())
        .getAsJsonObject();
    line.remove("latency_us");
    for (String key : line.keySet()) {
      assertEquals(line.get(key), state.get(key), key);
    }
    assertEquals("2026-12-02T01:02:03.456Z", state.get("time").getAsString());
    assertEquals(frame, state.get("frame").getAsLong());
    return state;
  }

  @Test
  void aDigit() {
    JsonObject s = state(7, Decision.digit(3, 0.98765f), Reading.NONE);
    assertEquals(3, s.get("digit").getAsInt());
    assertEquals(0.9877, s.get("confidence").getAsDouble(), 1e-9);
    assertEquals("ok", s.get("status").getAsString());
    JsonObject none = state(8, Decision.NONE, Reading.NONE);
    assertTrue(none.get("digit").isJsonNull(), none.toString());
    assertEquals("no reading", none.get("status").getAsString());
  }

  @Test
  void aNumberWithItsLines() {
    Reading r = new Reading(List.of(new Reading.Line(List.of(digit(4, 0.9f), digit(2, 0.8f))),
        new Reading.Line(List.of(digit(-1, 0.3f)))));
    JsonObject s = state(12, Decision.text("42\n?", 0.3f), r);
    assertEquals("42\n?", s.get("text").getAsString());
    assertEquals(2, s.getAsJsonArray("lines").size());
    assertEquals("42", s.getAsJsonArray("lines").get(0).getAsJsonObject().get("text").getAsString());
    assertEquals("ok", s.get("status").getAsString());
    assertFalse(s.has("digit"), "two lines are no single digit: " + s);
  }

  @Test
  void aMeterValueKeepsItsOwnStatus() {
    Reading r = new Reading(List.of(new Reading.Line(List.of(digit(1, 0.9f), digit(7, 0.9f)))));
    MeterValue rejected = new MeterValue(new BigDecimal("1.5"), "1.7", ReadingStatus.MONOTONIC);
    JsonObject s = state(30, Decision.meter(rejected, 0.9f), r);
    assertEquals(new BigDecimal("1.5"), s.get("value").getAsBigDecimal());
    assertEquals("1.7", s.get("raw").getAsString());
    assertEquals("rejected: monotonic", s.get("status").getAsString());
    assertEquals(2, s.getAsJsonArray("digits").size());
  }
}
