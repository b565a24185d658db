package io.lenetedge.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrayImageTest {
  @ParameterizedTest
  @CsvSource({"0, 5", "5, 0", "-1, 5", "5, -3"})
  void nonPositiveSizeIsRejectedWithTheSize(int w, int h) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new GrayImage(w, h, new byte[0]));
    assertTrue(e.getMessage().contains(w + "x" + h), e.getMessage());
  }

  @Test
  void wrongPixelCountNamesExpectedAndActual() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new GrayImage(4, 3, new byte[11]));
    assertTrue(e.getMessage().contains("12"), e.getMessage());
    assertTrue(e.getMessage().contains("11"), e.getMessage());
  }

  @Test
  void atReadsRowMajorUnsigned() {
    byte[] p = new byte[12];
    for (int i = 0; i < p.length; i++) {
      p[i] = (byte) (i * 23);
    }
    GrayImage img = new GrayImage(4, 3, p);
    assertEquals((2 * 4 + 1) * 23 & 0xFF, img.at(1, 2));
    assertEquals(230, img.at(2, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> img.at(4, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> img.at(0, 3));
  }

  @Test
  void equalityComparesPixels() {
    GrayImage a = new GrayImage(2, 1, new byte[] {1, 2});
    assertEquals(a, new GrayImage(2, 1, new byte[] {1, 2}));
    assertEquals(a.hashCode(), new GrayImage(2, 1, new byte[] {1, 2}).hashCode());
    assertNotEquals(a, new GrayImage(2, 1, new byte[] {1, 3}));
    assertNotEquals(a, new GrayImage(1, 2, new byte[] {1, 2}));
  }
}
