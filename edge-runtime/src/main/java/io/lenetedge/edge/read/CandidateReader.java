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
    Candidates.Alternative[] best = new Candidates.Alternative[8];
    double[] bestScore = new double[8];
    int at = first;
    for (Candidates.Alternative a : glyph.alternatives()) {
      double confidence = logConfidence(a, p, at);
      double score = a.prior() + confidence;
      int k = Math.min(a.digits().size(), best.length - 1);
      if (best[k] == null || score > bestScore[k]) {
        best[k] = a;
        bestScore[k] = score;
      }
      at += a.digits().size();
    }
    if (best[1] != null && best[2] != null) {
      int wholeAt = start(glyph, best[1], first);
      int splitAt = start(glyph, best[2], first);
      double whole = SplitVerifier.margin(p[wholeAt]);
      double piece = Math.min(SplitVerifier.margin(p[splitAt]), SplitVerifier.margin(p[splitAt + 1]));
      double lower = Math.min(best[2].digits().get(0).height(), best[2].digits().get(1).height())
          / digitHeight;
      int digit = Logits.argmax(p[wholeAt], 0, p[wholeAt].length);
      boolean two = SplitVerifier.logOdds(glyph.aspect(), digit, whole, piece, best[2].neck(), lower)
          > 0;
      best[two ? 1 : 2] = null;
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

  private static int size(Candidates.Glyph glyph) {
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
