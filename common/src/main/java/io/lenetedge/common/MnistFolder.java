package io.lenetedge.common;

import static io.lenetedge.common.UserError.Kind.INPUT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Loads the four MNIST IDX files from a folder (raw or {@code .gz}) and checks them against the
 * canonical MNIST SHA-256 digests. Other 28x28 IDX sets (Fashion-MNIST) load with a notice.
 */
public final class MnistFolder {
  /** SHA-256 of the four original, uncompressed MNIST files, by base name. */
  public static final Map<String, String> CANONICAL_SHA256 = Map.of(
      "train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
      "train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
      "t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
      "t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

  private static final List<String> SUFFIXES = List.of("", ".gz");

  private MnistFolder() {}

  /**
   * The train and test splits in {@code dir}.
   *
   * @param notices receives one line when the files are not the canonical MNIST
   * @throws UserError (INPUT) naming the file when one is missing, truncated or malformed
   */
  public static MnistData load(Path dir, Consumer<String> notices) {
    if (!Files.isDirectory(dir)) {
      throw new UserError(INPUT, dir + ": no such folder; fetch MNIST with scripts/fetch-mnist.sh");
    }
    Map<String, String> digests = new LinkedHashMap<>();
    LabeledImages train = split(dir, "train", "train", digests);
    LabeledImages test = split(dir, "test", "t10k", digests);
    boolean canonical = digests.equals(CANONICAL_SHA256);
    if (!canonical) {
      notices.accept("notice: the IDX files in " + dir
          + " are not the canonical MNIST (SHA-256 differs); loading them as a 28x28 digit-like set");
    }
    if (train.images().rows() != 28 || train.images().cols() != 28
        || test.images().rows() != 28 || test.images().cols() != 28) {
      throw new UserError(INPUT, dir + ": images are " + train.images().rows() + "x"
          + train.images().cols() + ", expected 28x28");
    }
    return new MnistData(train, test, canonical, digests);
  }

  private static LabeledImages split(Path dir, String name, String prefix, Map<String, String> digests) {
    Path imagesFile = locate(dir, prefix + "-images-idx3-ubyte");
    Path labelsFile = locate(dir, prefix + "-labels-idx1-ubyte");
    byte[] imageBytes = IdxReader.readContent(imagesFile);
    byte[] labelBytes = IdxReader.readContent(labelsFile);
    digests.put(prefix + "-images-idx3-ubyte", Sha256.of(imageBytes));
    digests.put(prefix + "-labels-idx1-ubyte", Sha256.of(labelBytes));
    IdxImages images = IdxReader.images(imagesFile, imageBytes);
    byte[] labels = IdxReader.labels(labelsFile, labelBytes);
    if (images.count() != labels.length) {
      throw new UserError(INPUT, labelsFile + ": " + labels.length + " labels but "
          + imagesFile.getFileName() + " holds " + images.count() + " images");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] > 9) {
        throw new UserError(INPUT, labelsFile + ": label " + i + " is " + labels[i]
            + ", expected 0..9");
      }
    }
    return new LabeledImages(name, images, labels);
  }

  private static Path locate(Path dir, String baseName) {
    for (String suffix : SUFFIXES) {
      for (String name : List.of(baseName, baseName.replace("-idx", ".idx"))) {
        Path candidate = dir.resolve(name + suffix);
        if (Files.isRegularFile(candidate)) {
          return candidate;
        }
      }
    }
    throw new UserError(INPUT, dir.resolve(baseName) + ": file not found (also tried .gz);"
        + " fetch MNIST with scripts/fetch-mnist.sh");
  }
}
