package io.lenetedge.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lenetedge.common.UserError;
import io.lenetedge.edge.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code classify} on MNIST test digits written as files of every kind, size and polarity. */
class ClassifyCommandTest {
  static final int DIGITS = 40;
  @TempDir Path dir;

  private List<JsonObject> classifyJson(Path... paths) {
    List<String> args = new ArrayList<>(List.of("classify", "--json", "--ep", "cpu"));
    for (Path p : paths) {
      args.add(p.toString());
    }
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    return r.out().lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
  }

  private static int correct(List<JsonObject> results, List<Integer> indices) {
    int correct = 0;
    for (int k = 0; k < results.size(); k++) {
      JsonObject o = results.get(k);
      if (!o.get("digit").isJsonNull()
          && o.get("digit").getAsInt() == MnistRenders.test().label(indices.get(k))) {
        correct++;
      }
    }
    return correct;
  }

  @Test
  void mnistSized28x28ImagesAreTakenAsTheyAre() throws IOException {
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < DIGITS; i++) {
      MnistRenders.pgm(dir, i);
      indices.add(i);
    }
    List<JsonObject> results = classifyJson(dir);
    assertEquals(DIGITS, results.size());
    indices.sort((a, b) -> ("digit-" + a + ".pgm").compareTo("digit-" + b + ".pgm"));
    assertTrue(correct(results, indices) >= DIGITS - 1, results.toString());
    JsonObject first = results.get(0);
    assertTrue(first.get("confidence").getAsDouble() > 0.5, first.toString());
    assertEquals(3, first.getAsJsonArray("top3").size());
    assertTrue(first.get("path").getAsString().endsWith(".pgm"));
  }

  @Test
  void darkInkOnUnevenPaperAtOddSizesIsRecognised() throws IOException {
    List<Path> files = new ArrayList<>();
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < DIGITS; i++) {
      files.add(MnistRenders.render(dir, i, 3, 97 + i, 131, 7 + i, 19, true, "png"));
      indices.add(i);
    }
    int correct = correct(classifyJson(files.toArray(Path[]::new)), indices);
    assertTrue(correct >= DIGITS - 2, correct + " of " + DIGITS);
  }

  @Test
  void lightInkOnDarkJpegsAndBmpsAreRecognised() throws IOException {
    List<Path> files = new ArrayList<>();
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < DIGITS; i++) {
      files.add(MnistRenders.render(dir, i, 2, 75, 61, 3, 2, false, i % 2 == 0 ? "jpg" : "bmp"));
      indices.add(i);
    }
    int correct = correct(classifyJson(files.toArray(Path[]::new)), indices);
    assertTrue(correct >= DIGITS - 2, correct + " of " + DIGITS);
  }

  @Test
  void blankPageSaysNoDigit() throws IOException {
    Path blank = dir.resolve("blank.png");
    javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(50, 40,
        java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png", blank.toFile());
    CliRun r = CliRun.of("classify", "--ep", "cpu", blank.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("blank.png: no digit"), r.out());
    assertTrue(classifyJson(blank).get(0).get("digit").isJsonNull());
  }

  @Test
  void textOutputListsDigitConfidenceAndTop3() throws IOException {
    Path file = MnistRenders.pgm(dir, 0);
    CliRun r = CliRun.of("classify", "--ep", "cpu", file.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().matches("(?s).*digit-0\\.pgm: 7 \\(\\d+\\.\\d %\\), top 3: 7 .*"), r.out());
  }

  @Test
  void unreadableAndEmptyImagesAreNamedAndTheRestStillClassified() throws IOException {
    MnistRenders.pgm(dir, 0);
    Files.write(dir.resolve("empty.png"), new byte[0]);
    Files.writeString(dir.resolve("notes.jpg"), "this is not a picture");
    CliRun r = CliRun.of("classify", "--ep", "cpu", dir.toString()).assertNoStackTrace();
    assertEquals(UserError.Kind.INPUT.exitCode(), r.exit());
    assertTrue(r.err().contains("empty.png") && r.err().contains("notes.jpg"), r.err());
    assertTrue(r.err().contains("2 of 3 images could not be read"), r.err());
    assertTrue(r.out().contains("digit-0.pgm: 7"), r.out());
  }

  @Test
  void aFolderWithoutImagesIsAnInputError() throws IOException {
    Files.writeString(dir.resolve("readme.txt"), "no images here");
    CliRun r = CliRun.of("classify", dir.toString()).assertNoStackTrace();
    assertEquals(UserError.Kind.INPUT.exitCode(), r.exit());
    assertTrue(r.err().contains("no PNG, JPEG, BMP or PGM images"), r.err());
  }
}
