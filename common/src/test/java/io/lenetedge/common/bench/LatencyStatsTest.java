package io.lenetedge.common.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {
  @Test
  void percentilesAreInMicrosecondsOfTheRecordedNanoseconds() {
    Histogram h = LatencyStats.newHistogram();
    for (int us = 1; us <= 1000; us++) {
      h.recordValue(us * 1000L);
    }
    LatencyStats s = LatencyStats.of(h, 4, 2.0);
    assertEquals(1000, s.calls());
    assertEquals(500, s.p50(), 1);
    assertEquals(900, s.p90(), 1);
    assertEquals(990, s.p99(), 1);
    assertEquals(999, s.p999(), 1);
    assertEquals(1000, s.max(), 1);
    assertEquals(500.5, s.mean(), 1);
    assertEquals(LatencyStats.CURVE_PERCENTILES.length, s.curve().length);
    assertEquals(1, s.curve()[0], 0.01);
    assertEquals(s.p50(), s.curve()[3]);
  }

  @Test
  void imagesPerSecondCountsEveryImageOfABatch() {
    Histogram h = LatencyStats.newHistogram();
    h.recordValue(1000);
    h.recordValue(3000);
    assertEquals(2 * 64 / 0.5, LatencyStats.of(h, 64, 0.5).imagesPerSecond(), 1e-9);
  }
}
