package io.lenetedge.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.LabeledImages;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The style variants land where a writer puts them, on real MNIST test digits. */
class StyleVariantsTest {
  private static List<float[]> digits(int label, int count) {
    LabeledImages test = RealMnist.load().test();
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < test.size() && out.size() < count; i++) {
      if (test.label(i) == label) {
        float[] img = new float[784];
        test.images().copyScaled(i, img, 0);
        out.add(img);
      }
    }
    return out;
  }

  private static boolean ink(float[] img, int x, int y) {
    return x >= 0 && y >= 0 && x < 28 && y < 28 && img[y * 28 + x] > 0.3f;
  }

  private static int inkIn(float[] img, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        n += ink(img, x, y) ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void aCrossedSevenHasInkAcrossItsStem() {
    int crossed = 0;
    for (float[] seven : digits(7, 40)) {
      float[] before = seven.clone();
      if (!StyleVariants.crossedSeven(seven, 0, new SplittableRandom(crossed))) {
        continue;
      }
      crossed++;
      int[] box = StyleVariants.inkBox(before, 0);
      int h = box[3] - box[1] + 1;
      boolean across = false;
      for (int y = box[1] + h / 2 - 1; y <= box[1] + (int) (0.7 * h) + 1 && !across; y++) {
        float stem = StyleVariants.inkCentre(before, 0, y);
        if (Float.isNaN(stem)) {
          continue;
        }
        int x = Math.round(stem);
        int newLeft = inkIn(seven, 0, y - 2, x - 3, y + 2) - inkIn(before, 0, y - 2, x - 3, y + 2);
        int newRight = inkIn(seven, x + 3, y - 2, 27, y + 2) - inkIn(before, x + 3, y - 2, 27, y + 2);
        boolean crossedBefore = inkIn(before, 0, y - 2, x - 3, y + 2) > 0
            && inkIn(before, x + 3, y - 2, 27, y + 2) > 0;
        across = (newLeft + newRight >= 3 || crossedBefore)
            && inkIn(seven, 0, y - 2, x - 3, y + 2) > 0 && inkIn(seven, x + 3, y - 2, 27, y + 2) > 0;
      }
      assertTrue(across, "ink on both sides of the stem (new unless the writer crossed it) of 7 #" + crossed + "\n"
          + ascii(before, seven));
    }
    assertTrue(crossed >= 35, "most 7s get a bar: " + crossed);
  }

  /** The digit before and after, side by side: '#' ink, '+' new ink. */
  private static String ascii(float[] before, float[] after) {
    StringBuilder b = new StringBuilder();
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        b.append(ink(before, x, y) ? '#' : '.');
      }
      b.append("   ");
      for (int x = 0; x < 28; x++) {
        b.append(ink(before, x, y) ? '#' : ink(after, x, y) ? '+' : '.');
      }
      b.append('\n');
    }
    return b.toString();
  }

  @Test
  void aEuropeanOneHasAnUpStrokeToTheLeftOfItsTop() {
    int n = 0;
    for (float[] one : digits(1, 30)) {
      float[] before = one.clone();
      int[] box = StyleVariants.inkBox(before, 0);
      float top = StyleVariants.inkCentre(before, 0, box[1]);
      assertTrue(StyleVariants.europeanOne(one, 0, new SplittableRandom(n++)));
      int x = Math.round(top);
      int mid = box[1] + (box[3] - box[1]) / 2;
      int added = inkIn(one, 0, box[1], x - 2, mid) - inkIn(before, 0, box[1], x - 2, mid);
      assertTrue(added >= 4, "the up-stroke adds ink left of the top, above the middle: " + added);
    }
  }

  @Test
  void aCurvedNineHasATailToTheLeftOfItsFoot() {
    int n = 0;
    for (float[] nine : digits(9, 30)) {
      float[] before = nine.clone();
      int[] box = StyleVariants.inkBox(before, 0);
      float foot = StyleVariants.inkCentre(before, 0, box[3]);
      assertTrue(StyleVariants.curvedNine(nine, 0, new SplittableRandom(n++)));
      int x = Math.round(foot);
      int lower = box[1] + 2 * (box[3] - box[1]) / 3;
      int added = inkIn(nine, 0, lower, x - 2, 27) - inkIn(before, 0, lower, x - 2, 27);
      assertTrue(added >= 3, "the tail adds ink left of the foot, low down: " + added);
    }
  }

  @Test
  void aClosedFourJoinsItsArmsAtTheTop() {
    int closed = 0;
    for (float[] four : digits(4, 60)) {
      float[] before = four.clone();
      if (!StyleVariants.closedFour(four, 0)) {
        continue;
      }
      closed++;
      int[] box = StyleVariants.inkBox(before, 0);
      int y = box[1] + Math.max(1, (box[3] - box[1]) / 8);
      int gapBefore = 0;
      int gapAfter = 0;
      int first = -1;
      int last = -1;
      for (int x = 0; x < 28; x++) {
        if (ink(before, x, y)) {
          first = first < 0 ? x : first;
          last = x;
        }
      }
      for (int x = first; x <= last; x++) {
        gapBefore += ink(before, x, y) ? 0 : 1;
        gapAfter += ink(four, x, y) ? 0 : 1;
      }
      assertTrue(gapBefore > 0 && gapAfter == 0, "the open top is closed: gap " + gapBefore
          + " -> " + gapAfter);
    }
    assertTrue(closed >= 10, "open 4s among 60: " + closed);
  }

  @Test
  void variantsAreDrawnOnlyOnTheirClassesAboutAsOftenAsSaidAndReproducibly() {
    float[] three = digits(3, 1).get(0);
    float[] copy = three.clone();
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 100; i++) {
      assertFalse(StyleVariants.apply(copy, 0, 3, rng));
    }
    assertArrayEquals(three, copy, "a 3 is never changed");
    float[] seven = digits(7, 1).get(0);
    int drawn = 0;
    rng = new SplittableRandom(2);
    for (int i = 0; i < 1000; i++) {
      drawn += StyleVariants.apply(seven.clone(), 0, 7, rng) ? 1 : 0;
    }
    assertTrue(Math.abs(drawn / 1000.0 - StyleVariants.CHANCE) < 0.05, "drawn " + drawn + " of 1000");
    float[] a = seven.clone();
    float[] b = seven.clone();
    StyleVariants.crossedSeven(a, 0, new SplittableRandom(9));
    StyleVariants.crossedSeven(b, 0, new SplittableRandom(9));
    assertArrayEquals(a, b, "same seed, same bar");
  }
}
