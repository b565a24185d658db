package io.lenetedge.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lenetedge.image.MnistStyle;
import io.lenetedge.image.PieceClass;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a piece is labelled against the page's digit boxes. */
class PieceSetsTest {
  /** Two touching digits, 40 px wide and 60 high, the second starting at x = 136. */
  static final List<int[]> BOXES = List.of(new int[] {100, 200, 40, 60}, new int[] {136, 200, 40, 60});

  static MnistStyle.Prepared piece(int x, int width) {
    return new MnistStyle.Prepared(new float[784], x, 201, width, 58, false);
  }

  @Test
  void aPieceOnOneDigitsBoxIsADigit() {
    assertEquals(PieceClass.DIGIT, PieceSets.label(piece(100, 38), BOXES));
    assertEquals(PieceClass.DIGIT, PieceSets.label(piece(139, 37), BOXES));
  }

  @Test
  void aPieceHoldingBothCentresIsMerged() {
    assertEquals(PieceClass.MERGED, PieceSets.label(piece(100, 76), BOXES));
  }

  @Test
  void aPieceWithNoCentreOrABadCutIsAFragment() {
    assertEquals(PieceClass.FRAGMENT, PieceSets.label(piece(100, 15), BOXES));
    // holds the first centre but is cut through it and into the second digit: overlap 28 of 54
    assertEquals(PieceClass.FRAGMENT, PieceSets.label(piece(112, 42), BOXES));
  }

  @Test
  void aRoughMatchIsLeftOut() {
    // overlap 40 of 55: between MISS and MATCH
    assertEquals(-1, PieceSets.label(piece(100, 55), BOXES));
  }

  @Test
  void aPieceOnAnotherLineHoldsNoCentre() {
    MnistStyle.Prepared below = new MnistStyle.Prepared(new float[784], 100, 300, 40, 58, false);
    assertEquals(PieceClass.FRAGMENT, PieceSets.label(below, BOXES));
  }
}
