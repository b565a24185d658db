package io.lenetedge.trainer;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.ModelContract;
import io.lenetedge.common.UserError;
import io.lenetedge.image.BlockScan;
import io.lenetedge.image.Enlargement;
import io.lenetedge.image.FontCatalog;
import io.lenetedge.image.FontDigits;
import io.lenetedge.image.GrayImage;
import io.lenetedge.image.ImageFiles;
import io.lenetedge.image.MnistStyle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Digits besides MNIST's, already prepared as model input (28x28 in [0,1], white on black) by the
 * runtime's own preparation ({@link MnistStyle#prepare(GrayImage)}), with their labels: digits
 * drawn from the training fonts, MNIST digits as a low-resolution scan records them or as a tight
 * crop or high-resolution scan enlarges them, or a user's own images.
 *
 * @param name what the pool holds, for logs
 * @param images {@code size} x 784 values
 * @param labels one per image
 */
public record ImagePool(String name, float[] images, int[] labels) {
  /** Drawings of each digit per training font. */
  static final int FONT_VARIANTS = 6;

  public int size() {
    return labels.length;
  }

  /**
   * Every digit of every training font of {@link FontCatalog} in {@code dir}, drawn
   * {@value #FONT_VARIANTS} times each at random sizes, angles, slants and weights (fixed by the
   * seed).
   *
   * @throws UserError (INPUT) naming the font and the fetch script when one is missing
   */
  static ImagePool fonts(Path dir, long seed) {
    List<FontCatalog.NamedFont> fonts = FontCatalog.load(dir, FontCatalog.of(
        FontCatalog.Role.HANDWRITING_TRAIN, FontCatalog.Role.PRINTED_TRAIN));
    SplittableRandom rng = new SplittableRandom(seed ^ 0xF0475L);
    List<float[]> images = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (FontCatalog.NamedFont f : fonts) {
      for (int d = 0; d < 10; d++) {
        for (int v = 0; v < FONT_VARIANTS; v++) {
          FontDigits.Style style = new FontDigits.Style(24 + rng.nextInt(57),
              (rng.nextDouble() * 2 - 1) * 6, (rng.nextDouble() * 2 - 1) * 0.2,
              -0.02 + rng.nextDouble() * 0.08);
          Optional<MnistStyle.Prepared> p = MnistStyle.prepare(FontDigits.render(f.font(), d, style));
          if (p.isPresent()) {
            images.add(p.get().input());
            labels.add(d);
          }
        }
      }
    }
    return of("digits of " + fonts.size() + " training fonts", images, labels);
  }

  /** Scanned or enlarged digits in a training run's pool. */
  static final int DRAWN_DIGITS = 10_000;
  /** A scan's digit is this many blocks high at least... */
  static final int MIN_SCAN_ROWS = 6;
  /** ...and at most. */
  static final int MAX_SCAN_ROWS = 12;
  /** An enlarged digit is this many times MNIST's size at most (from twice). */
  static final int MAX_ENLARGEMENT = 10;

  /**
   * {@code count} of the given MNIST training images (drawn by the seed, with their style
   * variants when {@code styles}), each as a scan {@value #MIN_SCAN_ROWS} to {@value
   * #MAX_SCAN_ROWS} blocks high records it ({@link BlockScan}), drawn back and prepared as the
   * runtime prepares pictures.
   */
  static ImagePool scans(LabeledImages train, int[] indices, int count, long seed,
      boolean styles) {
    return prepared(train, indices, count, seed, 0x5CA45L, styles, (digit, rng) -> {
      int rows = MIN_SCAN_ROWS + rng.nextInt(MAX_SCAN_ROWS - MIN_SCAN_ROWS + 1);
      return BlockScan.page(BlockScan.counts(digit, 0, rows), rows);
    }, "MNIST training digits scanned " + MIN_SCAN_ROWS + " to " + MAX_SCAN_ROWS + " blocks high");
  }

  /**
   * {@code count} of the given MNIST training images (drawn by the seed, with their style
   * variants when {@code styles}), each as a tight crop or a high-resolution scan gives it ({@link
   * Enlargement}): 2 to {@value #MAX_ENLARGEMENT} times as large, bilinear or bicubic, dark on
   * light or light on dark, sharp or out of focus; prepared as the runtime prepares pictures.
   */
  static ImagePool enlarged(LabeledImages train, int[] indices, int count, long seed,
      boolean styles) {
    return prepared(train, indices, count, seed, 0xE4A26EL, styles, (digit, rng) -> {
      int scale = 2 + rng.nextInt(MAX_ENLARGEMENT - 1);
      Enlargement.Filter filter = Enlargement.Filter.values()[rng.nextInt(2)];
      double blur = rng.nextBoolean() ? 0 : 0.2 + 0.3 * rng.nextDouble();
      return Enlargement.of(digit, 0, scale, filter, rng.nextBoolean(), blur);
    }, "MNIST training digits enlarged 2 to " + MAX_ENLARGEMENT + " times");
  }

