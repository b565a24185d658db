package io.lenetedge.edge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lenetedge.common.UserError;
import io.lenetedge.image.MnistStyle;
import io.lenetedge.edge.read.Reading;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeterGuardTest {
  private static final long MINUTE = 60_000_000_000L;

  /** A read of the windows: a digit per character, {@code ?} unsure, {@code _} an empty window. */
  static Reading windows(String digits) {
    List<Reading.Digit> list = new ArrayList<>();
    for (char c : digits.toCharArray()) {
      MnistStyle.Prepared box = c == '_' ? null
          : new MnistStyle.Prepared(new float[784], list.size() * 10, 0, 8, 12, false);
      int d = c >= '0' && c <= '9' ? c - '0' : -1;
      list.add(new Reading.Digit(d, d >= 0 ? 0.99f : 0.3f, box == null ? null : new float[10], box,
          false));
    }
    return new Reading(List.of(new Reading.Line(list)));
  }

  /** Feeds {@code digits} until the guard takes it as its first value. */
  static void confirm(MeterGuard g, String digits, long nanos) {
    for (int i = 0; i < MeterGuard.RESYNC; i++) {
      g.add(windows(digits), nanos);
    }
    assertEquals(ReadingStatus.OK, g.add(windows(digits), nanos).status());
  }

  @Test
  void withoutGuardsAGoodReadIsTheValueWithItsDecimalPoint() {
    MeterValue v = new MeterGuard(2, false, null, 0).add(windows("012345"), 0);
    assertEquals(ReadingStatus.OK, v.status());
    assertEquals(new BigDecimal("123.45"), v.value());
    assertEquals("0123.45", v.raw());
  }

  @Test
  void withGuardsTheFirstValueWaitsForReadsThatAgree() {
    MeterGuard g = new MeterGuard(0, true, 10.0, 0);
    MeterValue misread = g.add(windows("16876433"), 0);
    assertEquals(ReadingStatus.UNCONFIRMED, misread.status());
    assertNull(misread.value(), "a first read is not trusted on its own");
    assertEquals(ReadingStatus.UNCONFIRMED, g.add(windows("06870433"), MINUTE).status());
    assertEquals(ReadingStatus.UNCONFIRMED, g.add(windows("06870435"), 2 * MINUTE).status());
    MeterValue v = g.add(windows("06870436"), 3 * MINUTE);
    assertEquals(ReadingStatus.OK, v.status(), "three reads in a row that agree under the guards");
    assertEquals(new BigDecimal("6870436"), v.value());
  }

  @Test
  void aLowerValueIsRejectedAndNeverReplacesTheLastGoodOne() {
    MeterGuard g = new MeterGuard(0, true, null, 0);
    confirm(g, "00500", 0);
    MeterValue low = g.add(windows("00499"), MINUTE);
    assertEquals(ReadingStatus.MONOTONIC, low.status());
    assertEquals(new BigDecimal("500"), low.value());
    assertEquals("00499", low.raw());
    MeterValue next = g.add(windows("00501"), 2 * MINUTE);
    assertEquals(ReadingStatus.OK, next.status(), "a later correct read is taken again");
    assertEquals(new BigDecimal("501"), next.value());
  }

  @Test
  void aJumpFasterThanTheRateIsRejectedAndTheAllowanceGrowsWithTime() {
    MeterGuard g = new MeterGuard(0, false, 10.0, 0);
    confirm(g, "1000", 0);
    assertEquals(ReadingStatus.RATE, g.add(windows("1900"), MINUTE).status());
    assertEquals(ReadingStatus.RATE, g.add(windows("0100"), MINUTE).status(), "down as well as up");
    assertEquals(ReadingStatus.OK, g.add(windows("1009"), MINUTE).status());
    assertEquals(ReadingStatus.OK, g.add(windows("1050"), 6 * MINUTE).status(), "41 in 5 minutes");
  }

  @Test
  void unsureDigitsAreRejectedOrTakenFromTheLastGoodValueUpToTheLimit() {
    MeterGuard strict = new MeterGuard(0, true, null, 0);
    confirm(strict, "4321", 0);
    assertEquals(ReadingStatus.UNKNOWN_DIGITS, strict.add(windows("43?2"), 1).status());

    MeterGuard lenient = new MeterGuard(0, true, null, 1);
    assertEquals(ReadingStatus.UNKNOWN_DIGITS, lenient.add(windows("43?1"), 0).status(),
        "no last value to fill from");
    confirm(lenient, "4321", 1);
    MeterValue filled = lenient.add(windows("43?5"), 2);
    assertEquals(ReadingStatus.OK, filled.status());
    assertEquals(new BigDecimal("4325"), filled.value());
    assertEquals("43?5", filled.raw());
    assertEquals(ReadingStatus.UNKNOWN_DIGITS, lenient.add(windows("4??5"), 3).status());
  }

  @Test
  void aFrameWithNothingInAnyWindowIsNoReading() {
    MeterGuard g = new MeterGuard(0, true, null, 3);
    MeterValue dark = g.add(windows("____"), 0);
    assertEquals(ReadingStatus.NO_READING, dark.status());
    assertNull(dark.value());
    confirm(g, "1234", 1);
    assertEquals(new BigDecimal("1234"), g.add(windows("____"), 2).value());
  }

  @Test
  void threeRejectedReadsInARowThatAgreeAreFollowed() {
    MeterGuard g = new MeterGuard(0, true, null, 0);
    confirm(g, "9000", 0);
    for (int i = 1; i < MeterGuard.RESYNC; i++) {
      assertEquals(ReadingStatus.MONOTONIC, g.add(windows("1000"), i).status());
    }
    MeterValue v = g.add(windows("1000"), MeterGuard.RESYNC);
    assertEquals(ReadingStatus.OK, v.status(), "the meter was replaced, or 9000 was a misread");
    assertEquals(new BigDecimal("1000"), v.value());
  }

  @Test
  void differentRejectedValuesDoNotAddUpToAResync() {
    MeterGuard g = new MeterGuard(0, true, null, 0);
    confirm(g, "9000", 0);
    for (int i = 1; i <= 6; i++) {
      assertEquals(ReadingStatus.MONOTONIC, g.add(windows("100" + (i % 2)), i).status());
    }
  }

  @Test
  void badGuardsAreRefused() {
    assertThrows(UserError.class, () -> new MeterGuard(-1, false, null, 0));
    assertThrows(UserError.class, () -> new MeterGuard(0, false, 0.0, 0));
    assertThrows(UserError.class, () -> new MeterGuard(0, false, null, -1));
  }
}
