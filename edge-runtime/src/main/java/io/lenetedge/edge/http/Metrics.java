package io.lenetedge.edge.http;

import io.lenetedge.edge.run.Decision;
import io.lenetedge.edge.run.FrameListener;
import io.lenetedge.edge.run.FrameResult;
import io.lenetedge.edge.run.ReadingStatus;
import io.lenetedge.edge.source.Frame;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Counters and per-stage latency histograms of a run, written in the Prometheus text exposition
 * format (0.0.4) for {@code /metrics}. Updates are O(1) and lock free; any thread may read.
 */
public final class Metrics implements FrameListener {
  /** The content type of {@link #text()}. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  static final String[] STAGES = {"wait", "preprocess", "infer", "total"};

  private final LongAdder frames = new LongAdder();
  private final LongAdder skipped = new LongAdder();
  private final LongAdder noDigit = new LongAdder();
  private final LongAdder[] decisions = new LongAdder[10];
  private final LongAdder errors = new LongAdder();
  private final LongAdder[] readings = new LongAdder[ReadingStatus.values().length];
  private final StageHistogram[] stages = new StageHistogram[STAGES.length];
  private final IntSupplier restarts;
  /** The meter's last good value, as a double's bits; NaN until there is one. */
  private final java.util.concurrent.atomic.AtomicLong value =
      new java.util.concurrent.atomic.AtomicLong(Double.doubleToLongBits(Double.NaN));
  private final MqttCounters mqtt;

  /**
   * What {@code run --mqtt}'s sink reports, read at each scrape.
   *
   * @param published messages the broker acknowledged
   * @param dropped state changes that found the sink's queue full
   * @param connected whether the sink is connected now
   */
  public record MqttCounters(LongSupplier published, LongSupplier dropped,
      BooleanSupplier connected) {}

  /** @param restarts the source's restart count, read at each scrape */
  public Metrics(IntSupplier restarts) {
    this(restarts, null);
  }

  /**
   * @param restarts the source's restart count, read at each scrape
   * @param mqtt the MQTT sink's counters, or null when the run publishes to no broker
   */
  public Metrics(IntSupplier restarts, MqttCounters mqtt) {
    this.restarts = restarts;
    this.mqtt = mqtt;
    for (int d = 0; d < decisions.length; d++) {
      decisions[d] = new LongAdder();
    }
    for (int s = 0; s < stages.length; s++) {
      stages[s] = new StageHistogram();
    }
    for (int s = 0; s < readings.length; s++) {
      readings[s] = new LongAdder();
    }
  }

  @Override
  public void onFrame(Frame frame, FrameResult r) {
    if (r == null) {
      skipped.increment();
      return;
    }
    frames.increment();
    if (!r.decision().found()) {
      noDigit.increment();
    }
    readings[r.decision().status().ordinal()].increment();
    stages[0].record(r.waitNanos());
    stages[1].record(r.preprocessNanos());
    stages[2].record(r.inferNanos());
    stages[3].record(r.totalNanos());
  }

  @Override
  public void onDecision(Decision d) {
    if (d.hasDigit() && d.digit() < decisions.length) {
      decisions[d.digit()].increment();
    }
    if (d.kind() == Decision.Kind.METER && d.meter().value() != null) {
      value.set(Double.doubleToLongBits(d.meter().value().doubleValue()));
    }
  }

  @Override
  public void onEnd(String why, Throwable error) {
    if (error != null) {
      errors.increment();
    }
  }

  /** Counts a failure outside the loop (a request the server could not answer). */
  public void error() {
    errors.increment();
  }

  /** The exposition text. */
  public String text() {
    StringBuilder sb = new StringBuilder(4096);
    counter(sb, "lenet_edge_frames_total", "Frames the pipeline processed.", frames.sum());
    counter(sb, "lenet_edge_skipped_frames_total",
        "Frames read but not processed (trigger mode between presses).", skipped.sum());
    header(sb, "lenet_edge_decisions_total", "Decisions shown that named a digit, per digit.",
        "counter");
    for (int d = 0; d < decisions.length; d++) {
      sb.append("lenet_edge_decisions_total{digit=\"").append(d).append("\"} ")
          .append(decisions[d].sum()).append('\n');
    }
    counter(sb, "lenet_edge_no_digit_frames_total",
        "Processed frames decided as nothing read (no digit, no text, no accepted meter value).",
        noDigit.sum());
    header(sb, "lenet_edge_readings_total", "Processed frames by what became of their reading:"
        + " ok, no_reading, or a meter read rejected by a guard.", "counter");
    for (ReadingStatus s : ReadingStatus.values()) {
      sb.append("lenet_edge_readings_total{status=\"").append(s.label()).append("\"} ")
          .append(readings[s.ordinal()].sum()).append('\n');
    }
    header(sb, "lenet_edge_meter_value", "The meter's last good value (--digits); NaN before the"
        + " first and without meter mode.", "gauge");
    sb.append("lenet_edge_meter_value ").append(formatValue(Double.longBitsToDouble(value.get())))
        .append('\n');
    header(sb, "lenet_edge_stage_seconds",
        "Time per frame in each stage: waiting for it, preprocessing, inference, and in total.",
        "histogram");
    for (int s = 0; s < stages.length; s++) {
      stages[s].writeTo(sb, "lenet_edge_stage_seconds", STAGES[s]);
    }
    counter(sb, "lenet_edge_source_restarts_total", "Restarts of the camera program after it died.",
        restarts.getAsInt());
    counter(sb, "lenet_edge_errors_total",
        "Failures: the run loop ending in an error, requests the server could not answer.",
        errors.sum());
    if (mqtt != null) {
      counter(sb, "lenet_edge_mqtt_published_total",
          "MQTT messages the broker acknowledged: states, availability, discovery configs.",
          mqtt.published().getAsLong());
      counter(sb, "lenet_edge_mqtt_dropped_total",
          "State changes not queued for MQTT because the queue was full (broker slow or away).",
          mqtt.dropped().getAsLong());
      header(sb, "lenet_edge_mqtt_connected", "1 while connected to the MQTT broker, else 0.",
          "gauge");
      sb.append("lenet_edge_mqtt_connected ").append(mqtt.connected().getAsBoolean() ? 1 : 0)
          .append('\n');
    }
    return sb.toString();
  }

  private static String formatValue(double v) {
    return Double.isNaN(v) ? "NaN" : java.math.BigDecimal.valueOf(v).toPlainString();
  }

  private static void counter(StringBuilder sb, String name, String help, long value) {
    header(sb, name, help, "counter");
    sb.append(name).append(' ').append(value).append('\n');
  }

  private static void header(StringBuilder sb, String name, String help, String type) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }
}
