package io.lenetedge.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  @Test
  void readsImagesWithTheirDimensionsAndPixels() throws IOException {
    byte[] file = IdxTestFiles.images(3, 4, 5);
    IdxImages images = IdxReader.readImages(IdxTestFiles.write(dir, "img", file));
    assertEquals(3, images.count());
    assertEquals(4, images.rows());
    assertEquals(5, images.cols());
    assertArrayEquals(Arrays.copyOfRange(file, 16, file.length), images.pixels());
    assertEquals(file[16 + 20 + 7] & 0xFF, images.pixel(1, 7));
  }

  @Test
  void readsGzipLikeRaw() throws IOException {
    byte[] file = IdxTestFiles.labels(11);
    byte[] raw = IdxReader.readLabels(IdxTestFiles.write(dir, "raw", file));
    byte[] gz = IdxReader.readLabels(IdxTestFiles.write(dir, "l.gz", IdxTestFiles.gzip(file)));
    assertArrayEquals(raw, gz);
    assertEquals(11, gz.length);
    assertEquals(3, gz[3]);
  }

  @Test
  void truncatedFileIsNamedWithBothLengths() throws IOException {
    byte[] file = IdxTestFiles.images(3, 4, 5);
    Path p = IdxTestFiles.write(dir, "short", Arrays.copyOf(file, file.length - 1));
    UserError e = assertThrows(UserError.class, () -> IdxReader.readImages(p));
    assertEquals(UserError.Kind.INPUT, e.kind());
    assertTrue(e.getMessage().contains("short"), e.getMessage());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    assertTrue(e.getMessage().contains(String.valueOf(file.length)), e.getMessage());
  }

  @Test
  void truncatedGzipIsReported() throws IOException {
    byte[] gz = IdxTestFiles.gzip(IdxTestFiles.images(50, 28, 28));
    Path p = IdxTestFiles.write(dir, "cut.gz", Arrays.copyOf(gz, gz.length / 2));
    UserError e = assertThrows(UserError.class, () -> IdxReader.readImages(p));
    assertEquals(UserError.Kind.INPUT, e.kind());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void wrongMagicNamesExpectedAndActual() throws IOException {
    Path p = IdxTestFiles.write(dir, "labels-as-images", IdxTestFiles.labels(4));
    UserError e = assertThrows(UserError.class, () -> IdxReader.readImages(p));
    assertEquals(UserError.Kind.INPUT, e.kind());
    assertTrue(e.getMessage().contains("0x00000801"), e.getMessage());
    assertTrue(e.getMessage().contains("0x00000803"), e.getMessage());
  }

  @Test
  void wrongItemCountInHeaderIsRejected() throws IOException {
    byte[] file = IdxTestFiles.labels(10);
    file[7] = 12;
    Path p = IdxTestFiles.write(dir, "count", file);
    UserError e = assertThrows(UserError.class, () -> IdxReader.readLabels(p));
    assertEquals(UserError.Kind.INPUT, e.kind());
    assertTrue(e.getMessage().contains("says 20"), e.getMessage());
  }

  @Test
  void trailingBytesAreRejected() throws IOException {
    byte[] file = Arrays.copyOf(IdxTestFiles.labels(10), 19);
    UserError e = assertThrows(UserError.class,
        () -> IdxReader.readLabels(IdxTestFiles.write(dir, "long", file)));
    assertEquals(UserError.Kind.INPUT, e.kind());
    assertTrue(e.getMessage().contains("trailing"), e.getMessage());
  }

  @Test
  void emptyAndMissingFilesAreReported() throws IOException {
    Path empty = IdxTestFiles.write(dir, "empty", new byte[0]);
    assertTrue(assertThrows(UserError.class, () -> IdxReader.readLabels(empty))
        .getMessage().contains("too short"));
    assertTrue(assertThrows(UserError.class,
        () -> IdxReader.readLabels(dir.resolve("nope"))).getMessage().contains("not found"));
  }
}
