package io.lenetedge.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.UserError;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trainer finetune} on a user's folder of photos (MNIST test digits written dark on white at
 * three times their size): the same seed gives the same weights, bad folders and files are named
 * and left out, and bad arguments are usage errors.
 */
class FinetuneCommandTest {
  static {
    io.lenetedge.trainer.BuildInfo.applyDjlDefaults();
  }

  @TempDir static Path dir;
  static Path base;
  static Path extra;

  @BeforeAll
  static void trainABaseAndWriteAUsersFolder() throws IOException {
    base = dir.resolve("base");
    TrainingRecipe recipe = TrainingRecipe.builder().optEpochs(1).optBatchSize(64)
        .optMaxBatchesPerEpoch(30).optValidationSize(500).optSeed(3).optFonts(null)
        .optDevice(DeviceChoice.CPU).build();
    new TrainingRun(recipe, base).execute(RealMnist.load(), TrainingListener.NONE);
    extra = dir.resolve("mine");
    LabeledImages test = RealMnist.load().test();
    int[] perDigit = new int[10];
    for (int i = 0; i < test.size() && java.util.Arrays.stream(perDigit).min().orElse(0) < 5; i++) {
      int d = test.label(i);
      if (perDigit[d] < 5) {
        Path f = extra.resolve(d + "/photo-" + i + ".png");
        Files.createDirectories(f.getParent());
        ImageIO.write(photo(test, i), "png", f.toFile());
        perDigit[d]++;
      }
    }
    Files.createDirectories(extra.resolve("seven"));
    Files.writeString(extra.resolve("4/notes.png"), "not an image");
  }

  /** Test image {@code i} dark on white, three times its size. */
  private static BufferedImage photo(LabeledImages set, int i) {
    BufferedImage img = new BufferedImage(84, 84, BufferedImage.TYPE_BYTE_GRAY);
    byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < 84; y++) {
      for (int x = 0; x < 84; x++) {
        px[y * 84 + x] = (byte) (255 - set.images().pixel(i, (y / 3) * 28 + x / 3));
      }
    }
    return img;
  }

  private static TrainerRun finetune(String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "finetune";
    System.arraycopy(args, 0, full, 1, args.length);
    return TrainerRun.of(full);
  }


  private static TrainerRun tune(String name, long seed) {
    return finetune("--from", base.toString(), "--extra", extra.toString(), "--out",
        dir.resolve(name).toString(), "--epochs", "1", "--mnist", "500",
        "--seed", Long.toString(seed), "--data", RealMnist.dir().toString(), "--no-progress");
  }

  private static String weights(String name) throws IOException {
    return Checkpoint.readDescription(dir.resolve(name)).parametersSha256();
  }

  @Test
  void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers() throws IOException {
    TrainerRun first = tune("a", 7);
    assertEquals(0, first.exit(), first.err());
    TrainerRun second = tune("b", 7);
    assertEquals(0, second.exit(), second.err());
    TrainerRun other = tune("c", 8);
    assertEquals(0, other.exit(), other.err());
    assertEquals(weights("a"), weights("b"), "same seed, same weights");
    assertNotEquals(weights("a"), weights("c"), "another seed, other weights");
    assertNotEquals(weights("a"), Checkpoint.readDescription(base).parametersSha256(),
        "the weights moved from the base run's");
    assertTrue(first.out().contains("fine-tuned"), first.out());
    double baseTest = Checkpoint.readDescription(base).testAccuracy();
    double tunedTest = Checkpoint.readDescription(dir.resolve("a")).testAccuracy();
    assertTrue(tunedTest > baseTest - 0.05, "fine-tuning starts from the base run (test "
        + baseTest + "), not from scratch: " + tunedTest);
  }

  @Test
  void badFoldersAndFilesAreNamedAndTheRestUsed() {
    TrainerRun r = tune("d", 7);
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("seven is not a digit's folder (0 to 9); left out"), r.err());
    assertTrue(r.err().contains("notes.png") && r.err().contains("left out"), r.err());
    assertTrue(r.err().contains("50 images of " + extra), "the 50 good photos are used: " + r.err());
  }

  @Test
  void aMissingStartIsAModelErrorAndAMissingFolderBadUsage() {
    TrainerRun noRun = finetune("--from", dir.resolve("nothing").toString(), "--extra", extra.toString(),
        "--out", dir.resolve("e").toString(), "--data", RealMnist.dir().toString());
    assertEquals(UserError.Kind.MODEL.exitCode(), noRun.exit(), noRun.err());
    assertTrue(noRun.err().contains("nothing"), noRun.err());
    TrainerRun noExtra = finetune("--from", base.toString(), "--extra", dir.resolve("none").toString(),
        "--out", dir.resolve("f").toString(), "--data", RealMnist.dir().toString());
    assertEquals(UserError.Kind.USAGE.exitCode(), noExtra.exit(), noExtra.err());
    assertTrue(noExtra.err().contains("none"), noExtra.err());
    for (TrainerRun r : new TrainerRun[] {noRun, noExtra}) {
      assertFalse(r.err().contains("\tat "), "stack trace in: " + r.err());
    }
  }
}
