package io.lenetedge.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lenetedge.common.LabeledImages;
import io.lenetedge.edge.CliRun;
import io.lenetedge.edge.source.DemoSource;
import io.lenetedge.testkit.MeterStrips;
import io.lenetedge.testkit.NumberPages;
import io.lenetedge.testkit.WriteSet;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --read number}, {@code --read auto} and meter mode through the command line. */
class ReadNumbersCliTest {
  @TempDir Path dir;

  static List<JsonObject> lines(CliRun r) {
    assertEquals(0, r.exit(), r.err());
    return r.out().lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
  }

  static LabeledImages mnist() {
    return MnistRenders.test();
  }

  @Test
  void runReadsTheDemoNumbersWithLinesAndBoxes() {
    List<JsonObject> out = lines(CliRun.of("run", "--source", "demo", "--ep", "cpu", "--read", "number"));
    assertEquals(DemoSource.FRAMES, out.size());
    for (JsonObject o : out) {
      long frame = o.get("frame").getAsLong();
      String expected = DemoSource.textAt(frame);
      JsonElement text = o.get("text");
      assertEquals(expected, text.isJsonNull() ? null : text.getAsString(), o.toString());
      JsonArray lines = o.getAsJsonArray("lines");
      assertEquals(expected == null ? 0 : expected.split("\n").length, lines.size(), o.toString());
      for (JsonElement l : lines) {
        JsonObject line = l.getAsJsonObject();
        assertEquals(line.get("text").getAsString().replace(" ", "").length(),
            line.getAsJsonArray("digits").size());
        for (JsonElement d : line.getAsJsonArray("digits")) {
          JsonArray box = d.getAsJsonObject().getAsJsonArray("box");
          assertEquals(4, box.size());
          assertTrue(box.get(2).getAsInt() > 0 && box.get(3).getAsInt() > 10, d.toString());
        }
      }
      assertEquals(expected != null && expected.length() == 1, o.has("digit"), o.toString());
      assertTrue(o.has("latency_us"));
    }
  }

  @Test
  void autoReadsADigitLikeDigitModeAndANumberAsText() {
    List<JsonObject> auto = lines(CliRun.of("run", "--source", "demo", "--ep", "cpu", "--read", "auto"));
    List<JsonObject> digit = lines(CliRun.of("run", "--source", "demo", "--ep", "cpu"));
    for (int i = 0; i < DemoSource.DIGIT_FRAMES; i++) {
      assertFalse(auto.get(i).has("text"), auto.get(i).toString());
      assertEquals(digit.get(i).get("digit"), auto.get(i).get("digit"), "frame " + i);
    }
    for (int i = DemoSource.DIGIT_FRAMES; i < DemoSource.FRAMES; i++) {
      String expected = DemoSource.textAt(i);
      if (expected != null) {
        assertEquals(expected, auto.get(i).get("text").getAsString(), "frame " + i);
      }
    }
  }

  @Test
  void printChangesFollowsTheText() {
    List<JsonObject> changes = lines(CliRun.of("run", "--source", "demo", "--ep", "cpu", "--read",
        "number", "--print", "changes"));
    for (int k = 1; k < changes.size(); k++) {
      assertNotEquals(changes.get(k - 1).get("text"), changes.get(k).get("text"));
    }
    assertEquals(2 * (10 + DemoSource.NUMBERS.size()), changes.size(), "each text and each blank");
  }

  @Test
  void classifyPrintsANumbersLinesAndItsJson() throws Exception {
    NumberPages pages = new NumberPages(mnist(), 5);
    WriteSet.writePages(pages, 3, dir);
    CliRun text = CliRun.of("classify", "--ep", "cpu", "--read", "number", dir.resolve("page-0001.png").toString());
    assertEquals(0, text.exit(), text.err());
    String written = pages.page(0).text();
    String prefix = dir.resolve("page-0001.png") + ": ";
    assertTrue(text.out().startsWith(prefix), text.out());
    assertEquals(written.split("\n").length, text.out().strip().split("\n").length, text.out());
    List<JsonObject> json = lines(CliRun.of("classify", "--ep", "cpu", "--read", "number", "--json",
        dir.toString()));
    assertEquals(3, json.size());
    for (JsonObject o : json) {
      assertTrue(o.has("path") && o.has("text") && o.has("confidence") && o.has("lines"), o.toString());
    }
  }

