package io.lenetedge.edge.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoresTest {
  @Test
  void softmaxIsStableAndNormalised() {
    float[] p = new float[3];
    Scores.softmax(new float[] {9, 1000, 1001, 999, 9}, 1, 3, p);
    assertEquals(1.0, p[0] + p[1] + p[2], 1e-6);
    assertEquals(Math.exp(1) / (1 + Math.exp(1) + Math.exp(-1)), p[1], 1e-6);
    assertTrue(p[1] > p[0] && p[0] > p[2]);
  }

  @Test
  void bestConfidenceAndTopFollowTheProbabilities() {
    Scores s = new Scores(new float[] {0.1f, 0.05f, 0.6f, 0.05f, 0.2f, 0, 0, 0, 0, 0});
    assertEquals(2, s.best());
    assertEquals(0.6f, s.confidence());
    assertEquals(List.of(2, 4, 0), s.top(3));
    assertEquals(List.of(2, 4, 0, 1), s.top(4), "ties keep class order");
  }

  @Test
  void distributionsAreRecognised() {
    assertTrue(Scores.isDistribution(new float[] {0.25f, 0.75f}, 0, 2));
    assertFalse(Scores.isDistribution(new float[] {0.5f, 0.6f}, 0, 2));
    assertFalse(Scores.isDistribution(new float[] {-1f, 2f}, 0, 2));
    assertFalse(Scores.isDistribution(new float[] {Float.NaN, 1f}, 0, 2));
  }

  @Test
  void softmaxOfEqualLogitsIsUniform() {
    float[] p = new float[4];
    Scores.softmax(new float[] {3, 3, 3, 3}, 0, 4, p);
    assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f, 0.25f}, p, 1e-7f);
  }
}
