package io.lenetedge.edge.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecentValuesTest {
  @Test
  void keepsTheLastValuesOldestFirst() {
    RecentValues r = new RecentValues(3);
    assertArrayEquals(new long[0], r.snapshot());
    for (long v = 1; v <= 5; v++) {
      r.record(v);
    }
    assertArrayEquals(new long[] {3, 4, 5}, r.snapshot());
  }

  @Test
  void percentilesAreNearestRank() {
    long[] v = {50, 10, 40, 20, 30, 60, 70, 80, 90, 100};
    assertEquals(50, RecentValues.percentile(v, 50));
    assertEquals(100, RecentValues.percentile(v, 99));
    assertEquals(10, RecentValues.percentile(v, 0));
    assertEquals(0, RecentValues.percentile(new long[0], 50));
  }

  @Test
  void rateIsEventsPerSecondOverTheSpan() {
    assertEquals(10.0, RecentValues.rate(new long[] {0, 100_000_000, 200_000_000, 300_000_000}), 1e-9);
    assertEquals(0.0, RecentValues.rate(new long[] {5}));
  }
}
