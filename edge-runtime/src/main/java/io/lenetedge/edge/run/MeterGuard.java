package io.lenetedge.edge.run;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import io.lenetedge.edge.read.Reading;
import java.math.BigDecimal;
import java.util.List;

/**
 * Turns each frame's meter read (one digit per window, in order) into a value that only changes
 * when the read is plausible: a frame with nothing in any window is {@code no reading}; more
 * unsure windows than {@code maxUnknown} (up to that many are taken from the last good value) is
 * rejected; so is a value lower than the last good one ({@code monotonic}) or one that moved
 * faster than {@code maxRatePerMinute} since it. A rejected read never replaces the last good
 * value, and the next plausible read is taken again: the guards compare with the last good value,
 * not the last read. With a guard on, a value is only taken without a last good value to compare
 * with (the first, or after a meter really jumped: it was replaced, or the last good value was a
 * misread) once {@value #RESYNC} reads in a row agree with each other under the same guards; until
 * then the first value is {@code unconfirmed}. Pure; not thread-safe.
 */
public final class MeterGuard {
  /** This many reads in a row that agree under the guards confirm a value the guards refused. */
  public static final int RESYNC = 3;

  private final int decimals;
  private final boolean monotonic;
  private final Double maxRatePerMinute;
  private final int maxUnknown;
  private BigDecimal last;
  private char[] lastDigits;
  private long lastNanos;
  private BigDecimal chainValue;
  private long chainNanos;
  private int chainLength;

  /**
   * @param decimals how many of the last windows are behind the decimal point
   * @param monotonic whether the value may only rise
   * @param maxRatePerMinute the most the value may change per minute; null for no limit
   * @param maxUnknown how many unsure windows a read may have (filled from the last good value)
   */
  public MeterGuard(int decimals, boolean monotonic, Double maxRatePerMinute, int maxUnknown) {
    if (decimals < 0) {
      throw new UserError(USAGE, "--decimals must be 0 or more, got " + decimals);
    }
    if (maxRatePerMinute != null && !(maxRatePerMinute > 0)) {
      throw new UserError(USAGE, "--max-rate must be more than 0, got " + maxRatePerMinute);
    }
    if (maxUnknown < 0) {
      throw new UserError(USAGE, "--max-unknown must be 0 or more, got " + maxUnknown);
    }
    this.decimals = decimals;
    this.monotonic = monotonic;
    this.maxRatePerMinute = maxRatePerMinute;
    this.maxUnknown = maxUnknown;
  }

  /** The decision for a frame that read {@code reading} at {@code nanos} (a monotonic clock). */
  public MeterValue add(Reading reading, long nanos) {
    List<Reading.Digit> digits = reading.digits();
    char[] read = new char[digits.size()];
    int unknown = 0;
    boolean anyInk = false;
    for (int i = 0; i < read.length; i++) {
      Reading.Digit d = digits.get(i);
      read[i] = d.symbol();
      unknown += d.known() ? 0 : 1;
      anyInk |= d.prepared() != null;
    }
    String raw = withPoint(new String(read));
    if (!anyInk) {
      return new MeterValue(last, raw, ReadingStatus.NO_READING);
    }
    if (unknown > maxUnknown || unknown > 0 && (lastDigits == null || lastDigits.length != read.length)) {
      return new MeterValue(last, raw, ReadingStatus.UNKNOWN_DIGITS);
    }
    for (int i = 0; i < read.length; i++) {
      if (read[i] == Reading.UNSURE) {
        read[i] = lastDigits[i];
      }
    }
    BigDecimal value = new BigDecimal(new String(read)).movePointLeft(decimals);
    ReadingStatus why = last == null ? (guarded() ? ReadingStatus.UNCONFIRMED : ReadingStatus.OK)
        : refusal(last, lastNanos, value, nanos);
    if (why == ReadingStatus.OK) {
      return accept(value, read, nanos, raw);
    }
    boolean agrees = chainLength > 0 && refusal(chainValue, chainNanos, value, nanos) == ReadingStatus.OK;
    chainLength = agrees ? chainLength + 1 : 1;
    chainValue = value;
    chainNanos = nanos;
    if (chainLength >= RESYNC) {
      return accept(value, read, nanos, raw);
    }
    return new MeterValue(last, raw, why);
  }

  /** Forgets reads waiting for confirmation (a trigger press starts afresh); keeps the value. */
  public void reset() {
    chainLength = 0;
    chainValue = null;
  }

  private boolean guarded() {
    return monotonic || maxRatePerMinute != null;
  }

  /** Why {@code value} at {@code nanos} cannot follow {@code before} at {@code then}; OK if it can. */
  private ReadingStatus refusal(BigDecimal before, long then, BigDecimal value, long nanos) {
    if (monotonic && value.compareTo(before) < 0) {
      return ReadingStatus.MONOTONIC;
    }
    double minutes = (nanos - then) / 60e9;
    if (maxRatePerMinute != null
        && value.subtract(before).abs().doubleValue() > maxRatePerMinute * minutes) {
      return ReadingStatus.RATE;
    }
    return ReadingStatus.OK;
  }

  private MeterValue accept(BigDecimal value, char[] digits, long nanos, String raw) {
    last = value;
    lastDigits = digits;
    lastNanos = nanos;
    reset();
    return new MeterValue(value, raw, ReadingStatus.OK);
  }

  private String withPoint(String digits) {
    if (decimals == 0 || decimals >= digits.length()) {
      return digits;
    }
    int at = digits.length() - decimals;
    return digits.substring(0, at) + "." + digits.substring(at);
  }
}
