package io.lenetedge.benchmarks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lenetedge.common.bench.Machine;
import io.lenetedge.image.GrayImage;
import io.lenetedge.image.ImageFiles;
import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.EmbeddedPageModels;
import io.lenetedge.edge.model.ExecutionProvider;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelOverrides;
import io.lenetedge.edge.read.FrameReader;
import io.lenetedge.edge.read.Preparations;
import io.lenetedge.edge.read.ReadMode;
import io.lenetedge.edge.read.TextScore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads a folder of number pages ({@code truth.jsonl}, as {@code eval --pages} takes) three ways in
 * one run, interleaved page by page so that a drifting machine favours none: this runtime
 * ({@code --read number}), the textbook way ({@link TextbookReader}, the same model), and
 * Tesseract ({@code tesseract PAGE - --psm 6 -c tessedit_char_whitelist=0123456789}). Prints lines
 * read exactly, digit accuracy and time per page for each, and writes them as JSON:
 *
 * <pre>
 * java -cp benchmarks.jar io.lenetedge.benchmarks.NumberReaders --pages DIR [--json FILE]
 * </pre>
 */
public final class NumberReaders {
  private NumberReaders() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Path pages = Path.of(o.getOrDefault("pages", "target/number-pages"));
    String tesseract = o.getOrDefault("tesseract", "tesseract");
    boolean withTesseract = runs(tesseract);
    if (!withTesseract) {
      System.err.println("notice: no `" + tesseract + "` here (Debian: apt-get install"
          + " tesseract-ocr); comparing without it");
    }
    List<JsonObject> truth = new ArrayList<>();
    for (String line : Files.readAllLines(pages.resolve("truth.jsonl"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        truth.add(JsonParser.parseString(line).getAsJsonObject());
      }
    }
    String[] names = {"lenet-edge (--read number)", "textbook: flattened, Otsu, components",
        "Tesseract 5 (--psm 6, digits)"};
    TextScore[] scores = {new TextScore(), new TextScore(), new TextScore()};
    long[] nanos = new long[3];
    try (DigitModel model = DigitModel.open(ModelFile.load(null), ExecutionProvider.CPU, 1,
            ModelOverrides.NONE, 32, s -> { });
        EmbeddedPageModels pageModels =
            EmbeddedPageModels.open(ExecutionProvider.CPU, 1, 32, s -> { })) {
      FrameReader ours = new FrameReader(Preparations.of(ReadMode.NUMBER, null), model,
          pageModels.models(), 0.6f);
      TextbookReader textbook = new TextbookReader(model);
      for (JsonObject t : truth) {
        Path file = pages.resolve(t.get("image").getAsString());
        String written = t.get("text").getAsString();
        GrayImage img = ImageFiles.read(file);
        long t0 = System.nanoTime();
        String a = ours.read(img).text();
        long t1 = System.nanoTime();
        String b = textbook.read(img);
        long t2 = System.nanoTime();
        String c = withTesseract ? tesseract(tesseract, file) : null;
        long t3 = System.nanoTime();
        scores[0].add(written, a);
        scores[1].add(written, b);
        nanos[0] += t1 - t0;
        nanos[1] += t2 - t1;
        if (c != null) {
          scores[2].add(written, c);
          nanos[2] += t3 - t2;
        }
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    System.out.printf(Locale.ROOT, "%-40s %14s %16s %10s%n", "reader", "lines exactly", "digit accuracy",
        "ms/page");
    for (int r = 0; r < 3; r++) {
      if (scores[r].pages() == 0) {
        continue;
      }
      double ms = nanos[r] / 1e6 / scores[r].pages();
      System.out.printf(Locale.ROOT, "%-40s %13.1f %% %15.2f %% %10.2f%n", names[r],
          100 * scores[r].lineAccuracy(), 100 * scores[r].digitAccuracy(), ms);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("reader", names[r]);
      row.put("pages", scores[r].pages());
      row.put("lines", scores[r].lines());
      row.put("lines_exact", scores[r].linesExact());
      row.put("line_accuracy", scores[r].lineAccuracy());
      row.put("digit_accuracy", scores[r].digitAccuracy());
      row.put("ms_per_page", ms);
      rows.add(row);
    }
    System.out.println("on " + truth.size() + " pages in " + pages + " (the runtime's own count: "
        + scores[0].summary() + ")");
    if (o.containsKey("json")) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("pages", pages.toString());
      report.put("machine", Machine.current());
      report.put("readers", rows);
      Gson gson = new GsonBuilder().setPrettyPrinting().create();
      Files.writeString(Path.of(o.get("json")), gson.toJson(report) + "\n");
      System.err.println("wrote " + o.get("json"));
    }
  }

  private static boolean runs(String program) {
    try {
      Process p = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Tesseract's text for {@code page}: its non-empty lines, trimmed. */
  private static String tesseract(String program, Path page) {
    try {
      Process p = new ProcessBuilder(program, page.toString(), "-", "--psm", "6", "-c",
          "tessedit_char_whitelist=0123456789").redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(60, TimeUnit.SECONDS);
      List<String> lines = new ArrayList<>();
      for (String l : out.split("\n")) {
        if (!l.isBlank()) {
          lines.add(l.strip().replaceAll("\\s+", " "));
        }
      }
      return String.join("\n", lines);
    } catch (IOException e) {
      throw new UncheckedIOException("running " + program, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
