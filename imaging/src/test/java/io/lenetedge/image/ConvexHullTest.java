package io.lenetedge.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConvexHullTest {
  @Test
  void aRectanglesHullIsItself() {
    assertEquals(6.0, ConvexHull.area(new int[] {0, 3, 3, 0, 1}, new int[] {0, 0, 2, 2, 1}, 5));
  }

  @Test
  void anLShapesHullCutsItsCorner() {
    // an L of pixel corners: (0,0) (1,0) (1,2) (3,2) (3,3) (0,3); the hull adds the triangle
    // (1,0) (3,2) (1,2) to the L's area of 5
    int[] xs = {0, 1, 1, 3, 3, 0};
    int[] ys = {0, 0, 2, 2, 3, 3};
    assertEquals(7.0, ConvexHull.area(xs, ys, 6));
  }

  @Test
  void pointsOnALineOrTooFewHaveNoArea() {
    assertEquals(0.0, ConvexHull.area(new int[] {0, 1, 2}, new int[] {0, 1, 2}, 3));
    assertEquals(0.0, ConvexHull.area(new int[] {0, 5}, new int[] {0, 5}, 2));
  }
}
