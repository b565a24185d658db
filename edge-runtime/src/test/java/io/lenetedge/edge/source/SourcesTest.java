package io.lenetedge.edge.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each frame source end to end, with stand-in camera programs where there is no camera. */
class SourcesTest {
  @TempDir Path dir;
  final List<String> log = new ArrayList<>();

  @AfterEach
  void forgetPrograms() {
    System.clearProperty("edge.program.rpicam-vid");
    System.clearProperty("edge.program.gst-launch-1.0");
  }

  private static List<Frame> drain(FrameSource source) {
    List<Frame> frames = new ArrayList<>();
    try (source) {
      for (Frame f; (f = source.next()) != null; ) {
        frames.add(f);
      }
    }
    return frames;
  }

  @Test
  void rpicamPaddedRowsAreMeasuredAndRestartsHappenWithBackoff() throws IOException {
    int w = 100;
    int h = 80;
    int stride = 128;
    ByteArrayOutputStream clip = new ByteArrayOutputStream();
    for (int i = 0; i < 4; i++) {
      clip.writeBytes(CameraFrames.yuv420(CameraFrames.luma(w, h, 0, i % 2), w, h, stride));
    }
    byte[] lastFrame = CameraFrames.yuv420(CameraFrames.luma(w, h, 0, 0), w, h, stride);
    clip.write(lastFrame, 0, lastFrame.length / 3);
    Path payload = Files.write(dir.resolve("clip.yuv"), clip.toByteArray());
    System.setProperty("edge.program.rpicam-vid",
        CameraFrames.dyingProgram(dir, "rpicam-vid", payload).toString());

    FrameSource source = Sources.open(SourceSpec.parse("rpicam:100x80"), 2, log::add);
    List<Frame> frames = new ArrayList<>();
    UserError e = assertThrows(UserError.class, () -> {
      for (Frame f; (f = source.next()) != null; ) {
        frames.add(f);
      }
    });
    assertEquals(UserError.Kind.INPUT, e.kind());
    source.close();
    assertEquals(12, frames.size(), "4 whole frames from each of 3 runs: " + log);
    assertEquals(2, source.restarts());
    assertArrayEquals(CameraFrames.luma(w, h, 0, 0), frames.get(0).image().pixels(), "stride removed");
    assertArrayEquals(CameraFrames.luma(w, h, 0, 1), frames.get(5).image().pixels());
    assertEquals(List.of(0L, 1L, 11L), List.of(frames.get(0).index(), frames.get(1).index(),
        frames.get(11).index()));
    assertTrue(log.stream().anyMatch(l -> l.contains("stride 128")), log.toString());
    assertTrue(log.stream().anyMatch(l -> l.contains("dropped a partial frame")), log.toString());
    assertTrue(log.stream().anyMatch(l -> l.contains("restart 1 of 2 in 200 ms")), log.toString());
    assertTrue(log.stream().anyMatch(l -> l.contains("restart 2 of 2 in 400 ms")), log.toString());
    assertTrue(e.getMessage().contains("exited with code 3") && e.getMessage().contains("camera connection lost")
        && e.getMessage().contains("--max-restarts 2"), e.getMessage());
  }

  @Test
  void gstPipelineFramesComeFromTheCapsSize() throws IOException {
    ByteArrayOutputStream clip = new ByteArrayOutputStream();
    for (int i = 0; i < 3; i++) {
      clip.writeBytes(CameraFrames.luma(64, 48, 1, i));
    }
    Path payload = Files.write(dir.resolve("clip.gray"), clip.toByteArray());
    System.setProperty("edge.program.gst-launch-1.0",
        CameraFrames.dyingProgram(dir, "gst-launch-1.0", payload).toString());
    FrameSource source = Sources.open(SourceSpec.parse(
        "gst:videotestsrc ! video/x-raw,format=GRAY8,width=64,height=48 ! fdsink fd=1"), 0, log::add);
    List<Frame> frames = new ArrayList<>();
    assertThrows(UserError.class, () -> {
      for (Frame f; (f = source.next()) != null; ) {
        frames.add(f);
      }
    });
    assertEquals(3, frames.size());
    assertArrayEquals(CameraFrames.luma(64, 48, 1, 2), frames.get(2).image().pixels());
  }

  @Test
  void missingCameraProgramSaysHowToInstallIt() {
    System.setProperty("edge.program.rpicam-vid", dir.resolve("no-such/rpicam-vid").toString());
    FrameSource source = Sources.open(SourceSpec.parse("rpicam"), 3, log::add);
    UserError e = assertThrows(UserError.class, source::next);
    assertEquals(UserError.Kind.INPUT, e.kind());
    assertTrue(e.getMessage().contains("rpicam-vid") && e.getMessage().contains("apt install rpicam-apps"),
        e.getMessage());
  }

