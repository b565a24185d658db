package io.lenetedge.edge.source;

import static io.lenetedge.common.UserError.Kind.INPUT;

import io.lenetedge.common.UserError;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Opens the frame source a {@link SourceSpec} names. */
public final class Sources {
  static final String RPICAM_HINT = "On Raspberry Pi OS (64-bit) install it with"
      + " `sudo apt install rpicam-apps`.";
  static final String FFMPEG_HINT = "Install it with `sudo apt install ffmpeg`.";
  static final String GST_HINT = "Install it with `sudo apt install gstreamer1.0-tools"
      + " gstreamer1.0-plugins-base` (on a Jetson it comes with JetPack).";

  private Sources() {}

  /**
   * The program to run for {@code name}: the system property {@code edge.program.NAME} when set
   * (a camera tool outside the PATH, or a stand-in in tests), else the name, found on the PATH.
   */
  static String program(String name) {
    return System.getProperty("edge.program." + name, name);
  }

  /**
   * @param maxRestarts how often a dying camera program is restarted before the run fails
   * @param log where source messages go (stderr)
   */
  public static FrameSource open(SourceSpec spec, int maxRestarts, Consumer<String> log) {
    return switch (spec.kind()) {
      case DEMO -> spec.width() > 0 ? DemoSource.open(spec.width(), spec.height()) : DemoSource.open();
      case IMAGES -> new ImagesSource(Path.of(spec.target()), log);
      case RAW -> raw(spec, log);
      case RPICAM -> new ProcessSource("rpicam:" + spec.width() + "x" + spec.height(),
          List.of(program("rpicam-vid"), "-n", "-t", "0", "--codec", "yuv420", "--width",
              String.valueOf(spec.width()), "--height", String.valueOf(spec.height()),
              "--framerate", String.valueOf(spec.fps()), "-o", "-"),
          FrameLayout.yuv420Candidates(spec.width(), spec.height()), true, maxRestarts,
          RPICAM_HINT, log);
      case V4L2 -> new ProcessSource("v4l2:" + spec.target(),
          ffmpeg(List.of("-f", "v4l2", "-video_size", spec.width() + "x" + spec.height(), "-i",
              spec.target())),
          List.of(FrameLayout.gray(spec.width(), spec.height())), true, maxRestarts, FFMPEG_HINT, log);
      case GST -> {
        List<String> cmd = new ArrayList<>(List.of(program("gst-launch-1.0"), "-q"));
        cmd.addAll(SourceSpec.pipelineArgs(spec.target()));
        yield new ProcessSource("gst", cmd, List.of(FrameLayout.gray(spec.width(), spec.height())),
            true, maxRestarts, GST_HINT, log);
      }
      case VIDEO -> video(Path.of(spec.target()), log);
    };
  }

  private static FrameSource raw(SourceSpec spec, Consumer<String> log) {
    FrameLayout layout = FrameLayout.gray(spec.width(), spec.height());
    if (spec.target().equals("-")) {
      return new StreamSource(System.in, layout, "raw:stdin", log);
    }
    Path file = Path.of(spec.target());
    try {
      InputStream in = new FileInputStream(file.toFile());
      return new StreamSource(in, layout, "raw:" + file, log);
    } catch (IOException e) {
      throw new UserError(INPUT, "raw:" + file + ": cannot open (" + e.getMessage() + ")", e);
    }
  }

  private static FrameSource video(Path file, Consumer<String> log) {
    if (!Files.isRegularFile(file)) {
      throw new UserError(INPUT, "video:" + file + ": no such file");
    }
    int[] size = probeSize(file);
    return new ProcessSource("video:" + file,
        ffmpeg(List.of("-i", file.toString())),
        List.of(FrameLayout.gray(size[0], size[1])), false, 0, FFMPEG_HINT, log);
  }

  private static List<String> ffmpeg(List<String> input) {
    List<String> cmd = new ArrayList<>(List.of(program("ffmpeg"), "-hide_banner", "-loglevel", "error",
        "-nostdin"));
    cmd.addAll(input);
    cmd.addAll(List.of("-f", "rawvideo", "-pix_fmt", "gray", "-"));
    return cmd;
  }

  /** Width and height of a video's first stream, from ffprobe. */
  static int[] probeSize(Path file) {
    List<String> cmd = List.of(program("ffprobe"), "-v", "error", "-select_streams", "v:0",
        "-show_entries", "stream=width,height", "-of", "csv=p=0:s=x", file.toString());
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new UserError(INPUT, "video:" + file + ": ffprobe cannot read it (" + out + ")");
      }
      Matcher m = Pattern.compile("(\\d+)x(\\d+)").matcher(out);
      if (!m.find()) {
        throw new UserError(INPUT, "video:" + file + ": has no video stream (ffprobe said '" + out + "')");
      }
      return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    } catch (IOException e) {
      throw new UserError(INPUT, "video:" + file + ": cannot run ffprobe (" + e.getMessage() + "). "
          + FFMPEG_HINT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError(INPUT, "interrupted while probing " + file, e);
    }
  }
}
