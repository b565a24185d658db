package io.lenetedge.edge.run;

import java.util.Locale;

/**
 * What became of a frame's reading: taken, nothing read, or a meter read a guard rejected
 * ({@code unconfirmed}: a guarded meter's first value, until enough frames agree on it).
 */
public enum ReadingStatus {
  OK, MONOTONIC, RATE, UNKNOWN_DIGITS, UNCONFIRMED, NO_READING;

  /** As written in JSON lines: {@code ok}, {@code no reading}, {@code rejected: monotonic}, ... */
  @Override
  public String toString() {
    return switch (this) {
      case OK -> "ok";
      case NO_READING -> "no reading";
      default -> "rejected: " + name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }

  /** As a Prometheus label value: {@code ok}, {@code no_reading}, {@code rejected_monotonic}, ... */
  public String label() {
    return toString().replace(": ", "_").replace(' ', '_');
  }
}
