package io.lenetedge.edge.read;

import java.util.Locale;

/**
 * How well read texts match the truth, over a set of pages: lines read exactly (spaces included),
 * and digit accuracy, one minus the character error rate (the edit distance between the digits
 * read and the digits written, over the digits written; spaces do not count). Read lines are
 * matched to written lines in order; a missing line is all deletions, an extra one all
 * insertions. Not thread-safe.
 */
public final class TextScore {
  private long pages;
  private long pagesExact;
  private long lines;
  private long linesExact;
  private long digits;
  private long edits;

  /** Adds one page: what was written and what was read (lines joined by newlines). */
  public void add(String truth, String read) {
    String[] t = split(truth);
    String[] r = split(read);
    pages++;
    boolean exact = t.length == r.length;
    for (int i = 0; i < Math.max(t.length, r.length); i++) {
      String tl = i < t.length ? t[i] : "";
      String rl = i < r.length ? r[i] : "";
      if (i < t.length) {
        lines++;
        if (tl.equals(rl)) {
          linesExact++;
        } else {
          exact = false;
        }
      }
      String td = tl.replace(" ", "");
      digits += td.length();
      edits += distance(td, rl.replace(" ", ""));
    }
    if (exact) {
      pagesExact++;
    }
  }

  public long pages() {
    return pages;
  }

  public long lines() {
    return lines;
  }

  public long linesExact() {
    return linesExact;
  }

  /** Lines read exactly, over lines written. */
  public double lineAccuracy() {
    return lines == 0 ? 0 : (double) linesExact / lines;
  }

  /** One minus the character error rate. */
  public double digitAccuracy() {
    return digits == 0 ? 0 : 1 - (double) edits / digits;
  }

  /** One line: pages, lines exact, digit accuracy. */
  public String summary() {
    return String.format(Locale.ROOT, "%d pages, %d lines: %d lines read exactly (%.2f %%),"
        + " digit accuracy %.2f %% (%d edits in %d digits); %d pages exactly", pages, lines,
        linesExact, 100 * lineAccuracy(), 100 * digitAccuracy(), edits, digits, pagesExact);
  }

  private static String[] split(String text) {
    return text == null || text.isEmpty() ? new String[0] : text.split("\n", -1);
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] tmp = prev;
      prev = cur;
      cur = tmp;
    }
    return prev[b.length()];
  }
}