  @Test
  void rawFileEndsCleanlyAndDropsAPartialLastFrame() throws IOException {
    ByteArrayOutputStream clip = new ByteArrayOutputStream();
    clip.writeBytes(CameraFrames.luma(30, 20, 2, 0));
    clip.writeBytes(CameraFrames.luma(30, 20, 3, 0));
    clip.write(new byte[100], 0, 100);
    Path file = Files.write(dir.resolve("frames.gray"), clip.toByteArray());
    List<Frame> frames = drain(Sources.open(SourceSpec.parse("raw:" + file + ":30x20"), 0, log::add));
    assertEquals(2, frames.size());
    assertArrayEquals(CameraFrames.luma(30, 20, 3, 0), frames.get(1).image().pixels());
    assertTrue(log.stream().anyMatch(l -> l.contains("partial frame of 100 of 600 bytes")), log.toString());
  }

  @Test
  void videoFileIsDecodedByFfmpegAndEnds() throws Exception {
    ByteArrayOutputStream clip = new ByteArrayOutputStream();
    for (int i = 0; i < 5; i++) {
      clip.writeBytes(CameraFrames.luma(96, 64, 4, i));
    }
    Path raw = Files.write(dir.resolve("in.gray"), clip.toByteArray());
    Path video = dir.resolve("clip.mkv");
    Process ffmpeg = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt",
        "gray", "-s", "96x64", "-i", raw.toString(), "-c:v", "ffv1", video.toString())
        .redirectErrorStream(true).start();
    assertEquals(0, ffmpeg.waitFor(), new String(ffmpeg.getInputStream().readAllBytes()));
    List<Frame> frames = drain(Sources.open(SourceSpec.parse("video:" + video), 3, log::add));
    assertEquals(5, frames.size(), log.toString());
    assertArrayEquals(CameraFrames.luma(96, 64, 4, 3), frames.get(3).image().pixels(), "lossless ffv1");
  }

  @Test
  void v4l2WithoutTheDeviceReportsWhatFfmpegSaid() {
    FrameSource source = Sources.open(SourceSpec.parse("v4l2:" + dir.resolve("video9") + ":64x48"), 0,
        log::add);
    UserError e = assertThrows(UserError.class, source::next);
    assertEquals(UserError.Kind.INPUT, e.kind());
    source.close();
    assertTrue(e.getMessage().contains("ffmpeg exited with code") && e.getMessage().contains("video9"),
        e.getMessage());
  }

  @Test
  void missingVideoFileIsNamed() {
    UserError e = assertThrows(UserError.class,
        () -> Sources.open(SourceSpec.parse("video:" + dir.resolve("none.mp4")), 0, log::add));
    assertEquals(UserError.Kind.INPUT, e.kind());
    assertTrue(e.getMessage().contains("none.mp4: no such file"), e.getMessage());
  }

  @Test
  void imagesFolderIsReadInNameOrder() throws IOException {
    for (String name : List.of("b.pgm", "a.pgm", "c.pgm")) {
      byte[] luma = CameraFrames.luma(40, 40, name.charAt(0) - 'a', 0);
      byte[] header = "P5\n40 40\n255\n".getBytes();
      byte[] file = new byte[header.length + luma.length];
      System.arraycopy(header, 0, file, 0, header.length);
      System.arraycopy(luma, 0, file, header.length, luma.length);
      Files.write(dir.resolve(name), file);
    }
    List<Frame> frames = drain(Sources.open(SourceSpec.parse("images:" + dir), 0, log::add));
    assertEquals(3, frames.size());
    assertArrayEquals(CameraFrames.luma(40, 40, 1, 0), frames.get(1).image().pixels(), "b.pgm second");
  }

  @Test
  void demoPlaysItsClipAndEnds() {
    List<Frame> frames = drain(Sources.open(SourceSpec.parse("demo"), 0, log::add));
    assertEquals(DemoSource.FRAMES, frames.size());
    assertEquals(DemoSource.WIDTH, frames.get(0).image().width());
    assertEquals(-1, DemoSource.digitAt(DemoSource.HOLD));
    assertEquals(1, DemoSource.digitAt(DemoSource.HOLD + DemoSource.GAP));
  }

  @Test
  void closedSourceReturnsNoMoreFrames() {
    FrameSource demo = Sources.open(SourceSpec.parse("demo"), 0, log::add);
    demo.next();
    demo.close();
    assertNull(demo.next());
  }
}
