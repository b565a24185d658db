package io.lenetedge.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoiTest {
  @Test
  void parsesAndChecksTheFrame() {
    Roi r = Roi.parse("10, 20,300,200");
    assertEquals(new Roi(10, 20, 300, 200), r);
    assertTrue(r.fits(310, 220));
    assertFalse(r.fits(309, 220));
  }

  @Test
  void rejectsBadText() {
    assertThrows(IllegalArgumentException.class, () -> Roi.parse("1,2,3"));
    assertThrows(IllegalArgumentException.class, () -> Roi.parse("1,2,x,4"));
    assertThrows(IllegalArgumentException.class, () -> Roi.parse("1,2,0,4"));
    assertThrows(IllegalArgumentException.class, () -> Roi.parse("-1,2,3,4"));
  }
}
