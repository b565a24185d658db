package io.lenetedge.edge.cli;

import static io.lenetedge.common.UserError.Kind.INPUT;
import static io.lenetedge.common.UserError.Kind.USAGE;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.lenetedge.common.IdxImages;
import io.lenetedge.common.IdxReader;
import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.ModelContract;
import io.lenetedge.common.UserError;
import io.lenetedge.image.ImageFiles;
import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.EmbeddedPageModels;
import io.lenetedge.edge.read.FrameReader;
import io.lenetedge.edge.read.Preparations;
import io.lenetedge.edge.read.ReadMode;
import io.lenetedge.edge.read.Reading;
import io.lenetedge.edge.read.TextScore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code eval}: accuracy on a labelled set: 28x28 IDX images with their labels (the MNIST test
 * set), or a folder of pages with the text written on each ({@code truth.jsonl}).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Accuracy on a labelled set: --images/--labels, 28x28 IDX images (raw or .gz)"
        + " taken as they are (accuracy, confusion matrix, images/s); or --pages DIR, images of"
        + " numbers with DIR/truth.jsonl ({\"image\":\"page-0001.png\",\"text\":\"0522\\n17\"} per"
        + " line), read as run and classify read them (lines read exactly, digit accuracy).")
public final class EvalCommand implements Callable<Integer> {
  /** The file of a page folder that says what each page holds. */
  static final String TRUTH = "truth.jsonl";

  @Spec CommandSpec spec;
  @Mixin ModelOptions model;

  @Option(names = "--images", paramLabel = "FILE|DIR",
      description = "IDX images, e.g. data/mnist/t10k-images-idx3-ubyte, with --labels; or a folder"
          + " whose sub-folders 0 to 9 hold pictures of each digit, of any size, read as classify"
          + " reads them (and \"none\" pictures that hold no digit), or a folder of such folders.")
  Path images;

  @Option(names = "--labels", paramLabel = "FILE",
      description = "IDX labels, e.g. data/mnist/t10k-labels-idx1-ubyte.")
  Path labels;

  @Option(names = "--pages", paramLabel = "DIR",
      description = "A folder of page images and " + TRUTH + ".")
  Path pages;

  @Option(names = "--meter", paramLabel = "DIR",
      description = "A meter strip folder (frames, " + TRUTH + " with each frame's time, value"
          + " shown and kind, and edge.properties with the reader's --digits and guards), or a"
          + " folder of them: every good frame's value must be right, every bad frame rejected"
          + " or no reading.")
  Path meter;

  @Option(names = "--read", defaultValue = "number", paramLabel = "digit|number|auto",
      description = "With --pages: what to read (default: ${DEFAULT-VALUE}).")
  ReadMode read;

  @Option(names = "--min-confidence", defaultValue = "0.6",
      description = "With --pages: digits under this probability read as ? (default: ${DEFAULT-VALUE}).")
  float minConfidence;

  @Option(names = "--errors",
      description = "With --pages or a folder of --images: print every line or picture read wrong on stderr.")
  boolean errors;

  @Option(names = "--batch", defaultValue = "256", description = "Images per inference (default: ${DEFAULT-VALUE}).")
  int batch;

  @Override
  public Integer call() {
    if (batch < 1) {
      throw new UserError(USAGE, "--batch must be at least 1, got " + batch);
    }
    int sets = (pages == null ? 0 : 1) + (images == null ? 0 : 1) + (meter == null ? 0 : 1);
    if (sets != 1) {
      throw new UserError(USAGE, "give one of --images and --labels (IDX), --pages DIR"
          + " or --meter DIR");
    }
    if (images != null && Files.isDirectory(images)) {
      return evalFolders();
    }
    return pages != null ? evalPages() : meter != null ? evalMeter() : evalIdx();
  }

