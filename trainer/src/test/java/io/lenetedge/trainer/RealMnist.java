package io.lenetedge.trainer;

import io.lenetedge.common.MnistData;
import io.lenetedge.common.MnistFolder;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real MNIST that scripts/fetch-mnist.sh puts in data/mnist (CI fetches it first). */
final class RealMnist {
  private static MnistData cached;

  private RealMnist() {}

  static Path dir() {
    Path dir = Path.of(System.getProperty("mnist.dir", "../data/mnist"));
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("MNIST is not in " + dir.toAbsolutePath()
          + "; run scripts/fetch-mnist.sh (scripts/test.sh does it for you)");
    }
    return dir;
  }

  static synchronized MnistData load() {
    if (cached == null) {
      cached = MnistFolder.load(dir(), System.err::println);
    }
    return cached;
  }
}
