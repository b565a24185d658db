package io.lenetedge.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.ModelContract;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** MNIST training digits enlarged 2 to 10 times, prepared as the runtime would. */
class EnlargedPoolTest {
  @Test
  void enlargedDigitsAreFixedBySeedFoundAndLookLikeTheirDigit() {
    LabeledImages train = RealMnist.load().train();
    int[] indices = IntStream.range(0, 3000).toArray();
    ImagePool a = ImagePool.enlarged(train, indices, 400, 7, false);
    ImagePool b = ImagePool.enlarged(train, indices, 400, 7, false);
    ImagePool c = ImagePool.enlarged(train, indices, 400, 8, false);
    assertArrayEquals(a.images(), b.images(), "same seed, same pool");
    assertArrayEquals(a.labels(), b.labels());
    assertFalse(Arrays.equals(a.images(), c.images()), "another seed, another pool");
    assertTrue(a.size() >= 396, "every scale is seen as a digit: " + a.size() + " of 400");
    // each digit's mean prepared picture is nearer MNIST's mean of that digit than of any other
    float[][] pool = means(a.images(), a.labels(), a.size());
    float[] all = new float[3000 * ModelContract.PIXELS];
    int[] labels = new int[3000];
    for (int i = 0; i < 3000; i++) {
      train.images().copyScaled(i, all, i * ModelContract.PIXELS);
      labels[i] = train.label(i);
    }
    float[][] mnist = means(all, labels, 3000);
    for (int d = 0; d < 10; d++) {
      double own = correlation(pool[d], mnist[d]);
      assertTrue(own > 0.9, "digit " + d + " correlates " + own + " with MNIST's");
      for (int e = 0; e < 10; e++) {
        if (e != d) {
          assertTrue(own > correlation(pool[d], mnist[e]), "digit " + d + " looks like " + e);
        }
      }
    }
  }

  private static float[][] means(float[] images, int[] labels, int n) {
    float[][] m = new float[10][ModelContract.PIXELS];
    int[] count = new int[10];
    for (int i = 0; i < n; i++) {
      count[labels[i]]++;
      for (int p = 0; p < ModelContract.PIXELS; p++) {
        m[labels[i]][p] += images[i * ModelContract.PIXELS + p];
      }
    }
    for (int d = 0; d < 10; d++) {
      assertTrue(count[d] > 0, "no " + d + " in the pool");
      for (int p = 0; p < ModelContract.PIXELS; p++) {
        m[d][p] /= count[d];
      }
    }
    return m;
  }

  private static double correlation(float[] x, float[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= x.length;
    my /= y.length;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