  /** A picture made of a 28x28 digit in [0,1], white on black. */
  private interface Picture {
    GrayImage of(float[] digit, SplittableRandom rng);
  }

  /**
   * {@code count} pictures of MNIST training images drawn by the seed, in parallel (each with its
   * own generator, from the seed and the pool's {@code salt}, so the pool does not depend on the
   * threads), prepared as the runtime prepares pictures; those where no digit is found are left
   * out.
   */
  private static ImagePool prepared(LabeledImages train, int[] indices, int count, long seed,
      long salt, boolean styles, Picture picture, String name) {
    float[][] prepared = new float[count][];
    int[] labels = new int[count];
    IntStream.range(0, count).parallel().forEach(k -> {
      SplittableRandom rng = new SplittableRandom(seed ^ (salt + 31L * k));
      int i = indices[rng.nextInt(indices.length)];
      float[] digit = new float[ModelContract.PIXELS];
      train.images().copyScaled(i, digit, 0);
      labels[k] = train.label(i);
      if (styles) {
        StyleVariants.apply(digit, 0, labels[k], rng);
      }
      prepared[k] = MnistStyle.prepare(picture.of(digit, rng))
          .map(MnistStyle.Prepared::input).orElse(null);
    });
    List<float[]> images = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      if (prepared[k] != null) {
        images.add(prepared[k]);
        kept.add(labels[k]);
      }
    }
    return of(name, images, kept);
  }

  /**
   * A user's images: {@code dir}/0 ... {@code dir}/9 hold images of that digit (any size and
   * format {@code classify} reads). A folder that is not a digit, an unreadable image or one where
   * no digit is found is named on {@code log} and left out; the rest is used.
   *
   * @throws UserError (USAGE) when {@code dir} is no folder or holds no usable image
   */
  static ImagePool extra(Path dir, Consumer<String> log) {
    if (!Files.isDirectory(dir)) {
      throw new UserError(USAGE, "--extra " + dir + ": no such folder; it needs sub-folders"
          + " 0 to 9 with images of each digit");
    }
    List<float[]> images = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    try (Stream<Path> children = Files.list(dir)) {
      for (Path sub : children.sorted().toList()) {
        String name = sub.getFileName().toString();
        if (!Files.isDirectory(sub)) {
          continue;
        }
        if (!name.matches("[0-9]")) {
          log.accept("--extra: " + sub + " is not a digit's folder (0 to 9); left out");
          continue;
        }
        for (Path file : ImageFiles.expand(List.of(sub))) {
          try {
            Optional<MnistStyle.Prepared> p = MnistStyle.prepare(ImageFiles.read(file));
            if (p.isEmpty()) {
              log.accept("--extra: " + file + ": no digit found; left out");
              continue;
            }
            images.add(p.get().input());
            labels.add(name.charAt(0) - '0');
          } catch (UserError e) {
            if (e.kind() != UserError.Kind.INPUT) {
              throw e;
            }
            log.accept("--extra: " + e.getMessage() + "; left out");
          }
        }
      }
    } catch (IOException e) {
      throw new UserError(USAGE, "--extra " + dir + ": " + e.getMessage(), e);
    }
    if (images.isEmpty()) {
      throw new UserError(USAGE, "--extra " + dir + ": no usable images in its folders 0 to 9");
    }
    return of(images.size() + " images of " + dir, images, labels);
  }

  static ImagePool of(String name, List<float[]> images, List<Integer> labels) {
    float[] all = new float[images.size() * ModelContract.PIXELS];
    for (int i = 0; i < images.size(); i++) {
      System.arraycopy(images.get(i), 0, all, i * ModelContract.PIXELS, ModelContract.PIXELS);
    }
    return new ImagePool(name, all, labels.stream().mapToInt(Integer::intValue).toArray());
  }

  /** How many images of each digit. */
  int[] perDigit() {
    int[] counts = new int[10];
    for (int l : labels) {
      counts[l]++;
    }
    return counts;
  }
}
