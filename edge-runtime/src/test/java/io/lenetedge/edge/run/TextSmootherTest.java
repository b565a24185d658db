package io.lenetedge.edge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lenetedge.common.UserError;
import org.junit.jupiter.api.Test;

class TextSmootherTest {
  @Test
  void oneFrameIsItsOwnDecision() {
    TextSmoother s = new TextSmoother(1);
    assertEquals("0522", s.add("0522", 0.9f).text());
    assertNull(s.add(null, 0f).text());
  }

  @Test
  void aTextIsDecidedWhenMostOfTheLastFramesReadIt() {
    TextSmoother s = new TextSmoother(3);
    assertEquals("17", s.add("17", 0.9f).text());
    assertNull(s.add("11", 0.5f).text(), "one of two is no majority");
    Decision d = s.add("17", 0.7f);
    assertEquals("17", d.text(), "two of three");
    assertEquals(0.8f, d.confidence(), 1e-6);
    assertNull(s.add(null, 0f).text(), "17, 11?, nothing: one of three");
  }

  @Test
  void resetForgets() {
    TextSmoother s = new TextSmoother(3);
    s.add("5", 1f);
    s.add("5", 1f);
    s.reset();
    assertEquals("6", s.add("6", 1f).text());
  }

  @Test
  void aWindowUnderOneIsRefused() {
    assertThrows(UserError.class, () -> new TextSmoother(0));
  }
}
