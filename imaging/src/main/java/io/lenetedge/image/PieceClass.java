package io.lenetedge.image;

/**
 * The classes of the piece verifier, a model of the digit model's shape that looks at the
 * {@linkplain Candidates.Alternative#views() context view} of one piece of a glyph and says
 * whether it is a fragment of a digit (or a bad cut), one whole digit, or several merged; its
 * other seven outputs are never trained.
 */
public final class PieceClass {
  /** No digit, part of one, or a cut that takes in much of a neighbour. */
  public static final int FRAGMENT = 0;
  /** One whole digit. */
  public static final int DIGIT = 1;
  /** Two or more digits. */
  public static final int MERGED = 2;

  private PieceClass() {}
}
