package io.lenetedge.edge.source;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code --source SPEC}. Pure: parsing only, nothing is started.
 *
 * @param kind which source
 * @param target device, file, folder, pipeline or "-" for stdin; empty when not used
 * @param width frame width (0 when the source decides)
 * @param height frame height (0 when the source decides)
 * @param fps frames per second asked of a camera (0 when not used)
 */
public record SourceSpec(Kind kind, String target, int width, int height, int fps) {

  /** The kinds of source. */
  public enum Kind { RPICAM, V4L2, GST, VIDEO, IMAGES, RAW, DEMO }

  public static final String FORMS = "[rpicam[:WxH[@FPS]], v4l2[:DEVICE[:WxH]], gst:PIPELINE,"
      + " video:FILE, images:DIR, raw:FILE:WxH, raw:-:WxH, demo[:WxH]]";

  private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");
  private static final Pattern SIZE_FPS = Pattern.compile("(\\d{1,5})x(\\d{1,5})(?:@(\\d{1,3}))?");
  private static final Pattern CAPS_WIDTH = Pattern.compile("\\bwidth=(?:\\(int\\))?(\\d+)");
  private static final Pattern CAPS_HEIGHT = Pattern.compile("\\bheight=(?:\\(int\\))?(\\d+)");

  public static SourceSpec parse(String spec) {
    String s = spec.trim();
    int colon = s.indexOf(':');
    String head = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(Locale.ROOT);
    String rest = colon < 0 ? "" : s.substring(colon + 1);
    return switch (head) {
      case "demo" -> demo(rest, spec);
      case "rpicam" -> rpicam(rest, spec);
      case "v4l2" -> v4l2(rest, spec);
      case "gst" -> gst(rest, spec);
      case "video" -> new SourceSpec(Kind.VIDEO, required(rest, "a file", spec), 0, 0, 0);
      case "images" -> new SourceSpec(Kind.IMAGES, required(rest, "a folder", spec), 0, 0, 0);
      case "raw" -> raw(rest, spec);
      default -> throw bad(spec, "unknown source '" + head + "'");
    };
  }

  private static SourceSpec demo(String rest, String spec) {
    if (rest.isEmpty()) {
      return new SourceSpec(Kind.DEMO, "", 0, 0, 0);
    }
    Matcher m = SIZE.matcher(rest);
    if (!m.matches()) {
      throw bad(spec, "demo takes nothing or a size WxH, e.g. demo:640x480");
    }
    return new SourceSpec(Kind.DEMO, "", size(m.group(1), spec), size(m.group(2), spec), 0);
  }

  private static SourceSpec rpicam(String rest, String spec) {
    if (rest.isEmpty()) {
      return new SourceSpec(Kind.RPICAM, "", 640, 480, 30);
    }
    Matcher m = SIZE_FPS.matcher(rest);
    if (!m.matches()) {
      throw bad(spec, "rpicam takes WxH or WxH@FPS, e.g. rpicam:640x480@30");
    }
    int fps = m.group(3) == null ? 30 : Integer.parseInt(m.group(3));
    return new SourceSpec(Kind.RPICAM, "", size(m.group(1), spec), size(m.group(2), spec), fps);
  }

  private static SourceSpec v4l2(String rest, String spec) {
    if (rest.isEmpty()) {
      return new SourceSpec(Kind.V4L2, "/dev/video0", 640, 480, 0);
    }
    int colon = rest.lastIndexOf(':');
    if (colon > 0 && SIZE.matcher(rest.substring(colon + 1)).matches()) {
      Matcher m = SIZE.matcher(rest.substring(colon + 1));
      m.matches();
      return new SourceSpec(Kind.V4L2, rest.substring(0, colon), size(m.group(1), spec),
          size(m.group(2), spec), 0);
    }
    return new SourceSpec(Kind.V4L2, rest, 640, 480, 0);
  }

  private static SourceSpec gst(String pipeline, String spec) {
    required(pipeline, "a pipeline", spec);
    String width = last(CAPS_WIDTH.matcher(pipeline));
    String height = last(CAPS_HEIGHT.matcher(pipeline));
    if (width == null || height == null || !pipeline.contains("GRAY8")) {
      throw bad(spec, "the pipeline must end in caps that fix the frame, e.g."
          + " '... ! video/x-raw,format=GRAY8,width=640,height=480 ! fdsink fd=1'");
    }
    return new SourceSpec(Kind.GST, pipeline, size(width, spec), size(height, spec), 0);
  }

  /** The last match's first group: the caps nearest the sink decide the frame size. */
  private static String last(Matcher m) {
    String found = null;
    while (m.find()) {
      found = m.group(1);
    }
    return found;
  }

  private static SourceSpec raw(String rest, String spec) {
    int colon = rest.lastIndexOf(':');
    Matcher m = colon < 0 ? null : SIZE.matcher(rest.substring(colon + 1));
    if (m == null || !m.matches() || colon == 0) {
      throw bad(spec, "raw takes FILE:WxH or -:WxH (stdin), e.g. raw:frames.gray:640x480");
    }
    return new SourceSpec(Kind.RAW, rest.substring(0, colon), size(m.group(1), spec),
        size(m.group(2), spec), 0);
  }

  private static String required(String value, String what, String spec) {
    if (value.isBlank()) {
      throw bad(spec, "needs " + what);
    }
    return value;
  }

  private static int size(String digits, String spec) {
    int v = Integer.parseInt(digits);
    if (v < 1 || v > 16384) {
      throw bad(spec, "frame sizes must be 1..16384, got " + v);
    }
    return v;
  }

  private static UserError bad(String spec, String problem) {
    return new UserError(USAGE, "--source " + spec + ": " + problem + "; expected one of "
        + FORMS);
  }

  /**
   * Arguments of a gst pipeline for gst-launch-1.0, split on white space (no shell runs it, so
   * quotes would reach gst-launch literally: write caps without them).
   */
  static List<String> pipelineArgs(String pipeline) {
    return List.of(pipeline.trim().split("\\s+"));
  }
}
