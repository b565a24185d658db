package io.lenetedge.edge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lenetedge.common.UserError;
import org.junit.jupiter.api.Test;

class DecisionSmootherTest {
  static float[] sure(int digit, float p) {
    float[] v = new float[10];
    java.util.Arrays.fill(v, (1 - p) / 9);
    v[digit] = p;
    return v;
  }

  @Test
  void withoutSmoothingEachFrameDecidesAlone() {
    DecisionSmoother s = new DecisionSmoother(1, 0.6f);
    assertEquals(3, s.add(sure(3, 0.9f)).digit());
    assertEquals(-1, s.add(sure(5, 0.5f)).digit(), "below --min-confidence");
    assertEquals(0.5f, s.add(sure(5, 0.5f)).confidence(), 1e-6);
    assertEquals(Decision.NONE, s.add(null));
  }

  @Test
  void smoothingAveragesTheWindowAndOutvotesAFlicker() {
    DecisionSmoother s = new DecisionSmoother(3, 0.6f);
    s.add(sure(7, 0.9f));
    s.add(sure(7, 0.9f));
    Decision flicker = s.add(sure(1, 0.9f));
    assertEquals(7, flicker.digit());
    assertEquals((0.9f + 0.9f + 0.1f / 9) / 3, flicker.confidence(), 1e-5);
  }

  @Test
  void aDigitNeedsMostOfTheWindow() {
    DecisionSmoother s = new DecisionSmoother(3, 0.5f);
    s.add(null);
    s.add(null);
    assertFalse(s.add(sure(4, 0.99f)).hasDigit(), "one frame of three");
    assertEquals(4, s.add(sure(4, 0.99f)).digit(), "two of three");
    s.reset();
    assertEquals(4, s.add(sure(4, 0.99f)).digit(), "after reset the window is empty");
  }

  @Test
  void optionsAreValidated() {
    assertThrows(UserError.class, () -> new DecisionSmoother(0, 0.5f));
    assertThrows(UserError.class, () -> new DecisionSmoother(1, 1.5f));
  }
}
