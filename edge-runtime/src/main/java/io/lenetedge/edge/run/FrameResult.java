package io.lenetedge.edge.run;

import com.google.gson.JsonObject;
import io.lenetedge.image.MnistStyle;
import io.lenetedge.edge.read.Reading;

/**
 * One processed frame: what it read, what was decided, and how long each stage took.
 *
 * @param frame the frame's index in its source
 * @param reading this frame's own reading (every digit found, with boxes and probabilities)
 * @param decision the decision, smoothed over frames or guarded
 * @param waitNanos time spent waiting for the frame
 * @param preprocessNanos time from frame to model inputs
 * @param inferNanos time in the model
 * @param totalNanos time from frame to decision
 */
public record FrameResult(long frame, Reading reading, Decision decision, long waitNanos,
    long preprocessNanos, long inferNanos, long totalNanos) {

  /** The JSON line the run loop prints for this frame. */
  public String json() {
    return json(false);
  }

  /** The JSON line, marked {@code "trigger":true} when it is the decision a press asked for. */
  public String json(boolean triggered) {
    JsonObject o = new JsonObject();
    o.addProperty("frame", frame);
    ReadingJson.addDecision(o, decision, reading);
    JsonObject latency = new JsonObject();
    latency.addProperty("preprocess", micros(preprocessNanos));
    latency.addProperty("infer", micros(inferNanos));
    latency.addProperty("total", micros(totalNanos));
    o.add("latency_us", latency);
    if (triggered) {
      o.addProperty("trigger", true);
    }
    return o.toString();
  }

  /** The model input and box of the digit read when exactly one was; else null. */
  public MnistStyle.Prepared prepared() {
    return reading.single().map(Reading.Digit::prepared).orElse(null);
  }

  /** This frame's probabilities of the digit read when exactly one was; else null. */
  public float[] probabilities() {
    return reading.single().map(Reading.Digit::probabilities).orElse(null);
  }

  private static double micros(long nanos) {
    return Math.round(nanos / 100.0) / 10.0;
  }
}
