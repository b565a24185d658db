package io.lenetedge.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.ModelContract;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** MNIST training digits as a low-resolution scan records them, prepared as the runtime would. */
class ScanPoolTest {
  @Test
  void scansAreFixedBySeedPreparedAndSofterThanTheDigits() {
    LabeledImages train = RealMnist.load().train();
    int[] indices = IntStream.range(0, 2000).toArray();
    ImagePool a = ImagePool.scans(train, indices, 300, 7, true);
    ImagePool b = ImagePool.scans(train, indices, 300, 7, true);
    ImagePool c = ImagePool.scans(train, indices, 300, 8, true);
    assertArrayEquals(a.images(), b.images(), "same seed, same scans");
    assertArrayEquals(a.labels(), b.labels());
    assertTrue(!java.util.Arrays.equals(a.images(), c.images()), "another seed, other scans");
    assertTrue(a.size() >= 285, "nearly every scan is found as a digit: " + a.size() + " of 300");
    int[] perDigit = a.perDigit();
    for (int d = 0; d < 10; d++) {
      assertTrue(perDigit[d] >= 10, "digit " + d + ": " + perDigit[d]);
    }
    // a scan is soft: far more grey (neither paper nor full ink) pixels than MNIST's own digits
    assertTrue(greyShare(a.images(), a.size()) > 1.5 * greyShare(mnist(train, 300), 300),
        "scans " + greyShare(a.images(), a.size()) + " vs MNIST "
            + greyShare(mnist(train, 300), 300));
  }

  private static float[] mnist(LabeledImages train, int n) {
    float[] all = new float[n * ModelContract.PIXELS];
    for (int i = 0; i < n; i++) {
      train.images().copyScaled(i, all, i * ModelContract.PIXELS);
    }
    return all;
  }

  /** Of the pixels with any ink, the share between 0.1 and 0.9. */
  private static double greyShare(float[] images, int n) {
    int ink = 0;
    int grey = 0;
    for (int i = 0; i < n * ModelContract.PIXELS; i++) {
      if (images[i] > 0.1f) {
        ink++;
        if (images[i] < 0.9f) {
          grey++;
        }
      }
    }
    assertTrue(ink > 0, "no ink at all");
    return (double) grey / ink;
  }
}
