package io.lenetedge.testkit;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.MnistFolder;
import io.lenetedge.image.Enlargement;
import io.lenetedge.image.FontCatalog;
import io.lenetedge.image.GrayImage;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Writes a generated test set to a folder, for the eval commands:
 *
 * <pre>
 * java -jar testkit.jar pages --mnist data/mnist --count 250 --seed 7 --out target/pages
 * java -jar testkit.jar meter --mnist data/mnist --strips 4 --frames 60 --seed 7 --out target/meter
 * java -jar testkit.jar scaled --mnist data/mnist --count 300 --seed 7 --out target/scaled
 * java -jar testkit.jar pens --mnist data/mnist --count 300 --seed 7 --out target/pens
 * java -jar testkit.jar camera --mnist data/mnist --frames 300 --seed 7 --out target/camera
 * java -jar testkit.jar camera --mnist data/mnist --frames 60 --raw clip.raw --out unused
 * java -jar testkit.jar fonts --fonts data/fonts --role handwriting-held-out --per-digit 40 --out DIR
 * java -jar testkit.jar optdigits --file data/optdigits/digits.csv.gz --out target/optdigits
 * java -jar testkit.jar scans --mnist data/mnist --count 10000 --out target/scans
 * java -jar testkit.jar pieces --mnist data/mnist --kind verifier --pages 12000 --seed 31 --out DIR
 * </pre>
 *
 * A page set is PNG files and {@code truth.jsonl} ({@code {"image":"page-0001.png","text":"..."}}
 * per line); a meter set is one folder per strip with its frames, {@code truth.jsonl} (image, time,
 * value shown, kind of frame) and the strip's reader options in {@code edge.properties}. Digit sets
 * ({@code eval --images}) are sub-folders 0 to 9 of pictures; {@code camera} writes its blank frames to {@code none}; {@code pens} writes the sets {@code thin} and {@code thick}; {@code scaled} writes one such set
 * per scale (1 to 10), filter (bilinear, bicubic), polarity and focus, named like
 * {@code x4-bicubic-dark-sharp}. {@code pieces} writes IDX training files for the number
 * reader's page models ({@link PieceSets}), from MNIST's <em>training</em> digits.
 */
