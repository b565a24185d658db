package io.lenetedge.edge.read;

/**
 * The number reader's two page models, both of the digit model's shape, trained on pieces of
 * generated pages of MNIST training digits and fed each piece's context view (the piece at its
 * line's scale with the ink around it): the {@code verifier} says whether a piece is one whole
 * digit ({@link io.lenetedge.image.PieceClass}) and so which way to read a glyph; the
 * {@code digits} model's opinion of a whole piece is blended with the digit model's.
 * {@link #NONE}: the digit model alone.
 */
public record PageModels(DigitClassifier verifier, DigitClassifier digits) {
  /** No page models. */
  public static final PageModels NONE = new PageModels(null, null);

  public PageModels {
    if ((verifier == null) != (digits == null)) {
      throw new IllegalArgumentException("page models come in pairs: the verifier and the digits");
    }
  }

  /** Whether there are any. */
  public boolean present() {
    return verifier != null;
  }
}
