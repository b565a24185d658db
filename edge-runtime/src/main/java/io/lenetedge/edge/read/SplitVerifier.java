package io.lenetedge.edge.read;

import io.lenetedge.common.Logits;
import io.lenetedge.image.Candidates;

/**
 * Decides whether a glyph is two touching digits rather than one wide digit, from what the model
 * and the ink say: the glyph's width over its line's digit height, the digit it reads as whole,
 * the model's margin (log of the best class's probability over the second's) for the glyph read
 * whole and for the less certain piece of its best cut into two, how thin the join at that cut
 * is, and how high the lower piece is. Margins rather than probabilities, because a probability
 * saturates at 1 where a margin keeps telling a clean digit from a merely plausible one. A
 * logistic model; its weights were fitted on 13,355 such glyphs of 3,000 generated pages of MNIST
 * <em>training</em> digits (seed 31; never the test digits the targets are measured on) by
 * {@code SplitVerifierFit}, which checks them. Pure.
 */
final class SplitVerifier {
  /** Margins above this say nothing more. */
  static final double MAX_MARGIN = 30;
  /**
   * The weights, in the order of {@link Features#vector()} — width, whole margin, piece margin,
   * neck, lower piece, then one per digit read whole (a whole "1" is often two touching 1s, a "0"
   * seldom two) — and the bias last.
   */
  private static final double[] WEIGHTS = {11.633, -0.472, 0.497, -4.981, 9.422,
      -1.545, 2.522, -0.696, -0.461, 0.821, -1.265, 0.282, 0.169, 0.68, -0.507,
      -17.886};

  private SplitVerifier() {}

  /**
   * What the verifier looks at for one glyph.
   *
   * @param aspect glyph width over the line's digit height
   * @param wholeDigit the digit the glyph reads as whole
   * @param wholeMargin the model's margin for the glyph read as one digit
   * @param pieceMargin the smaller of the two pieces' margins
   * @param neck ink at the cut over the lower ink peak beside it
   * @param lowerPiece the lower piece's height over the line's digit height
   */
  record Features(double aspect, int wholeDigit, double wholeMargin, double pieceMargin,
      double neck, double lowerPiece) {
    /**
     * The features of {@code glyph} read {@code whole} (its probability row {@code wholeRow}) or
     * cut in two as {@code split} (rows {@code left} and {@code right}).
     */
    static Features of(Candidates.Glyph glyph, double digitHeight, float[] wholeRow,
        Candidates.Alternative split, float[] left, float[] right) {
      double lower = Math.min(split.digits().get(0).height(), split.digits().get(1).height())
          / digitHeight;
      return new Features(glyph.aspect(), Logits.argmax(wholeRow, 0, wholeRow.length),
          margin(wholeRow), Math.min(margin(left), margin(right)), split.neck(), lower);
    }

    /**
     * The features as the weights take them: the five measures (margins capped at
     * {@link #MAX_MARGIN}), then one indicator per digit read whole.
     */
    double[] vector() {
      double[] v = new double[WEIGHTS.length - 1];
      v[0] = aspect;
      v[1] = Math.min(MAX_MARGIN, wholeMargin);
      v[2] = Math.min(MAX_MARGIN, pieceMargin);
      v[3] = neck;
      v[4] = lowerPiece;
      v[5 + wholeDigit] = 1;
      return v;
    }
  }

  /** A copy of the shipped weights: {@link Features#vector()}'s order, the bias last. */
  static double[] weights() {
    return WEIGHTS.clone();
  }

  /** The log-odds that the glyph is two digits. */
  static double logOdds(Features f) {
    return logOdds(WEIGHTS, f);
  }

  /** The log-odds that the glyph is two digits under {@code weights} (bias last). */
  static double logOdds(double[] weights, Features f) {
    double[] v = f.vector();
    double z = weights[v.length];
    for (int j = 0; j < v.length; j++) {
      z += weights[j] * v[j];
    }
    return z;
  }

  /** The margin of one probability row: log of the best probability over the second best. */
  static double margin(float[] p) {
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    float second = 0;
    for (int c = 0; c < p.length; c++) {
      if (c != best) {
        second = Math.max(second, p[c]);
      }
    }
    return Math.log(Math.max(1e-30, p[best])) - Math.log(Math.max(1e-30, second));
  }
}
