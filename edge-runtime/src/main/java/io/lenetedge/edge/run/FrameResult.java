package io.lenetedge.edge.run;

import io.lenetedge.edge.image.MnistStyle;

/**
 * One processed frame: the decision, where the digit was, and how long each stage took.
 *
 * @param frame the frame's index in its source
 * @param decision the (smoothed) decision
 * @param prepared the model input and the ink's box in the frame, null when no digit was found
 * @param probabilities this frame's own probabilities, null when no digit was found
 * @param waitNanos time spent waiting for the frame
 * @param preprocessNanos time from frame to model input
 * @param inferNanos time in the model
 * @param totalNanos time from frame to decision
 */
public record FrameResult(long frame, Decision decision, MnistStyle.Prepared prepared,
    float[] probabilities, long waitNanos, long preprocessNanos, long inferNanos, long totalNanos) {

  /** The JSON line the run loop prints for this frame. */
  public String json() {
    return json(false);
  }

  /** The JSON line, marked {@code "trigger":true} when it is the decision a press asked for. */
  public String json(boolean triggered) {
    StringBuilder sb = new StringBuilder(128);
    sb.append("{\"frame\":").append(frame).append(",\"digit\":")
        .append(decision.hasDigit() ? String.valueOf(decision.digit()) : "null")
        .append(",\"confidence\":").append(round(decision.confidence()))
        .append(",\"latency_us\":{\"preprocess\":").append(micros(preprocessNanos))
        .append(",\"infer\":").append(micros(inferNanos))
        .append(",\"total\":").append(micros(totalNanos)).append('}');
    if (triggered) {
      sb.append(",\"trigger\":true");
    }
    sb.append('}');
    return sb.toString();
  }

  private static String round(float p) {
    return String.valueOf(Math.round(p * 10000) / 10000.0);
  }

  private static String micros(long nanos) {
    return String.valueOf(Math.round(nanos / 100.0) / 10.0);
  }
}
