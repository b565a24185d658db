package io.lenetedge.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
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
    for (String bad : new String[] {"1,2,3", "1,2,x,4", "1,2,0,4", "-1,2,3,4"}) {
      UserError e = assertThrows(UserError.class, () -> Roi.parse(bad));
      assertEquals(UserError.Kind.USAGE, e.kind(), bad);
      assertTrue(e.getMessage().startsWith("--roi " + bad + ": "), e.getMessage());
    }
  }
}
