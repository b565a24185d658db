package io.lenetedge.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistFolderTest {
  @TempDir Path dir;

  private void writeSet(int train, int test) throws IOException {
    IdxTestFiles.write(dir, "train-images-idx3-ubyte", IdxTestFiles.images(train, 28, 28));
    IdxTestFiles.write(dir, "train-labels-idx1-ubyte", IdxTestFiles.labels(train));
    IdxTestFiles.write(dir, "t10k-images-idx3-ubyte.gz",
        IdxTestFiles.gzip(IdxTestFiles.images(test, 28, 28)));
    IdxTestFiles.write(dir, "t10k-labels-idx1-ubyte", IdxTestFiles.labels(test));
  }

  @Test
  void nonCanonicalSetLoadsWithOneNotice() throws IOException {
    writeSet(12, 5);
    List<String> notices = new ArrayList<>();
    MnistData data = MnistFolder.load(dir, notices::add);
    assertEquals(12, data.train().size());
    assertEquals(5, data.test().size());
    assertFalse(data.canonical());
    assertEquals(1, notices.size());
    assertEquals(Sha256.of(IdxTestFiles.labels(5)), data.sha256().get("t10k-labels-idx1-ubyte"));
  }

  @Test
  void imagesAndLabelsWithDifferentCountsAreRejected() throws IOException {
    writeSet(12, 5);
    IdxTestFiles.write(dir, "train-labels-idx1-ubyte", IdxTestFiles.labels(11));
    UserError e = assertThrows(UserError.class,
        () -> MnistFolder.load(dir, s -> {}));
    assertEquals(UserError.Kind.INPUT, e.kind());
    assertTrue(e.getMessage().contains("11 labels"), e.getMessage());
    assertTrue(e.getMessage().contains("12 images"), e.getMessage());
  }

  @Test
  void missingFileNamesItAndTheFetchScript() throws IOException {
    writeSet(3, 3);
    Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
    UserError e = assertThrows(UserError.class,
        () -> MnistFolder.load(dir, s -> {}));
    assertEquals(UserError.Kind.INPUT, e.kind());
    assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte"), e.getMessage());
    assertTrue(e.getMessage().contains("fetch-mnist"), e.getMessage());
  }

  @Test
  void realMnistIsCanonicalWhenPresent() {
    Path real = Path.of(System.getProperty("mnist.dir", "../data/mnist"));
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(real), "MNIST not fetched");
    List<String> notices = new ArrayList<>();
    MnistData data = MnistFolder.load(real, notices::add);
    assertTrue(data.canonical());
    assertTrue(notices.isEmpty());
    assertEquals(60000, data.train().size());
    assertEquals(7, data.test().label(0));
    assertEquals(5, data.train().label(0));
  }
}