  private int evalIdx() {
    if (labels == null) {
      throw new UserError(USAGE, "--images needs --labels, e.g. data/mnist/t10k-labels-idx1-ubyte");
    }
    IdxImages idx = IdxReader.readImages(images);
    LabeledImages set = new LabeledImages(images.getFileName().toString(), idx, IdxReader.readLabels(labels));
    if (idx.rows() != 28 || idx.cols() != 28) {
      throw new UserError(INPUT, images + ": images are " + idx.rows() + "x" + idx.cols() + ", expected 28x28");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (DigitModel m = model.open(batch, spec.commandLine().getErr())) {
      int n = set.size();
      int classes = m.spec().classes();
      float[] x = new float[n * ModelContract.PIXELS];
      for (int i = 0; i < n; i++) {
        idx.copyScaled(i, x, i * ModelContract.PIXELS);
      }
      float[] probabilities = new float[n * classes];
      long start = System.nanoTime();
      m.classify(x, n, probabilities);
      double seconds = (System.nanoTime() - start) / 1e9;
      ConfusionMatrix cm = ConfusionMatrix.of(probabilities, set.labels(), classes);
      out.printf(Locale.ROOT, "accuracy: %.2f %% (%d of %d correct) on %s%n", 100 * cm.accuracy(),
          cm.correct(), n, images);
      out.printf(Locale.ROOT, "throughput: %,.0f images/s (batch %d, %s, %d thread(s))%n",
          n / seconds, m.maxBatch(), m.provider(), model.threads);
      out.print(cm.render(m.spec().labels()));
    }
    out.flush();
    return 0;
  }

  /**
   * Pictures in sub-folders 0 to 9, each read as one digit through classify's preparation; a
   * folder of such sets (sub-folders that each hold 0 to 9) gives a line per set.
   */
  private int evalFolders() {
    if (labels != null) {
      throw new UserError(USAGE, "--labels goes with IDX images; a folder of pictures is"
          + " labelled by its sub-folders 0 to 9");
    }
    List<Path> sets = isDigitSet(images) ? List.of(images) : childSets(images);
    if (sets.isEmpty()) {
      throw new UserError(INPUT, images + ": no sub-folders 0 to 9 of pictures, nor folders of them");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int[] unreadable = {0};
    try (DigitModel m = model.open(RunCommand.BATCH, err)) {
      FrameReader reader = new FrameReader(Preparations.digit(null), m, 0f);
      for (Path set : sets) {
        long[] nanos = {0};
        int[] blank = {0, 0};
        ConfusionMatrix cm = evalSet(reader, set, nanos, unreadable, blank, err, errors);
        out.printf(Locale.ROOT, "accuracy: %.2f %% (%d of %d correct, %d no digit) on %s%s%n",
            100 * cm.accuracy(), cm.correct(), cm.total(), cm.noDigit(), set, blank[1] == 0 ? ""
                : String.format(Locale.ROOT, "; %d of %d pictures without a digit read as none",
                    blank[0], blank[1]));
        if (sets.size() == 1) {
          out.printf(Locale.ROOT, "speed: %.2f ms per picture (read digit)%n",
              nanos[0] / 1e6 / Math.max(1, cm.total()));
          out.print(cm.render(java.util.stream.IntStream.range(0, 10).mapToObj(String::valueOf).toList()));
        }
        out.flush();
      }
    }
    if (unreadable[0] > 0) {
      throw new UserError(INPUT, unreadable[0] + " pictures could not be read (see above)");
    }
    return 0;
  }

  /**
   * Reads sub-folders 0 to 9 into a confusion matrix, and {@value #NONE} (pictures without a
   * digit) into {@code blank}: how many gave no digit, of how many.
   */
  private static ConfusionMatrix evalSet(FrameReader reader, Path set, long[] nanos,
      int[] unreadable, int[] blank, PrintWriter err, boolean errors) {
    ConfusionMatrix cm = ConfusionMatrix.empty(10);
    Path none = set.resolve(NONE);
    if (Files.isDirectory(none)) {
      for (Path file : ImageFiles.expand(List.of(none))) {
        try {
          Reading r = reader.read(ImageFiles.read(file));
          boolean nothing = r.count() == 0;
          blank[0] += nothing ? 1 : 0;
          blank[1]++;
          if (errors && !nothing) {
            err.println(file + ": read " + r.text() + " where there is no digit");
          }
        } catch (UserError e) {
          if (e.kind() != INPUT) {
            throw e;
          }
          unreadable[0]++;
          err.println("error: " + e.getMessage());
        }
      }
    }
    for (int d = 0; d < 10; d++) {
      Path sub = set.resolve(String.valueOf(d));
      if (!Files.isDirectory(sub)) {
        continue;
      }
      for (Path file : ImageFiles.expand(List.of(sub))) {
        try {
          var img = ImageFiles.read(file);
          long t0 = System.nanoTime();
          Reading r = reader.read(img);
          nanos[0] += System.nanoTime() - t0;
          int read = r.single().map(Reading.Digit::digit).orElse(-1);
          cm.add(d, read);
          if (errors && read != d) {
            err.println(file + ": read " + (read < 0 ? "no digit" : String.valueOf(read)) + " for " + d);
          }
        } catch (UserError e) {
          if (e.kind() != INPUT) {
            throw e;
          }
          unreadable[0]++;
          err.println("error: " + e.getMessage());
        }
      }
    }
    return cm;
  }

  /** The sub-folder of pictures that hold no digit. */
  static final String NONE = "none";

  private static boolean isDigitSet(Path dir) {
    for (int d = 0; d < 10; d++) {
      if (Files.isDirectory(dir.resolve(String.valueOf(d)))) {
        return true;
      }
    }
    return false;
  }

  private static List<Path> childSets(Path dir) {
    try (var list = Files.list(dir)) {
      return list.filter(Files::isDirectory).filter(EvalCommand::isDigitSet).sorted().toList();
    } catch (IOException e) {
      throw new UserError(INPUT, dir + ": " + e.getMessage());
    }
  }

  private int evalPages() {
    List<JsonObject> truth = truth(pages);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TextScore score = new TextScore();
    long nanos = 0;
    try (DigitModel m = model.open(batch, err);
        EmbeddedPageModels pageModels = model.openPageModels(read, batch)) {
      FrameReader reader =
          new FrameReader(Preparations.of(read, null), m, pageModels.models(), minConfidence);
      for (JsonObject t : truth) {
        String name = t.get("image").getAsString();
        if (!t.has("text")) {
          throw new UserError(INPUT, pages.resolve(TRUTH) + ": " + name + " has no \"text\"");
        }
        String written = t.get("text").getAsString();
        var image = ImageFiles.read(pages.resolve(name));
        long t0 = System.nanoTime();
        Reading r = reader.read(image);
        nanos += System.nanoTime() - t0;
        score.add(written, r.text());
        if (errors && !written.equals(r.text())) {
          err.println(name + ": read '" + r.text().replace("\n", "|") + "' for '"
              + written.replace("\n", "|") + "'");
        }
      }
    }
    out.println("pages: " + score.summary() + " on " + pages);
    out.printf(Locale.ROOT, "speed: %.2f ms per page (read %s)%n", nanos / 1e6 / truth.size(), read);
    out.flush();
    err.flush();
    return 0;
  }

  private int evalMeter() {
    List<Path> strips = new java.util.ArrayList<>();
    if (Files.isRegularFile(meter.resolve(TRUTH))) {
      strips.add(meter);
    } else {
      try (var list = Files.list(meter)) {
        list.filter(d -> Files.isRegularFile(d.resolve(TRUTH))).sorted().forEach(strips::add);
      } catch (IOException e) {
        throw new UserError(INPUT, meter + ": " + e.getMessage());
      }
    }
    if (strips.isEmpty()) {
      throw new UserError(INPUT, meter + ": no meter strip (a folder with " + TRUTH
          + " and edge.properties; java -jar testkit.jar meter makes them)");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    MeterScore score = new MeterScore();
    try (DigitModel m = model.open(RunCommand.BATCH, err)) {
      for (Path strip : strips) {
        MeterStrip.of(strip).run(m, minConfidence, score, errors ? err : null);
      }
    }
    out.println("meter: " + score.summary() + " on " + meter);
    out.flush();
    err.flush();
    return 0;
  }

  /** The lines of {@code dir}/truth.jsonl, each with its image and text. */
  static List<JsonObject> truth(Path dir) {
    Path file = dir.resolve(TRUTH);
    if (!Files.isRegularFile(file)) {
      throw new UserError(INPUT, file + ": no such file; a page folder needs " + TRUTH
          + " with one {\"image\":...,\"text\":...} per line (java -jar testkit.jar pages makes one)");
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<JsonObject> out = new java.util.ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).isBlank()) {
          continue;
        }
        JsonObject o = JsonParser.parseString(lines.get(i)).getAsJsonObject();
        if (!o.has("image")) {
          throw new UserError(INPUT, file + ":" + (i + 1) + ": needs \"image\"");
        }
        out.add(o);
      }
      if (out.isEmpty()) {
        throw new UserError(INPUT, file + ": no pages listed");
      }
      return out;
    } catch (IOException e) {
      throw new UserError(INPUT, file + ": " + e.getMessage());
    } catch (JsonParseException | IllegalStateException e) {
      throw new UserError(INPUT, file + ": not JSON lines (" + e.getMessage() + ")");
    }
  }
}