public final class WriteSet {
  private WriteSet() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    try {
      System.exit(run(args));
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    }
  }

  static int run(String[] args) {
    List<String> verbs =
        List.of("pages", "meter", "scaled", "pens", "camera", "fonts", "optdigits", "scans", "pieces");
    if (args.length == 0 || !verbs.contains(args[0])) {
      throw new IllegalArgumentException("usage: " + String.join("|", verbs) + " --out DIR [--seed N]"
          + " [--mnist DIR] [--count N] [--strips N --frames N] [--frames N [--raw FILE]] [--fonts DIR --role ROLE --per-digit N]"
          + " [--file digits.csv.gz] [--kind verifier|digits --pages N]");
    }
    Map<String, String> o = options(args);
    long seed = Long.parseLong(o.getOrDefault("seed", "1"));
    Path out = Path.of(required(o, "out"));
    if (args[0].equals("fonts")) {
      FontCatalog.Role role = FontCatalog.Role.valueOf(required(o, "role").toUpperCase(Locale.ROOT)
          .replace('-', '_'));
      int perDigit = Integer.parseInt(o.getOrDefault("per-digit", "40"));
      int n = writeFonts(Path.of(o.getOrDefault("fonts", "data/fonts")), role, perDigit, seed, out);
      System.err.printf(Locale.ROOT, "wrote %d pictures of %s fonts (seed %d) to %s%n", n, role, seed, out);
      return 0;
    }
    if (args[0].equals("optdigits")) {
      List<int[]> rows = DigitSets.optdigits(Path.of(o.getOrDefault("file", "data/optdigits/digits.csv.gz")));
      for (int i = 0; i < rows.size(); i++) {
        writeGray(DigitSets.optdigit(rows.get(i)), out.resolve(rows.get(i)[64] + "/" + String.format(Locale.ROOT, "%04d.png", i)));
      }
      System.err.printf(Locale.ROOT, "wrote %d optdigits pictures to %s%n", rows.size(), out);
      return 0;
    }
    if (args[0].equals("pieces")) {
      String kind = o.getOrDefault("kind", "verifier");
      if (!kind.equals("verifier") && !kind.equals("digits")) {
        throw new IllegalArgumentException("--kind must be verifier or digits, got " + kind);
      }
      int pages = Integer.parseInt(o.getOrDefault("pages", "12000"));
      LabeledImages train = MnistFolder.load(Path.of(o.getOrDefault("mnist", "data/mnist")),
          System.err::println).train();
      int[] counts;
      try {
        counts = PieceSets.write(train, PieceSets.Kind.valueOf(kind.toUpperCase(Locale.ROOT)),
            seed, pages, out);
      } catch (IOException e) {
        throw new UncheckedIOException("writing " + out, e);
      }
      System.err.printf(Locale.ROOT, "wrote the %s pieces of %d pages of MNIST training digits"
          + " (seed %d) to %s: %s per label%n", kind, pages, seed, out,
          java.util.Arrays.toString(counts));
      return 0;
    }
    LabeledImages test = MnistFolder.load(Path.of(o.getOrDefault("mnist", "data/mnist")),
        System.err::println).test();
    if (args[0].equals("scaled")) {
      int count = Integer.parseInt(o.getOrDefault("count", "300"));
      int sets = writeScaled(test, count, seed, out);
      System.err.printf(Locale.ROOT, "wrote %d sets of %d scaled MNIST test digits (seed %d) to %s%n",
          sets, count, seed, out);
      return 0;
    }
    if (args[0].equals("camera")) {
      int frames = Integer.parseInt(o.getOrDefault("frames", "300"));
      CameraClip clip = new CameraClip(test.images(), 640, 480, 6, seed);
      if (o.containsKey("raw")) {
        Path raw = Path.of(o.get("raw"));
        try (java.io.OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(raw))) {
          for (int i = 0; i < frames; i++) {
            os.write(clip.frame(i).pixels());
          }
        } catch (IOException e) {
          throw new UncheckedIOException("writing " + raw, e);
        }
        System.err.printf(Locale.ROOT, "wrote a camera clip of %d raw 640x480 frames (seed %d) to %s%n",
            frames, seed, raw);
        return 0;
      }
      for (int i = 0; i < frames; i++) {
        int index = clip.digitIndex(i);
        String folder = index < 0 ? "none" : String.valueOf(test.label(index));
        writeGray(clip.frame(i), out.resolve(folder + "/" + String.format(Locale.ROOT, "frame-%04d.png", i)));
      }
      System.err.printf(Locale.ROOT, "wrote a camera clip of %d frames (seed %d) to %s%n", frames, seed, out);
      return 0;
    }
    if (args[0].equals("scans")) {
      int count = Math.min(test.size(), Integer.parseInt(o.getOrDefault("count", "10000")));
      for (int i = 0; i < count; i++) {
        writeGray(DigitSets.scanned(test, i), out.resolve(test.label(i) + "/"
            + String.format(Locale.ROOT, "%05d.png", i)));
      }
      System.err.printf(Locale.ROOT, "wrote the first %d MNIST test digits scanned as optdigits"
          + " was (8x8 blocks) to %s%n", count, out);
      return 0;
    }
    if (args[0].equals("pens")) {
      int count = Integer.parseInt(o.getOrDefault("count", "300"));
      int[] picks = new java.util.SplittableRandom(seed).ints(count, 0, test.size()).toArray();
      for (DigitSets.Pen pen : DigitSets.Pen.values()) {
        for (int i : picks) {
          writeGray(DigitSets.pen(test, i, pen), out.resolve(pen.name().toLowerCase(Locale.ROOT)
              + "/" + test.label(i) + "/" + String.format(Locale.ROOT, "%05d.png", i)));
        }
      }
      System.err.printf(Locale.ROOT, "wrote %d MNIST test digits with thin and thick pens (seed %d)"
          + " to %s%n", count, seed, out);
      return 0;
    }
    if (args[0].equals("pages")) {
      int count = Integer.parseInt(o.getOrDefault("count", "250"));
      writePages(new NumberPages(test, seed), count, out);
      System.err.printf(Locale.ROOT, "wrote %d pages (seed %d) to %s%n", count, seed, out);
    } else {
      int strips = Integer.parseInt(o.getOrDefault("strips", "4"));
      int frames = Integer.parseInt(o.getOrDefault("frames", "60"));
      MeterStrips meters = new MeterStrips(test, seed);
      for (int s = 0; s < strips; s++) {
        writeStrip(meters.strip(s, frames, 1000), out.resolve(String.format(Locale.ROOT, "strip-%02d", s + 1)));
      }
      System.err.printf(Locale.ROOT, "wrote %d meter strips of %d frames (seed %d) to %s%n", strips,
          frames, seed, out);
    }
    return 0;
  }

  /** Writes pages 0 to {@code count - 1} and their truth. */
  public static void writePages(NumberPages pages, int count, Path dir) {
    List<String> truth = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      NumberPages.Page p = pages.page(i);
      String name = String.format(Locale.ROOT, "page-%04d.png", i + 1);
      writePng(p.pixels(), p.width(), p.height(), dir.resolve(name));
      truth.add("{\"image\":\"" + name + "\",\"text\":\"" + p.text().replace("\n", "\\n") + "\"}");
    }
    writeLines(dir.resolve("truth.jsonl"), truth);
  }

  /** Writes a strip's frames, truth and reader options. */
  public static void writeStrip(MeterStrips.Strip strip, Path dir) {
    List<String> truth = new ArrayList<>();
    for (int f = 0; f < strip.frames().size(); f++) {
      MeterStrips.Frame frame = strip.frames().get(f);
      String name = String.format(Locale.ROOT, "frame-%04d.png", f + 1);
      writePng(frame.pixels(), strip.width(), strip.height(), dir.resolve(name));
      truth.add("{\"image\":\"" + name + "\",\"time_ms\":" + frame.timeMillis() + ",\"shown\":\""
          + frame.shown() + "\",\"kind\":\"" + frame.kind().name().toLowerCase(Locale.ROOT) + "\"}");
    }
    writeLines(dir.resolve("truth.jsonl"), truth);
    writeLines(dir.resolve("edge.properties"), List.of(
        "# The reader options for this strip (run --config FILE, eval --meter DIR).",
        "digits=" + strip.digitsSpec(),
        "monotonic=true",
        String.format(Locale.ROOT, "max-rate=%.0f", strip.maxRatePerMinute()),
        "max-unknown=0"));
  }

  /**
   * {@code count} MNIST test digits (the same for every set, drawn by the seed) in every set of
   * scale, filter, polarity and focus; returns the number of sets.
   */
  public static int writeScaled(LabeledImages test, int count, long seed, Path dir) {
    int[] picks = new java.util.SplittableRandom(seed).ints(count, 0, test.size()).toArray();
    int sets = 0;
    for (int scale = 1; scale <= 10; scale++) {
      for (Enlargement.Filter filter : Enlargement.Filter.values()) {
        for (boolean dark : new boolean[] {true, false}) {
          for (boolean blur : new boolean[] {false, true}) {
            if (scale == 1 && filter == Enlargement.Filter.BICUBIC) {
              continue;
            }
            Path set = dir.resolve(setName(scale, filter, dark, blur));
            for (int k = 0; k < picks.length; k++) {
              int i = picks[k];
              writeGray(DigitSets.scaled(test, i, scale, filter, dark, blur ? 0.4 : 0),
                  set.resolve(test.label(i) + "/" + String.format(Locale.ROOT, "%05d.png", i)));
            }
            sets++;
          }
        }
      }
    }
    return sets;
  }

  /** The folder name of a scaled set, e.g. {@code x4-bicubic-dark-blurred}. */
  public static String setName(int scale, Enlargement.Filter filter, boolean dark, boolean blur) {
    return "x" + scale + "-" + filter.name().toLowerCase(Locale.ROOT) + "-" + (dark ? "dark" : "light")
        + "-" + (blur ? "blurred" : "sharp");
  }

  /** {@code perDigit} pictures of each digit spread over the fonts of {@code role}. */
  public static int writeFonts(Path fontsDir, FontCatalog.Role role, int perDigit, long seed, Path dir) {
    List<FontCatalog.NamedFont> fonts = FontCatalog.load(fontsDir, FontCatalog.of(role));
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
    int n = 0;
    for (int d = 0; d < 10; d++) {
      for (int k = 0; k < perDigit; k++) {
        FontCatalog.NamedFont f = fonts.get(k % fonts.size());
        writeGray(DigitSets.font(f.font(), d, rng),
            dir.resolve(d + "/" + f.entry().name() + "-" + String.format(Locale.ROOT, "%03d.png", k)));
        n++;
      }
    }
    return n;
  }

  static void writeGray(GrayImage img, Path file) {
    writePng(img.pixels(), img.width(), img.height(), file);
  }

  static void writePng(byte[] pixels, int width, int height, Path file) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    System.arraycopy(pixels, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData(), 0,
        pixels.length);
    try {
      Files.createDirectories(file.getParent());
      ImageIO.write(img, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }

  private static void writeLines(Path file, List<String> lines) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'");
      }
      o.put(args[i].substring(2), args[++i]);
    }
    return o;
  }

  private static String required(Map<String, String> o, String key) {
    String v = o.get(key);
    if (v == null) {
      throw new IllegalArgumentException("--" + key + " is required");
    }
    return v;
  }
}
