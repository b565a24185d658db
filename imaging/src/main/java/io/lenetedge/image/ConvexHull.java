package io.lenetedge.image;

import java.util.Arrays;

/** The area of the convex hull of integer points (Andrew's monotone chain). Pure. */
final class ConvexHull {
  private ConvexHull() {}

  /** The hull area of the first {@code n} points {@code (xs[i], ys[i])}; 0 for fewer than 3. */
  static double area(int[] xs, int[] ys, int n) {
    if (n < 3) {
      return 0;
    }
    long[] points = new long[n];
    for (int i = 0; i < n; i++) {
      points[i] = ((long) xs[i] << 32) | (ys[i] & 0xFFFFFFFFL);
    }
    Arrays.sort(points);
    long[] hull = new long[2 * n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      while (k >= 2 && cross(hull[k - 2], hull[k - 1], points[i]) <= 0) {
        k--;
      }
      hull[k++] = points[i];
    }
    for (int i = n - 2, lower = k + 1; i >= 0; i--) {
      while (k >= lower && cross(hull[k - 2], hull[k - 1], points[i]) <= 0) {
        k--;
      }
      hull[k++] = points[i];
    }
    long twice = 0;
    for (int i = 0; i < k - 1; i++) {
      twice += x(hull[i]) * y(hull[i + 1]) - x(hull[i + 1]) * y(hull[i]);
    }
    return Math.abs(twice) / 2.0;
  }

  private static long cross(long o, long a, long b) {
    return (x(a) - x(o)) * (y(b) - y(o)) - (y(a) - y(o)) * (x(b) - x(o));
  }

  private static long x(long p) {
    return p >> 32;
  }

  private static long y(long p) {
    return (int) p;
  }
}
