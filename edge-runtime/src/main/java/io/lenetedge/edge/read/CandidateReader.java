package io.lenetedge.edge.read;

import io.lenetedge.common.Logits;
import io.lenetedge.image.Candidates;
import io.lenetedge.image.MnistStyle;
import io.lenetedge.image.PieceClass;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@link Candidates} once the model has classified their inputs: for each glyph the way of
 * reading it with the best score (its shape prior, the log of each digit's confidence and, with
 * the {@link PageModels}, the piece verifier's say), the digits' texts, and a space wherever the gap to the previous digit is wider than {@link #SPACE}
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

  /** The page digit model's share in the blend of the two digit opinions of a whole piece. */
  static final double PAGE_DIGIT_SHARE = 0.3;
  /** How much the piece verifier's log-probability that a piece is one digit counts. */
  static final double PIECE_WEIGHT = 1.0;

  private CandidateReader() {}

  /**
   * The reading of {@code candidates} given the probabilities of their inputs, in the order of
   * {@link Candidates#inputs()}; digits under {@code minConfidence} read as unsure.
   */
  public static Reading read(Candidates candidates, float[][] probabilities, float minConfidence) {
    return read(candidates, probabilities, null, null, minConfidence);
  }

  /**
   * The reading of {@code candidates} given the digit model's probabilities of their inputs and,
   * when not null, the {@link PageModels}' of their context views (all in the order of
   * {@link Candidates#inputs()}): the page digit model's blended into the digit model's, and the
   * piece verifier's say in how to read each glyph; digits under {@code minConfidence} read as
   * unsure.
   */
  public static Reading read(Candidates candidates, float[][] probabilities, float[][] pageDigits,
      float[][] pieces, float minConfidence) {
    return read(candidates, pageDigits == null ? probabilities : blend(probabilities, pageDigits),
        pieces, minConfidence, PIECE_WEIGHT);
  }

  static Reading read(Candidates candidates, float[][] probabilities, float[][] pieces,
      float minConfidence, double pieceWeight) {
    int total = 0;
    for (Candidates.Line line : candidates.lines()) {
      for (Candidates.Glyph glyph : line.glyphs()) {
        total += size(glyph);
      }
    }
    if (total != probabilities.length || pieces != null && total != pieces.length) {
      throw new IllegalArgumentException(probabilities.length + " probability rows and "
          + (pieces == null ? 0 : pieces.length) + " piece rows for " + total + " candidate inputs");
    }
    int next = 0;
    List<Reading.Line> lines = new ArrayList<>();
    for (Candidates.Line line : candidates.lines()) {
      List<Reading.Digit> digits = new ArrayList<>();
      MnistStyle.Prepared previous = null;
      for (Candidates.Glyph glyph : line.glyphs()) {
        int first = next;
        next += size(glyph);
        Candidates.Alternative best = choose(glyph, probabilities, pieces, first, pieceWeight);
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
   * The way to read {@code glyph} with the best score: its shape prior, plus the log of each
   * digit's confidence, plus (with a piece verifier) {@code pieceWeight} times the log of the
   * probability that each piece is one whole digit.
   */
  private static Candidates.Alternative choose(Candidates.Glyph glyph, float[][] p,
      float[][] pieces, int first, double pieceWeight) {
    Candidates.Alternative chosen = null;
    double chosenScore = Double.NEGATIVE_INFINITY;
    int at = first;
    for (Candidates.Alternative a : glyph.alternatives()) {
      double score = a.prior() + logConfidence(a, p, at);
      if (pieces != null && glyph.alternatives().size() > 1) {
        for (int i = 0; i < a.digits().size(); i++) {
          score += pieceWeight * Math.log(Math.max(1e-9, pieces[at + i][PieceClass.DIGIT]));
        }
      }
      if (chosen == null || score > chosenScore) {
        chosen = a;
        chosenScore = score;
      }
      at += a.digits().size();
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

  /**
   * The digit model's rows blended with the page digit model's: a geometric mean that gives
   * the page model {@link #PAGE_DIGIT_SHARE}, normalised.
   */
  static float[][] blend(float[][] digits, float[][] page) {
    if (digits.length != page.length) {
      throw new IllegalArgumentException(page.length + " page rows for " + digits.length + " inputs");
    }
    float[][] out = new float[digits.length][];
    for (int r = 0; r < digits.length; r++) {
      double[] m = new double[digits[r].length];
      double sum = 0;
      for (int k = 0; k < m.length; k++) {
        m[k] = Math.exp((1 - PAGE_DIGIT_SHARE) * Math.log(Math.max(1e-12, digits[r][k]))
            + PAGE_DIGIT_SHARE * Math.log(Math.max(1e-12, page[r][k])));
        sum += m[k];
      }
      out[r] = new float[m.length];
      for (int k = 0; k < m.length; k++) {
        out[r][k] = (float) (m[k] / sum);
      }
    }
    return out;
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
