package io.lenetedge.image;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageFilesTest {
  @TempDir Path dir;

  @Test
  void asciiPgmWithCommentsParsesToItsPixels() throws IOException {
    Path f = write("a.pgm", "P2\n# made by hand\n3 2 # w h\n255\n0 17 255\n# row two\n128 1 254\n");
    GrayImage img = ImageFiles.read(f);
    assertEquals(3, img.width());
    assertEquals(2, img.height());
    assertArrayEquals(bytes(0, 17, 255, 128, 1, 254), img.pixels());
  }

  @Test
  void asciiPgmWithSmallMaxvalIsScaledTo255() throws IOException {
    GrayImage img = ImageFiles.read(write("s.pgm", "P2 4 1 15 0 1 8 15"));
    assertArrayEquals(bytes(0, 17, 136, 255), img.pixels());
  }

  @Test
  void binaryPgmParsesToItsPixels() throws IOException {
    byte[] pixels = new byte[6 * 4];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 11);
    }
    Path f = write("b.pgm", concat("P5\n#c\n6 4\n255\n".getBytes(US_ASCII), pixels));
    GrayImage img = ImageFiles.read(f);
    assertEquals(6, img.width());
    assertEquals(4, img.height());
    assertArrayEquals(pixels, img.pixels());
    assertEquals(253, img.at(5, 3));
  }

  @Test
  void sixteenBitBinaryPgmIsScaledTo255() throws IOException {
    byte[] samples = {0, 0, (byte) 0x80, 0, (byte) 0xFF, (byte) 0xFF, 0x01, 0x01};
    GrayImage img = ImageFiles.read(write("w.pgm", concat("P5 2 2 65535\n".getBytes(US_ASCII),
        samples)));
    assertArrayEquals(bytes(0, 128, 255, 1), img.pixels());
  }

  @Test
  void grayPngRoundTripsExactly() throws IOException {
    GrayImage digit =
        TestDigits.draw(40, 30, new int[] {5, 3, 20, 24}, TestDigits.FOUR, 3, 230, 20);
    BufferedImage bi = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
    bi.getRaster().setDataElements(0, 0, 40, 30, digit.pixels());
    assertEquals(digit, ImageFiles.read(writeImage(bi, "png", "g.png")));
  }

  @ParameterizedTest
  @CsvSource({"png, 0", "bmp, 0", "jpg, 4"})
  void colourFilesOfADigitReadBackAsItsGrey(String format, double meanTolerance)
      throws IOException {
    GrayImage digit =
        TestDigits.draw(60, 50, new int[] {10, 5, 30, 40}, TestDigits.SEVEN, 5, 240, 10);
    BufferedImage bi = new BufferedImage(60, 50, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 50; y++) {
      for (int x = 0; x < 60; x++) {
        int v = digit.at(x, y);
        bi.setRGB(x, y, v << 16 | v << 8 | v);
      }
    }
    GrayImage read = ImageFiles.read(writeImage(bi, format, "d." + format));
    assertEquals(60, read.width());
    assertEquals(50, read.height());
    assertTrue(meanAbsDiff(digit, read) <= meanTolerance, format + ": " + meanAbsDiff(digit, read));
  }

  @Test
  void colourPngBecomesLuminance() throws IOException {
    int[] rgb = {0xFF0000, 0x00FF00, 0x0000FF, 0x808080, 0x336699, 0xFFFFFF};
    BufferedImage bi = new BufferedImage(rgb.length, 1, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < rgb.length; i++) {
      bi.setRGB(i, 0, rgb[i]);
    }
    GrayImage img = ImageFiles.read(writeImage(bi, "png", "c.png"));
    // 0.299*51 + 0.587*102 + 0.114*153 = 92.6 for 0x336699
    assertArrayEquals(bytes(76, 150, 29, 128, 93, 255), img.pixels());
  }

  @Test
  void transparentPixelsAreBlendedOntoWhitePaper() throws IOException {
    int[] argb = {0x00000000, 0xFF000000, 0x80000000, 0x40FF0000};
    BufferedImage bi = new BufferedImage(argb.length, 1, BufferedImage.TYPE_INT_ARGB);
    for (int i = 0; i < argb.length; i++) {
      bi.setRGB(i, 0, argb[i]);
    }
    GrayImage img = ImageFiles.read(writeImage(bi, "png", "t.png"));
    // half-transparent black: (1 - 128/255) * 255 = 127; quarter red: 64/255*76.2 + 191 = 210.1
    assertArrayEquals(bytes(255, 0, 127, 210), img.pixels());
  }

  @Test
  void missingFileIsNamed() {
    Path f = dir.resolve("nowhere.png");
    UserError e = assertThrows(UserError.class, () -> ImageFiles.read(f));
    assertMessage(e, "nowhere.png", "not found");
  }

  @Test
  void emptyFileIsNamed() throws IOException {
    UserError e =
        assertThrows(UserError.class, () -> ImageFiles.read(write("zero.png", new byte[0])));
    assertMessage(e, "zero.png", "empty");
  }

  @Test
  void unknownFormatIsNamed() throws IOException {
    Path f = write("notes.jpg", "just some text, not pixels");
    UserError e = assertThrows(UserError.class, () -> ImageFiles.read(f));
    assertMessage(e, "notes.jpg", "not a PNG, JPEG, BMP or PGM image");
  }

  @Test
  void truncatedPngIsReportedAsCorrupt() throws IOException {
    GrayImage digit = TestDigits.draw(64, 64, new int[] {4, 4, 50, 56}, TestDigits.ZERO, 6, 255, 0);
    BufferedImage bi = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
    bi.getRaster().setDataElements(0, 0, 64, 64, digit.pixels());
    byte[] png = Files.readAllBytes(writeImage(bi, "png", "full.png"));
    Path f = write("cut.png", Arrays.copyOf(png, png.length / 2));
    UserError e = assertThrows(UserError.class, () -> ImageFiles.read(f));
    assertMessage(e, "cut.png", "corrupt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"P5\n4 4\n255\nabc", "P2\n2 2\n255\n1 2 3", "P5 4 4", "P2\n3"})
  void truncatedPgmIsNamed(String content) throws IOException {
    Path f = write("short.pgm", content);
    UserError e = assertThrows(UserError.class, () -> ImageFiles.read(f));
    assertMessage(e, "short.pgm", "truncated");
  }

  @ParameterizedTest
  @CsvSource({"'P5 0 4 255 ', 0x4", "'P2 3 0 255', 3x0"})
  void zeroSizePgmIsNamed(String content, String size) throws IOException {
    Path f = write("flat.pgm", content);
    UserError e = assertThrows(UserError.class, () -> ImageFiles.read(f));
    assertMessage(e, "flat.pgm", "zero-size image (" + size + ")");
  }

  @ParameterizedTest
  @CsvSource({
    "'P2 2 1 255 3 x', expected a number",
    "'P2 2 1 0 0 0', maxval",
    "'P2 2 1 10 3 11', above the maxval",
    "'P5 2 1 70000 ', maxval"
  })
  void malformedPgmNamesTheProblem(String content, String problem) throws IOException {
    Path f = write("bad.pgm", content);
    UserError e = assertThrows(UserError.class, () -> ImageFiles.read(f));
    assertMessage(e, "bad.pgm", problem);
  }

  @ParameterizedTest
  @CsvSource({
    "a.png, true", "b.JPG, true", "c.jpeg, true", "d.Bmp, true", "e.pgm, true",
    "f.gif, false", "png, false", "g.png.txt, false", "h, false", ".png, false"
  })
  void imagesAreToldByExtension(String name, boolean expected) {
    assertEquals(expected, ImageFiles.isImage(Path.of(name)));
  }

  @Test
  void expandListsFolderImagesByNameAndKeepsFiles() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("digits"));
    for (String name : List.of("b.png", "a.PGM", "c.jpeg", "notes.txt", ".hidden.png")) {
      Files.writeString(folder.resolve(name), "x");
    }
    Files.createDirectory(folder.resolve("sub.png"));
    Path single = write("single.bmp", "x");
    Path missing = dir.resolve("missing.png");

    List<Path> out = ImageFiles.expand(List.of(single, folder, missing));

    assertEquals(
        List.of(single, folder.resolve("a.PGM"), folder.resolve("b.png"),
            folder.resolve("c.jpeg"), missing),
        out);
  }

  @Test
  void readFilesPrepareLikeTheImageTheyHold() throws IOException {
    GrayImage digit =
        TestDigits.draw(90, 70, new int[] {30, 10, 30, 50}, TestDigits.FOUR, 6, 250, 5);
    BufferedImage bi = new BufferedImage(90, 70, BufferedImage.TYPE_BYTE_GRAY);
    bi.getRaster().setDataElements(0, 0, 90, 70, digit.pixels());
    float[] expected = MnistStyle.prepare(digit).orElseThrow().input();
    for (String format : List.of("png", "bmp", "jpg")) {
      float[] actual =
          MnistStyle.prepare(ImageFiles.read(writeImage(bi, format, "p." + format)))
              .orElseThrow()
              .input();
      double diff = 0;
      for (int i = 0; i < expected.length; i++) {
        diff += Math.abs(expected[i] - actual[i]);
      }
      assertTrue(diff / expected.length < 0.03, format + " mean difference " + diff / 784);
    }
  }

  private Path writeImage(BufferedImage bi, String format, String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertTrue(ImageIO.write(bi, format, out), "no ImageIO writer for " + format);
    return write(name, out.toByteArray());
  }

  private Path write(String name, String content) throws IOException {
    return write(name, content.getBytes(US_ASCII));
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static void assertMessage(UserError e, String file, String problem) {
    assertEquals(UserError.Kind.INPUT, e.kind());
    assertTrue(e.getMessage().contains(file), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
    String named = e.getMessage().substring(0, e.getMessage().indexOf(": "));
    assertTrue(named.endsWith(file), named);
  }

  private static double meanAbsDiff(GrayImage a, GrayImage b) {
    double sum = 0;
    for (int i = 0; i < a.pixels().length; i++) {
      sum += Math.abs((a.pixels()[i] & 0xFF) - (b.pixels()[i] & 0xFF));
    }
    return sum / a.pixels().length;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