  @Test
  void runReadsAMeterStripThroughItsGuards() throws Exception {
    MeterStrips.Strip strip = new MeterStrips(mnist(), 5).strip(0, 30, 1000);
    WriteSet.writeStrip(strip, dir);
    // 20 frames a second: the meter rises by at most 4 a frame, 80 a second, so 6000 a minute
    // leaves room, while a misread high digit jumps by 100,000 or more.
    List<JsonObject> out = lines(CliRun.of("run", "--source", "images:" + dir, "--ep", "cpu",
        "--digits", strip.digitsSpec(), "--monotonic", "--max-rate", "6000", "--fps", "20"));
    assertEquals(30, out.size());
    BigDecimal lastGood = null;
    int goodRight = 0;
    int good = 0;
    for (int i = 0; i < out.size(); i++) {
      JsonObject o = out.get(i);
      MeterStrips.Frame f = strip.frames().get(i);
      assertTrue(o.has("value") && o.has("raw") && o.has("status") && o.has("digits"), o.toString());
      assertEquals(strip.windows().size(), o.getAsJsonArray("digits").size());
      BigDecimal value = o.get("value").isJsonNull() ? null : o.get("value").getAsBigDecimal();
      boolean ok = o.get("status").getAsString().equals("ok");
      if (f.kind().bad()) {
        assertFalse(ok, "frame " + i + " (" + f.kind() + "): " + o);
      } else {
        good++;
        goodRight += ok && value.equals(new BigDecimal(f.shown())) ? 1 : 0;
      }
      if (ok) {
        assertEquals(new BigDecimal(f.shown()), value, "an accepted value is the one shown: " + o);
        lastGood = value;
      } else {
        assertEquals(lastGood, value, "a refused frame keeps the last good value: " + o);
      }
    }
    assertTrue(goodRight >= 0.8 * good, goodRight + " of " + good + " good frames taken");
  }

  @Test
  void decimalsPlaceThePointAndClassifyReadsAMeterPhoto() throws Exception {
    MeterStrips.Strip strip = new MeterStrips(mnist(), 6).strip(0, 1, 1000);
    WriteSet.writeStrip(strip, dir);
    CliRun r = CliRun.of("classify", "--ep", "cpu", "--digits", strip.digitsSpec(), "--decimals", "2",
        "--json", dir.resolve("frame-0001.png").toString());
    JsonObject o = lines(r).get(0);
    String shown = strip.frames().get(0).shown();
    assertEquals(new BigDecimal(shown).movePointLeft(2), o.get("value").getAsBigDecimal(), o.toString());
    assertEquals(shown.substring(0, shown.length() - 2) + "." + shown.substring(shown.length() - 2),
        o.get("raw").getAsString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--digits|10,10,30,40;30,10,30,40|window 1 (10,10,30,40) overlaps window 2",
      "--digits|10,10,30|--digits window 1 10,10,30: expected x,y,w,h",
      "--digits|200,100,30,40;400,220,30,40|window 2 (400,220,30,40) does not lie inside the 320x240 frame",
      "--monotonic||--monotonic, --max-rate and --max-unknown guard a meter's value: add --digits",
      "--decimals|2|--decimals places the decimal point of a meter: add --digits",
      "--read|sideways|Invalid value for option '--read'"})
  void badMeterOptionsAreUsageErrorsThatSayWhy(String option, String value, String message) {
    List<String> args = new java.util.ArrayList<>(List.of("run", "--source", "demo", "--ep", "cpu", option));
    if (value != null) {
      args.add(value);
    }
    CliRun r = CliRun.of(args.toArray(String[]::new)).assertNoStackTrace();
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains(message), r.err());
  }

  @Test
  void theDigitsWindowsAndGuardsDoNotGoWithReadOrSmooth() {
    String window = "10,10,30,40";
    assertEquals(2, CliRun.of("run", "--source", "demo", "--digits", window, "--read", "number")
        .assertNoStackTrace().exit());
    assertEquals(2, CliRun.of("run", "--source", "demo", "--digits", window, "--smooth", "3")
        .assertNoStackTrace().exit());
  }

  @Test
  void theConfigFileSaysWhatToRead() throws Exception {
    Path c = dir.resolve("edge.properties");
    Files.writeString(c, "source=demo\nep=cpu\nread=number\n");
    List<JsonObject> out = lines(CliRun.of("run", "--config", c.toString()));
    assertEquals("2024", out.get(DemoSource.DIGIT_FRAMES).get("text").getAsString());
  }

  @Test
  void evalReadsAPageFolderAndAMeterFolder() throws Exception {
    WriteSet.writePages(new NumberPages(mnist(), 9), 12, dir.resolve("pages"));
    CliRun pages = CliRun.of("eval", "--ep", "cpu", "--pages", dir.resolve("pages").toString());
    assertEquals(0, pages.exit(), pages.err());
    assertTrue(pages.out().matches("(?s)pages: 12 pages, \\d+ lines: \\d+ lines read exactly .*"), pages.out());
    WriteSet.writeStrip(new MeterStrips(mnist(), 9).strip(0, 12, 1000), dir.resolve("meter/strip-01"));
    CliRun meter = CliRun.of("eval", "--ep", "cpu", "--meter", dir.resolve("meter").toString());
    assertEquals(0, meter.exit(), meter.err());
    assertTrue(meter.out().startsWith("meter: "), meter.out());
    CliRun missing = CliRun.of("eval", "--pages", dir.toString()).assertNoStackTrace();
    assertEquals(4, missing.exit());
    assertTrue(missing.err().contains("truth.jsonl: no such file"), missing.err());
  }
}
