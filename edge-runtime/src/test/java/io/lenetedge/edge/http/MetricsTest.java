package io.lenetedge.edge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.edge.run.Decision;
import io.lenetedge.edge.read.Reading;
import io.lenetedge.edge.run.FrameResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private static final Pattern SAMPLE = Pattern.compile("([a-z_]+)(\\{[^}]*\\})? (\\S+)");

  static FrameResult result(long frame, int digit, long preprocessNanos, long totalNanos) {
    Decision d = digit < 0 ? Decision.NONE : Decision.digit(digit, 0.9f);
    return new FrameResult(frame, Reading.NONE, d, 1_000, preprocessNanos, 0, totalNanos);
  }

  /** Samples by name and labels, e.g. {@code lenet_edge_decisions_total{digit="3"}}; checks each line's form. */
  static Map<String, Double> parse(String text) {
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      assertTrue(m.matches(), "not a sample line: " + line);
      samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
    }
    return samples;
  }

  @Test
  void theMetersLastGoodValueIsAGauge() {
    Metrics m = new Metrics(() -> 0);
    assertTrue(m.text().contains("\nlenet_edge_meter_value NaN\n"), m.text());
    m.onDecision(Decision.meter(new io.lenetedge.edge.run.MeterValue(new java.math.BigDecimal("1234.5"),
        "1234.5", io.lenetedge.edge.run.ReadingStatus.OK), 1f));
    m.onDecision(Decision.meter(new io.lenetedge.edge.run.MeterValue(new java.math.BigDecimal("1234.5"),
        "1200.0", io.lenetedge.edge.run.ReadingStatus.MONOTONIC), 1f));
    m.onDecision(Decision.digit(3, 0.9f));
    assertTrue(m.text().contains("\nlenet_edge_meter_value 1234.5\n"), m.text());
  }

  @Test
  void readingsAreCountedByStatus() {
    Metrics m = new Metrics(() -> 0);
    java.util.function.BiConsumer<io.lenetedge.edge.run.ReadingStatus, Integer> feed = (status, n) -> {
      for (int i = 0; i < n; i++) {
        var v = new io.lenetedge.edge.run.MeterValue(java.math.BigDecimal.ONE, "1", status);
        m.onFrame(null, new FrameResult(i, Reading.NONE, Decision.meter(v, 1f), 0, 0, 0, 0));
      }
    };
    feed.accept(io.lenetedge.edge.run.ReadingStatus.OK, 3);
    feed.accept(io.lenetedge.edge.run.ReadingStatus.MONOTONIC, 2);
    feed.accept(io.lenetedge.edge.run.ReadingStatus.NO_READING, 1);
    m.onFrame(null, new FrameResult(9, Reading.NONE, Decision.text("42", 0.9f), 0, 0, 0, 0));
    var samples = parse(m.text());
    assertEquals(4, samples.get("lenet_edge_readings_total{status=\"ok\"}"));
    assertEquals(2, samples.get("lenet_edge_readings_total{status=\"rejected_monotonic\"}"));
    assertEquals(0, samples.get("lenet_edge_readings_total{status=\"rejected_rate\"}"));
    assertEquals(0, samples.get("lenet_edge_readings_total{status=\"rejected_unknown_digits\"}"));
    assertEquals(1, samples.get("lenet_edge_readings_total{status=\"no_reading\"}"));
    assertEquals(3, samples.get("lenet_edge_no_digit_frames_total"), "rejected and empty reads name nothing");
  }

  @Test
  void countsFramesDecisionsNoDigitFramesRestartsAndErrors() {
    AtomicInteger restarts = new AtomicInteger();
    Metrics metrics = new Metrics(restarts::get);
    int[] digits = {3, 3, -1, 7, 3};
    for (int i = 0; i < digits.length; i++) {
      FrameResult r = result(i, digits[i], 200_000, 300_000);
      metrics.onFrame(null, r);
      metrics.onDecision(r.decision());
    }
    metrics.onFrame(null, null);
    restarts.set(2);
    metrics.error();
    metrics.onEnd("error", new IllegalStateException("boom"));

    Map<String, Double> s = parse(metrics.text());
    assertEquals(5, s.get("lenet_edge_frames_total"));
    assertEquals(1, s.get("lenet_edge_skipped_frames_total"));
    assertEquals(3, s.get("lenet_edge_decisions_total{digit=\"3\"}"));
    assertEquals(1, s.get("lenet_edge_decisions_total{digit=\"7\"}"));
    assertEquals(0, s.get("lenet_edge_decisions_total{digit=\"0\"}"));
    assertEquals(1, s.get("lenet_edge_no_digit_frames_total"));
    assertEquals(2, s.get("lenet_edge_source_restarts_total"));
    assertEquals(2, s.get("lenet_edge_errors_total"));
  }

  @Test
  void stageHistogramsAreCumulativeWithCountAndSumInSeconds() {
    Metrics metrics = new Metrics(() -> 0);
    metrics.onFrame(null, result(0, 1, 40_000, 3_000_000));
    metrics.onFrame(null, result(1, 1, 400_000, 30_000_000));
    metrics.onFrame(null, result(2, 1, 4_000_000_000L, 4_000_000_000L));

    Map<String, Double> s = parse(metrics.text());
    String pre = "lenet_edge_stage_seconds_bucket{stage=\"preprocess\",le=\"";
    assertEquals(1, s.get(pre + "0.00005\"}"));
    assertEquals(1, s.get(pre + "0.00025\"}"));
    assertEquals(2, s.get(pre + "0.0005\"}"));
    assertEquals(2, s.get(pre + "1\"}"));
    assertEquals(3, s.get(pre + "+Inf\"}"));
    assertEquals(3, s.get("lenet_edge_stage_seconds_count{stage=\"preprocess\"}"));
    assertEquals(4.00044, s.get("lenet_edge_stage_seconds_sum{stage=\"preprocess\"}"), 1e-9);
    for (String stage : Metrics.STAGES) {
      List<Double> buckets = new ArrayList<>();
      s.forEach((k, v) -> {
        if (k.startsWith("lenet_edge_stage_seconds_bucket{stage=\"" + stage + "\"")) {
          buckets.add(v);
        }
      });
      assertEquals(StageHistogram.BOUNDS_NANOS.length + 1, buckets.size(), stage);
      for (int i = 1; i < buckets.size(); i++) {
        assertTrue(buckets.get(i) >= buckets.get(i - 1), stage + " buckets " + buckets);
      }
      assertEquals(3, buckets.getLast(), stage);
    }
  }

  @Test
  void everyMetricHasHelpAndType() {
    String text = new Metrics(() -> 0).text();
    for (String name : List.of("lenet_edge_frames_total", "lenet_edge_decisions_total",
        "lenet_edge_no_digit_frames_total", "lenet_edge_stage_seconds",
        "lenet_edge_source_restarts_total", "lenet_edge_errors_total")) {
      assertTrue(text.contains("# HELP " + name + " "), name);
      assertTrue(text.contains("# TYPE " + name + " "), name);
    }
    assertTrue(text.contains("# TYPE lenet_edge_stage_seconds histogram"), text);
  }

  @Test
  void theMqttSinksCountersAreReadAtEachScrapeAndOnlyWhenThereIsOne() {
    AtomicLong published = new AtomicLong(4);
    AtomicLong dropped = new AtomicLong();
    AtomicBoolean connected = new AtomicBoolean(true);
    Metrics metrics = new Metrics(() -> 0,
        new Metrics.MqttCounters(published::get, dropped::get, connected::get));
    Map<String, Double> before = parse(metrics.text());
    assertEquals(4, before.get("lenet_edge_mqtt_published_total"));
    assertEquals(0, before.get("lenet_edge_mqtt_dropped_total"));
    assertEquals(1, before.get("lenet_edge_mqtt_connected"));
    published.addAndGet(3);
    dropped.set(2);
    connected.set(false);
    Map<String, Double> after = parse(metrics.text());
    assertEquals(7, after.get("lenet_edge_mqtt_published_total"));
    assertEquals(2, after.get("lenet_edge_mqtt_dropped_total"));
    assertEquals(0, after.get("lenet_edge_mqtt_connected"));
    String text = metrics.text();
    assertTrue(text.contains("# TYPE lenet_edge_mqtt_dropped_total counter"), text);
    assertTrue(text.contains("# TYPE lenet_edge_mqtt_connected gauge"), text);
    assertTrue(text.contains("# HELP lenet_edge_mqtt_published_total "), text);
    assertFalse(new Metrics(() -> 0).text().contains("lenet_edge_mqtt_"));
  }
}
