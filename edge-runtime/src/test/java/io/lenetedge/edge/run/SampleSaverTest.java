package io.lenetedge.edge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
import io.lenetedge.edge.read.Reading;
import io.lenetedge.image.ImageFiles;
import io.lenetedge.image.MnistStyle;
import io.lenetedge.image.GrayImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleSaverTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private final AtomicLong clock = new AtomicLong();
  private final List<String> log = new ArrayList<>();

  @TempDir Path dir;

  /** A ring of ink, white on black, its centre shifted by {@code shift} pixels. */
  private static MnistStyle.Prepared ring(int shift) {
    float[] in = new float[28 * 28];
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        double r = Math.hypot(x - 13.5 - shift, (y - 13.5) * 0.8);
        in[y * 28 + x] = (float) Math.max(0, 1 - Math.abs(r - 7) / 2);
      }
    }
    return new MnistStyle.Prepared(in, 10, 20, 30, 40, false);
  }

  private static FrameResult digitFrame(long frame, int digit) {
    Reading reading = new Reading(List.of(new Reading.Line(List.of(
        new Reading.Digit(digit, 0.99f, new float[10], ring(digit % 3), false)))));
    return new FrameResult(frame, reading, Decision.digit(digit, 0.99f), 0, 0, 0, 0);
  }

  private SampleSaver open(SampleSaver.Limits limits) {
    return SampleSaver.open(dir, limits, clock::get, log::add);
  }

  private List<Path> saved(int digit) throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve(Integer.toString(digit)))) {
      return s.sorted().toList();
    }
  }

  private int savedAll() throws IOException {
    int n = 0;
    for (int d = 0; d <= 9; d++) {
      n += saved(d).size();
    }
    return n;
  }

  @Test
  void aDecidedDigitIsKeptUnderItsFolderAsTheModelSawIt() throws IOException {
    try (SampleSaver saver = open(SampleSaver.Limits.DEFAULT)) {
      saver.onFrame(null, digitFrame(7, 3));
    }
    List<Path> threes = saved(3);
    assertEquals(1, threes.size(), "one sample of the 3");
    assertEquals(1, savedAll(), "and nothing elsewhere");
    GrayImage back = ImageFiles.read(threes.get(0));
    assertEquals(28, back.width());
    float[] want = ring(0).input();
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], (back.pixels()[i] & 0xff) / 255f, 0.5f / 255 + 1e-6, "pixel " + i);
    }
    assertTrue(MnistStyle.prepare(back).isPresent(), "--extra reads the sample back as a digit");
  }

  @Test
  void anUnchangedValueIsKeptAgainOnlyAfterTheRepeatInterval() throws IOException {
    try (SampleSaver saver = open(new SampleSaver.Limits(100, 1 << 20, 5 * SECOND))) {
      for (int f = 0; f < 30; f++) {
        clock.set(f * SECOND / 10);
        saver.onFrame(null, digitFrame(f, 4));
      }
      clock.set(6 * SECOND);
      saver.onFrame(null, digitFrame(60, 4));
      saver.onFrame(null, digitFrame(61, 5));
      saver.onFrame(null, digitFrame(62, 4));
    }
    assertEquals(3, saved(4).size(), "the first 4, once more after 5 s, and after the 5");
    assertEquals(1, saved(5).size());
  }

  @Test
  void savingStopsAtTheCountLimitCountingAnEarlierRunsSamples() throws IOException {
    try (SampleSaver saver = open(new SampleSaver.Limits(5, 1 << 20, 0))) {
      for (int f = 0; f < 3; f++) {
        saver.onFrame(null, digitFrame(f, f));
      }
    }
    assertEquals(3, savedAll());
    try (SampleSaver saver = open(new SampleSaver.Limits(5, 1 << 20, 0))) {
      for (int f = 10; f < 40; f++) {
        saver.onFrame(null, digitFrame(f, f % 10));
      }
      assertEquals(5, saver.files());
    }
    assertEquals(5, savedAll(), "5 in all: 3 from the first run, 2 from the second");
    assertTrue(log.stream().anyMatch(l -> l.contains("holds 5 samples") && l.contains("limit")),
        "the limit is logged: " + log);
  }

  @Test
  void savingStopsAtTheDiskLimit() throws IOException {
    long one = SampleSaver.png(ring(0).input()).length;
    try (SampleSaver saver = open(new SampleSaver.Limits(1000, 3 * one, 0))) {
      for (int f = 0; f < 50; f++) {
        saver.onFrame(null, digitFrame(f, 3 * (f % 3)));
      }
    }
    int n = savedAll();
    assertTrue(n >= 2 && n <= 3, "about three samples' bytes: " + n);
    long bytes = 0;
    for (int d = 0; d <= 9; d++) {
      for (Path p : saved(d)) {
        bytes += Files.size(p);
      }
    }
    assertTrue(bytes <= 3 * one + one, "bytes on disk " + bytes + " within the limit " + 3 * one);
  }

  @Test
  void noDigitAndUndecidedFramesAreNotKept() throws IOException {
    try (SampleSaver saver = open(SampleSaver.Limits.DEFAULT)) {
      saver.onFrame(null, null);
      saver.onFrame(null, new FrameResult(1, Reading.NONE, Decision.NONE, 0, 0, 0, 0));
      Reading unsure = new Reading(List.of(new Reading.Line(List.of(
          new Reading.Digit(-1, 0.3f, new float[10], ring(0), false)))));
      saver.onFrame(null, new FrameResult(2, unsure, Decision.text("?", 0.3f), 0, 0, 0, 0));
    }
    assertEquals(0, savedAll());
  }

  @Test
  void eachKnownDigitOfATextIsKeptUnderItsOwnDigit() throws IOException {
    Reading text = new Reading(List.of(new Reading.Line(List.of(
        new Reading.Digit(1, 0.99f, new float[10], ring(0), false),
        new Reading.Digit(-1, 0.3f, new float[10], ring(1), false),
        new Reading.Digit(7, 0.98f, new float[10], ring(2), false)))));
    try (SampleSaver saver = open(SampleSaver.Limits.DEFAULT)) {
      saver.onFrame(null, new FrameResult(3, text, Decision.text("1?7", 0.3f), 0, 0, 0, 0));
    }
    assertEquals(1, saved(1).size());
    assertEquals(1, saved(7).size());
    assertEquals(2, savedAll(), "the unsure digit is not kept");
  }

  @Test
  void aFileInPlaceOfTheFolderIsAUsageError() throws IOException {
    Path file = Files.writeString(dir.resolve("samples"), "x");
    UserError e = assertThrows(UserError.class,
        () -> SampleSaver.open(file, SampleSaver.Limits.DEFAULT, clock::get, log::add));
    assertEquals(UserError.Kind.USAGE, e.kind());
    assertTrue(e.getMessage().contains("--save-samples") && e.getMessage().contains("writable"),
        e.getMessage());
  }
}
