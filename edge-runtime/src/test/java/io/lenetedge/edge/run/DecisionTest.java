package io.lenetedge.edge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecisionTest {
  @Test
  void aOneDigitDisplayShowsTheLastDigitOfANumberOrAValue() {
    assertEquals(7, Decision.digit(7, 0.9f).shownDigit());
    assertEquals(-1, Decision.NONE.shownDigit());
    assertEquals(9, Decision.text("0522 1859\n17 9", 0.9f).shownDigit());
    assertEquals(-1, Decision.text("12?", 0.9f).shownDigit(), "an unsure last digit blanks it");
    assertEquals(-1, Decision.text(null, 0f).shownDigit());
    MeterValue v = new MeterValue(new BigDecimal("1234.50"), "1234.5?", ReadingStatus.UNKNOWN_DIGITS);
    assertEquals(0, Decision.meter(v, 0.5f).shownDigit(), "the last good value, even when this read was refused");
    assertEquals(-1, Decision.meter(new MeterValue(null, "____", ReadingStatus.NO_READING), 0f).shownDigit());
  }

  @Test
  void whatADecisionNamesAndItsStatus() {
    assertTrue(Decision.text("1", 1f).found());
    assertFalse(Decision.text(null, 0f).found());
    assertEquals(ReadingStatus.NO_READING, Decision.text(null, 0f).status());
    MeterValue rejected = new MeterValue(BigDecimal.TEN, "11", ReadingStatus.RATE);
    assertFalse(Decision.meter(rejected, 1f).found());
    assertEquals("rejected: rate", Decision.meter(rejected, 1f).status().toString());
    assertEquals("rejected_unknown_digits", ReadingStatus.UNKNOWN_DIGITS.label());
  }

  @Test
  void changesAreJudgedByWhatIsShown() {
    assertEquals(Decision.text("12", 0.9f).key(), Decision.text("12", 0.5f).key());
    assertFalse(Decision.text("12", 0.9f).key().equals(Decision.text("13", 0.9f).key()));
    MeterValue a = new MeterValue(BigDecimal.TEN, "10", ReadingStatus.OK);
    MeterValue b = new MeterValue(BigDecimal.TEN, "09", ReadingStatus.MONOTONIC);
    assertFalse(Decision.meter(a, 1f).key().equals(Decision.meter(b, 1f).key()), "a rejection is a change");
  }
}
