package io.lenetedge.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The export check's verdict from its figures. */
class VerificationTest {
  static Verification logits(double difference, double largest) {
    return new Verification(2000, 0.99, 0.99, 2000, difference, largest, 2000);
  }

  @Test
  void logitsMayDifferByTheToleranceUpToLogitsOfTen() {
    assertEquals(List.of(), logits(9e-5, 8).failures());
    List<String> f = logits(2.4e-4, 8).failures();
    assertEquals(1, f.size(), f.toString());
    assertTrue(f.get(0).contains("2.40e-04 exceeds 1.00e-04"), f.get(0));
  }

  @Test
  void largerLogitsMayDifferInProportion() {
    // a float32 sum of size 40 rounds about four times as coarsely as one of size 10
    assertEquals(List.of(), logits(2.4e-4, 40).failures());
    assertEquals(1, logits(5e-4, 40).failures().size());
  }

  @Test
  void accuracyAndArgmaxStillCount() {
    Verification v = new Verification(2000, 0.98, 0.99, 2000, 1e-5, 5, 1999);
    assertEquals(2, v.failures().size(), v.failures().toString());
  }
}
