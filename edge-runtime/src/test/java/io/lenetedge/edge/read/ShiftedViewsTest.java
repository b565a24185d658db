package io.lenetedge.edge.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lenetedge.image.Candidates;
import io.lenetedge.image.GrayImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The five views of each input, with a stand-in classifier that says where the ink is. */
class ShiftedViewsTest {
  /** An input with one lit pixel. */
  static float[] dot(int x, int y) {
    float[] in = new float[784];
    in[y * 28 + x] = 1f;
    return in;
  }

  /** The lit pixel's column as "class" (mod 10), certain; all zero for a blank input. */
  static float[] whereTheInkIs(float[] in) {
    float[] row = new float[10];
    for (int i = 0; i < in.length; i++) {
      if (in[i] > 0) {
        row[(i % 28) % 10] = 1f;
        return row;
      }
    }
    return row;
  }

  @Test
  void everyInputIsSeenAsItIsAndMovedOnePixelAlongEachDiagonalInOneCall() {
    List<List<float[]>> calls = new ArrayList<>();
    DigitClassifier seeing = in -> {
      calls.add(in);
      return in.stream().map(ShiftedViewsTest::whereTheInkIs).toArray(float[][]::new);
    };
    float[][] p = new ShiftedViews(seeing).classify(List.of(dot(14, 14), dot(3, 20)));
    assertEquals(1, calls.size(), "one call for all views");
    assertEquals(10, calls.get(0).size());
    int[][] lit = new int[10][];
    for (int v = 0; v < 10; v++) {
      float[] in = calls.get(0).get(v);
      for (int i = 0; i < 784; i++) {
        if (in[i] > 0) {
          lit[v] = new int[] {i % 28, i / 28};
        }
      }
    }
    assertArrayEquals(new int[] {14, 14}, lit[0]);
    assertArrayEquals(new int[] {15, 15}, lit[1]);
    assertArrayEquals(new int[] {13, 13}, lit[2]);
    assertArrayEquals(new int[] {15, 13}, lit[3]);
    assertArrayEquals(new int[] {13, 15}, lit[4]);
    assertArrayEquals(new int[] {3, 20}, lit[5]);
    // the mean of the five rows: columns 14, 15, 13, 15, 13 -> classes 4, 5, 3, 5, 3
    assertEquals(0.2f, p[0][4], 1e-6);
    assertEquals(0.4f, p[0][5], 1e-6);
    assertEquals(0.4f, p[0][3], 1e-6);
    assertEquals(0.4f, p[1][2], 1e-6, "column 2 twice (3 - 1)");
    assertEquals(0.2f, p[1][3], 1e-6);
  }

  @Test
  void inkMovedOffTheEdgeIsGoneAndNothingWrapsAround() {
    float[] corner = ShiftedViews.shifted(dot(27, 0), 1, -1);
    float sum = 0;
    for (float v : corner) {
      sum += v;
    }
    assertEquals(0f, sum);
    float[] in = dot(0, 27);
    assertArrayEquals(in, ShiftedViews.shifted(in, 0, 0));
    assertEquals(1f, ShiftedViews.shifted(in, 1, -1)[26 * 28 + 1]);
  }

  @Test
  void digitsCutFromAPageGoThroughTheViewsAndDigitsFoundOneToAWindowDoNot() {
    List<Integer> sizes = new ArrayList<>();
    DigitClassifier counting = in -> {
      sizes.add(in.size());
      return in.stream().map(x -> CandidateReaderTest.sure(7, 0.9f)).toArray(float[][]::new);
    };
    List<Candidates.Line> line = List.of(new Candidates.Line(List.of(
        CandidateReaderTest.whole(CandidateReaderTest.box(0, 25)),
        CandidateReaderTest.whole(CandidateReaderTest.box(30, 25)),
        CandidateReaderTest.whole(CandidateReaderTest.box(60, 25))), 40));
    Candidates windows = new Candidates(line);
    Candidates page = new Candidates(line, true);
    GrayImage frame = new GrayImage(4, 4, new byte[16]);
    assertEquals("777", new FrameReader(f -> windows, counting, 0.6f).read(frame).text());
    assertEquals("777", new FrameReader(f -> page, counting, 0.6f).read(frame).text());
    assertEquals(List.of(3, 15), sizes);
  }
}
