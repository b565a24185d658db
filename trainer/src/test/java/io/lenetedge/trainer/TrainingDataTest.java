package io.lenetedge.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.IdxImages;
import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.MnistData;
import io.lenetedge.common.UserError;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainingDataTest {
  static MnistData tiny(int train) {
    byte[] pixels = new byte[train * 784];
    byte[] labels = new byte[train];
    for (int i = 0; i < train; i++) {
      pixels[i * 784] = (byte) i;
      labels[i] = (byte) (i % 10);
    }
    LabeledImages split = new LabeledImages("train", new IdxImages(train, 28, 28, pixels), labels);
    return new MnistData(split, split, false, Map.of());
  }

  @Test
  void validationIsDisjointFromTrainingAndFixedBySeed() {
    TrainingData a = new TrainingData(tiny(100), 20, 7);
    TrainingData b = new TrainingData(tiny(100), 20, 7);
    TrainingData c = new TrainingData(tiny(100), 20, 8);
    assertArrayEquals(a.validationIndices(), b.validationIndices());
    assertFalse(Arrays.equals(a.validationIndices(), c.validationIndices()));
    Set<Integer> seen = new HashSet<>();
    Arrays.stream(a.validationIndices()).forEach(seen::add);
    Arrays.stream(a.epochOrder(new SplittableRandom(1))).forEach(i -> assertEquals(true, seen.add(i)));
    assertEquals(100, seen.size());
    assertEquals(80, a.trainSize());
  }

  @Test
  void fillScalesAndLabelsInOrder() {
    MnistData data = tiny(30);
    float[] x = new float[3 * 784];
    float[] y = new float[3];
    TrainingData.fill(data.train(), new int[] {0, 25, 13, 4}, 1, 3, x, y);
    assertArrayEquals(new float[] {5, 3, 4}, y);
    assertEquals(25 / 255f, x[0], 1e-7f);
    assertEquals(13 / 255f, x[784], 1e-7f);
  }

  @Test
  void validationSizeMustLeaveTrainingImages() {
    UserError e = assertThrows(UserError.class, () -> new TrainingData(tiny(10), 10, 1));
    assertEquals(UserError.Kind.USAGE, e.kind());
    assertTrue(e.getMessage().startsWith("--val-size 10"), e.getMessage());
  }
}
