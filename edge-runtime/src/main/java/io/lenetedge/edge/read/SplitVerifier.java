package io.lenetedge.edge.read;

/**
 * Decides whether a glyph is two touching digits rather than one wide digit, from what the model
 * and the ink say: the glyph's width over its line's digit height, the digit it reads as whole,
 * the model's margin (log of the best class's probability over the second's) for the glyph read
 * whole and for the less certain piece of its best cut into two, how thin the join at that cut
 * is, and how high the lower piece is. Margins rather than probabilities, because a probability
 * saturates at 1 where a margin keeps telling a clean digit from a merely plausible one. A
 * logistic model; its weights were fitted on 13,355 such glyphs of 3,000 generated pages of MNIST
 * <em>training</em> digits (seed 31; never the test digits the targets are measured on). Pure.
 */
final class SplitVerifier {
  /** Margins above this say nothing more. */
  static final double MAX_MARGIN = 30;
  private static final double ASPECT = 11.633;
  private static final double WHOLE_MARGIN = -0.472;
  private static final double PIECE_MARGIN = 0.497;
  private static final double NECK = -4.981;
  private static final double LOWER_PIECE = 9.422;
  /** By the digit the glyph reads as whole: a "1" is often two touching 1s, a "0" seldom two. */
  private static final double[] WHOLE_DIGIT =
      {-1.545, 2.522, -0.696, -0.461, 0.821, -1.265, 0.282, 0.169, 0.68, -0.507};
  private static final double BIAS = -17.886;

  private SplitVerifier() {}

  /**
   * The log-odds that the glyph is two digits.
   *
   * @param aspect glyph width over the line's digit height
   * @param wholeDigit the digit the glyph reads as whole
   * @param wholeMargin the model's margin for the glyph read as one digit
   * @param pieceMargin the smaller of the two pieces' margins
   * @param neck ink at the cut over the lower ink peak beside it
   * @param lowerPiece the lower piece's height over the line's digit height
   */
  static double logOdds(double aspect, int wholeDigit, double wholeMargin, double pieceMargin, double neck,
      double lowerPiece) {
    return ASPECT * aspect + WHOLE_MARGIN * Math.min(MAX_MARGIN, wholeMargin)
        + PIECE_MARGIN * Math.min(MAX_MARGIN, pieceMargin) + NECK * neck
        + LOWER_PIECE * lowerPiece + WHOLE_DIGIT[wholeDigit] + BIAS;
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
