package io.lenetedge.edge.read;

import io.lenetedge.common.Logits;
import io.lenetedge.image.Candidates;
import io.lenetedge.image.MnistStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@link Candidates} once the model has classified their inputs: for each glyph the way of
 * reading it with the best score (its shape prior plus the log of each digit's confidence), the
 * digits' texts, and a space wherever the gap to the previous digit is wider than {@link #SPACE}
 * digit heights. Pure.
 */
public final class CandidateReader {
  /**
   * A gap of at least this many digit heights in a line is a space: about a digit's width plus
   * the usual spacing between the digits of a number.
   */
  public static final double SPACE = 1.0;
  /**
   * A glyph lower than this fraction of its line's digit height, and not flat like a wide digit,
   * is no sure digit (a lower-case letter, a symbol): it reads as {@code ?}.
   */
  public static final double SHORT = 0.6;

  /** Ways of more digits than this compete as this many. */
  private static final int MAX_COUNT = 7;

  private CandidateReader() {}

  /**
   * The reading of {@code candidates} given the probabilities of their inputs, in the order of
   * {@link Candidates#inputs()}; digits under {@code minConfidence} read as unsure.
   */
  public static Reading read(Candidates candidates, float[][] probabilities, float minConfidence) {
    int total = 0;
    for (Candidates.Line line : candidates.lines()) {
      for (Candidates.Glyph glyph : line.glyphs()) {
        total += size(glyph);
      }
    }
    if (total != probabilities.length) {
      throw new IllegalArgumentException(probabilities.length + " probability rows for " + total
          + " candidate inputs");
    }
    int next = 0;
    List<Reading.Line> lines = new ArrayList<>();
    for (Candidates.Line line : candidates.lines()) {
      List<Reading.Digit> digits = new ArrayList<>();
      MnistStyle.Prepared previous = null;
      for (Candidates.Glyph glyph : line.glyphs()) {
        int first = next;
        next += size(glyph);
        Candidates.Alternative best = choose(glyph, probabilities, first, line.digitHeight());
        int bestStart = start(glyph, best, first);
        if (best.digits().isEmpty()) {
          digits.add(new Reading.Digit(-1, 0f, null, null, false));
          continue;
        }
        for (int i = 0; i < best.digits().size(); i++) {
          MnistStyle.Prepared p = best.digits().get(i);
          boolean space = previous != null
              && p.x() - (previous.x() + previous.width()) >= SPACE * line.digitHeight();
          boolean shortGlyph = Double.isFinite(line.digitHeight())
              && p.height() < SHORT * line.digitHeight() && p.width() < 1.3 * p.height();
          digits.add(digit(probabilities[bestStart + i], p, space, shortGlyph ? 2f : minConfidence));
          previous = p;
        }
      }
      lines.add(new Reading.Line(digits));
    }
    return new Reading(lines);
  }

  /**
   * The way to read {@code glyph}: per number of digits the way with the best score (prior plus
   * log-confidences); between one digit and two the {@link SplitVerifier} decides; against three
   * or more, the score.
   */
  private static Candidates.Alternative choose(Candidates.Glyph glyph, float[][] p, int first,
      double digitHeight) {
    double[] bestScore = new double[MAX_COUNT + 1];
    Candidates.Alternative[] best = bestPerCount(glyph, p, first, bestScore);
    SplitVerifier.Features f = splitQuestion(glyph, best, p, first, digitHeight);
    if (f != null) {
      best[SplitVerifier.logOdds(f) > 0 ? 1 : 2] = null;
    }
    Candidates.Alternative chosen = null;
    double chosenScore = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < best.length; k++) {
      if (best[k] != null && (chosen == null || bestScore[k] > chosenScore)) {
        chosen = best[k];
        chosenScore = bestScore[k];
      }
    }
    return chosen;
  }

  /**
   * What the {@link SplitVerifier} is asked about {@code glyph} (its rows from {@code first}): the
   * features of its best one-digit way against its best two-digit way; null when it lacks either.
   */
  static SplitVerifier.Features splitQuestion(Candidates.Glyph glyph, float[][] p, int first,
      double digitHeight) {
    return splitQuestion(glyph, bestPerCount(glyph, p, first, new double[MAX_COUNT + 1]), p, first,
        digitHeight);
  }

  private static SplitVerifier.Features splitQuestion(Candidates.Glyph glyph,
      Candidates.Alternative[] best, float[][] p, int first, double digitHeight) {
    if (best[1] == null || best[2] == null) {
      return null;
    }
    int splitAt = start(glyph, best[2], first);
    return SplitVerifier.Features.of(glyph, digitHeight, p[start(glyph, best[1], first)], best[2],
        p[splitAt], p[splitAt + 1]);
  }

  /** Per number of digits (up to {@link #MAX_COUNT}), the way with the best score, and its score. */
  private static Candidates.Alternative[] bestPerCount(Candidates.Glyph glyph, float[][] p,
      int first, double[] bestScore) {
    Candidates.Alternative[] best = new Candidates.Alternative[MAX_COUNT + 1];
    int at = first;
    for (Candidates.Alternative a : glyph.alternatives()) {
      double score = a.prior() + logConfidence(a, p, at);
      int k = Math.min(a.digits().size(), MAX_COUNT);
      if (best[k] == null || score > bestScore[k]) {
        best[k] = a;
        bestScore[k] = score;
      }
      at += a.digits().size();
    }
    return best;
  }

  private static double logConfidence(Candidates.Alternative a, float[][] p, int from) {
    double sum = 0;
    for (int i = 0; i < a.digits().size(); i++) {
      float[] row = p[from + i];
      sum += Math.log(Math.max(1e-9, row[Logits.argmax(row, 0, row.length)]));
    }
    return sum;
  }

  /** Where {@code a}'s probability rows start, given the glyph's first row. */
  private static int start(Candidates.Glyph glyph, Candidates.Alternative a, int first) {
    int at = first;
    for (Candidates.Alternative b : glyph.alternatives()) {
      if (b == a) {
        return at;
      }
      at += b.digits().size();
    }
    throw new IllegalArgumentException("not an alternative of this glyph");
  }

  /** How many model inputs {@code glyph} has: every digit of every way to read it. */
  static int size(Candidates.Glyph glyph) {
    int n = 0;
    for (Candidates.Alternative a : glyph.alternatives()) {
      n += a.digits().size();
    }
    return n;
  }

  private static Reading.Digit digit(float[] p, MnistStyle.Prepared prepared, boolean space,
      float minConfidence) {
    int best = Logits.argmax(p, 0, p.length);
    return new Reading.Digit(p[best] >= minConfidence ? best : -1, p[best], p, prepared, space);
  }
}
