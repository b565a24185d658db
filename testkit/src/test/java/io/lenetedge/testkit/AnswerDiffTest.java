package io.lenetedge.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswerDiffTest {
  private final AnswerDiff diff = new AnswerDiff(1e-5, Set.of("latency_ms", "time"));

  @Test
  void numbersWithinToleranceAgree() {
    assertEquals(Optional.empty(), diff.compareLine(
        "{\"digit\":3,\"confidence\":0.999996}", "{\"digit\":3,\"confidence\":0.999991}"));
  }

  @Test
  void aProbabilityOutsideToleranceIsNamed() {
    Optional<String> d = diff.compareLine("{\"digit\":3,\"confidence\":0.99}", "{\"digit\":3,\"confidence\":0.98}");
    assertTrue(d.orElseThrow().startsWith("confidence is 0.98"), d.get());
  }

  @Test
  void anotherDigitOrTextIsADifference() {
    assertTrue(diff.compareLine("{\"digit\":3}", "{\"digit\":5}").isPresent());
    assertTrue(diff.compareLine("{\"text\":\"0521\"}", "{\"text\":\"0527\"}").orElseThrow().startsWith("text"));
    assertTrue(diff.compareLine("{\"digit\":3}", "{\"digit\":null}").isPresent());
    assertTrue(diff.compareLine("{\"digit\":3}", "{\"digit\":3,\"x\":1}").isPresent());
  }

  @Test
  void ignoredKeysMayDifferEvenInShape() {
    assertEquals(Optional.empty(), diff.compareLine(
        "{\"time\":\"12:00\",\"latency_ms\":{\"a\":1.5},\"digit\":1}",
        "{\"time\":\"12:01\",\"latency_ms\":{\"a\":9.5},\"digit\":1}"));
    assertTrue(diff.compareLine("{\"time\":1,\"digit\":1}", "{\"time\":2,\"digit\":2}").isPresent());
  }

  @Test
  void digitsOfEqualProbabilityMayComeInEitherOrder() {
    assertEquals(Optional.empty(), diff.compareLine(
        "{\"top3\":[{\"digit\":3,\"probability\":0.9},{\"digit\":8,\"probability\":0.0},{\"digit\":1,\"probability\":0.0}]}",
        "{\"top3\":[{\"digit\":3,\"probability\":0.9},{\"digit\":1,\"probability\":0.0},{\"digit\":8,\"probability\":0.0}]}"));
    assertTrue(diff.compareLine(
        "{\"top2\":[{\"digit\":3,\"probability\":0.9},{\"digit\":8,\"probability\":0.1}]}",
        "{\"top2\":[{\"digit\":3,\"probability\":0.9},{\"digit\":1,\"probability\":0.1}]}").isPresent());
  }

  @Test
  void plainTextLinesCompareWordByWord() {
    assertEquals(Optional.empty(), diff.compareLine("accuracy: 99.57 % (9957 of 10000) on t10k-images",
        "accuracy: 99.57 % (9957 of 10000) on t10k-images"));
    assertTrue(diff.compareLine("accuracy: 99.57 % on t10k-images", "accuracy: 99.56 % on t10k-images").isPresent());
  }
}
