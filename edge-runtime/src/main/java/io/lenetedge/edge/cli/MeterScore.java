package io.lenetedge.edge.cli;

import java.util.Map;
import java.util.TreeMap;

/**
 * How a meter reader did on strips: good frames whose value was right, and bad frames (by kind)
 * that were rejected or read as nothing without the value changing. Not thread-safe.
 */
final class MeterScore {
  private final Map<String, int[]> byKind = new TreeMap<>();
  private int unconfirmed;

  /** A good frame before the strip's first value was confirmed: no value yet, none wrong. */
  void unconfirmed() {
    unconfirmed++;
  }

  void add(String kind, boolean right) {
    int[] c = byKind.computeIfAbsent(kind, k -> new int[2]);
    c[0] += right ? 1 : 0;
    c[1]++;
  }

  /** Right and total frames of a kind ({@code good}, {@code dark}, ...). */
  int[] of(String kind) {
    return byKind.getOrDefault(kind, new int[2]).clone();
  }

  /** Right and total bad frames, all kinds. */
  int[] bad() {
    int[] sum = new int[2];
    byKind.forEach((k, c) -> {
      if (!k.equals("good")) {
        sum[0] += c[0];
        sum[1] += c[1];
      }
    });
    return sum;
  }

  String summary() {
    int[] good = of("good");
    int[] bad = bad();
    StringBuilder sb = new StringBuilder();
    sb.append(good[0]).append(" of ").append(good[1]).append(" good frames' values right (")
        .append(unconfirmed).append(" more before the first value was confirmed); ")
        .append(bad[0]).append(" of ").append(bad[1]).append(" bad frames rejected or no reading");
    StringBuilder kinds = new StringBuilder();
    byKind.forEach((k, c) -> {
      if (!k.equals("good")) {
        kinds.append(kinds.isEmpty() ? "" : ", ").append(k).append(' ').append(c[0]).append('/')
            .append(c[1]);
      }
    });
    return sb.append(" (").append(kinds).append(')').toString();
  }
}
