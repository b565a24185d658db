package io.lenetedge.edge.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.image.Candidates;
import io.lenetedge.image.MnistStyle;
import io.lenetedge.image.PieceClass;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reading step on hand-made candidates and probabilities, no model. */
class CandidateReaderTest {
  static MnistStyle.Prepared box(int x, int width) {
    return new MnistStyle.Prepared(new float[784], x, 10, width, 40, true);
  }

  /** Probabilities with {@code p} on {@code digit} and the rest spread evenly. */
  static float[] sure(int digit, float p) {
    float[] row = new float[10];
    for (int c = 0; c < 10; c++) {
      row[c] = c == digit ? p : (1 - p) / 9;
    }
    return row;
  }

  static Candidates.Glyph whole(MnistStyle.Prepared p) {
    return new Candidates.Glyph(List.of(new Candidates.Alternative(List.of(p), 0, 0)),
        p.width() / 40.0);
  }

  @Test
  void digitsReadLeftToRightWithASpaceAtAGapOfADigitHeight() {
    Candidates c = new Candidates(List.of(new Candidates.Line(List.of(
        whole(box(0, 25)), whole(box(35, 25)), whole(box(100, 25))), 40)));
    Reading r = CandidateReader.read(c, new float[][] {sure(0, 0.99f), sure(5, 0.9f), sure(2, 0.95f)},
        0.6f);
    assertEquals("05 2", r.text());
    assertEquals(3, r.count());
    assertEquals(0.99f * 0.9f * 0.95f, r.lines().get(0).confidence(), 1e-5);
    assertTrue(r.digits().get(2).spaceBefore());
  }

  @Test
  void aDigitUnderTheMinimumConfidenceReadsAsUnsure() {
    Candidates c = new Candidates(List.of(new Candidates.Line(List.of(
        whole(box(0, 25)), whole(box(30, 25))), 40)));
    Reading r = CandidateReader.read(c, new float[][] {sure(7, 0.55f), sure(1, 0.97f)}, 0.6f);
    assertEquals("?1", r.text());
    assertFalse(r.digits().get(0).known());
    assertEquals(0.55f, r.digits().get(0).confidence(), 1e-6);
  }

  @Test
  void linesAreJoinedByNewlines() {
    Candidates c = new Candidates(List.of(
        new Candidates.Line(List.of(whole(box(0, 25))), 40),
        new Candidates.Line(List.of(whole(box(0, 25)), whole(box(30, 25))), 40)));
    Reading r = CandidateReader.read(c, new float[][] {sure(4, 1f), sure(1, 1f), sure(3, 1f)}, 0.6f);
    assertEquals("4\n13", r.text());
  }

  /** A 52-pixel-wide glyph in a 40-pixel line, read whole or as two 26-pixel pieces. */
  static Candidates wideGlyph() {
    var whole = new Candidates.Alternative(List.of(box(0, 52)), 0, 0);
    var split = new Candidates.Alternative(List.of(box(0, 26), box(26, 26)), -0.3, 0.1);
    return new Candidates(List.of(new Candidates.Line(
        List.of(new Candidates.Glyph(List.of(whole, split), 52 / 40.0)), 40)));
  }

  @Test
  void aWideGlyphTheModelIsUnsureOfWholeIsCutInTwo() {
    Reading r = CandidateReader.read(wideGlyph(),
        new float[][] {sure(0, 0.5f), sure(4, 0.999f), sure(7, 0.999f)}, 0.6f);
    assertEquals("47", r.text());
  }

  @Test
  void aGlyphTheModelReadsCleanlyWholeAndMuddledInPiecesStaysOneDigit() {
    var whole = new Candidates.Alternative(List.of(box(0, 36)), 0, 0);
    var split = new Candidates.Alternative(List.of(box(0, 18), box(18, 18)), -0.3, 0.8);
    Candidates c = new Candidates(List.of(new Candidates.Line(
        List.of(new Candidates.Glyph(List.of(whole, split), 36 / 40.0)), 40)));
    Reading r = CandidateReader.read(c,
        new float[][] {sure(0, 0.99999f), sure(1, 0.7f), sure(1, 0.6f)}, 0.6f);
    assertEquals("0", r.text());
  }

  /** Piece-verifier rows: {@code p} that a piece is one whole digit, the rest on a fragment. */
  static float[] piece(float p) {
    float[] row = new float[10];
    row[PieceClass.DIGIT] = p;
    row[PieceClass.FRAGMENT] = 1 - p;
    return row;
  }

  @Test
  void thePieceVerifierOverrulesAConfidentWholeReadingOfTwoMergedDigits() {
    float[][] digits = {sure(0, 0.999f), sure(4, 0.9f), sure(7, 0.9f)};
    float[][] pieces = {piece(0.01f), piece(0.98f), piece(0.97f)};
    assertEquals("47", CandidateReader.read(wideGlyph(), digits, null, pieces, 0.6f).text());
    float[][] whole = {piece(0.99f), piece(0.02f), piece(0.03f)};
    assertEquals("0", CandidateReader.read(wideGlyph(), digits, null, whole, 0.6f).text());
  }

  @Test
  void thePageDigitModelIsBlendedIntoTheDigitModel() {
    Candidates c = new Candidates(List.of(new Candidates.Line(List.of(whole(box(0, 25))), 40)));
    float[][] digits = {sure(1, 0.55f)};
    assertEquals("?", CandidateReader.read(c, digits, 0.6f).text());
    Reading r = CandidateReader.read(c, digits, new float[][] {sure(1, 0.99f)}, null, 0.6f);
    assertEquals("1", r.text());
    double geometric = Math.pow(0.55, 0.7) * Math.pow(0.99, 0.3);
    double others = Math.pow(0.45 / 9, 0.7) * Math.pow(0.01 / 9, 0.3);
    assertEquals(geometric / (geometric + 9 * others), r.digits().get(0).confidence(), 1e-5);
    float[][] disagree = {sure(7, 0.99f)};
    assertEquals("?", CandidateReader.read(c, digits, disagree, null, 0.6f).text());
  }

  @Test
  void pageRowsThatDoNotMatchTheInputsAreABug() {
    Candidates c = new Candidates(List.of(new Candidates.Line(List.of(whole(box(0, 25))), 40)));
    assertThrows(IllegalArgumentException.class, () -> CandidateReader.read(c,
        new float[][] {sure(1, 1f)}, new float[][] {sure(1, 1f), sure(2, 1f)}, null, 0.6f));
  }

  @Test
  void anEmptyPlaceReadsAsUnsureWithoutABox() {
    Candidates c = new Candidates(List.of(new Candidates.Line(List.of(
        whole(box(0, 25)), Candidates.Glyph.of(java.util.Optional.empty())), Double.POSITIVE_INFINITY)));
    Reading r = CandidateReader.read(c, new float[][] {sure(3, 1f)}, 0.6f);
    assertEquals("3?", r.text());
    assertEquals(null, r.digits().get(1).prepared());
  }

  @Test
  void probabilitiesThatDoNotMatchTheCandidatesAreABug() {
    assertThrows(IllegalArgumentException.class,
        () -> CandidateReader.read(wideGlyph(), new float[][] {sure(0, 1f)}, 0.6f));
    float[][] three = {sure(0, 1f), sure(4, 1f), sure(7, 1f)};
    assertThrows(IllegalArgumentException.class, () -> CandidateReader.read(wideGlyph(), three,
        null, new float[][] {piece(1f)}, 0.6f));
  }
}
