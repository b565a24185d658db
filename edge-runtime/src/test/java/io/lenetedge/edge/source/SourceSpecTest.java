package io.lenetedge.edge.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceSpecTest {
  @Test
  void everyFormParses() {
    assertEquals(new SourceSpec(SourceSpec.Kind.RPICAM, "", 640, 480, 30), SourceSpec.parse("rpicam"));
    assertEquals(new SourceSpec(SourceSpec.Kind.RPICAM, "", 1280, 720, 15), SourceSpec.parse("rpicam:1280x720@15"));
    assertEquals(new SourceSpec(SourceSpec.Kind.V4L2, "/dev/video0", 640, 480, 0), SourceSpec.parse("v4l2"));
    assertEquals(new SourceSpec(SourceSpec.Kind.V4L2, "/dev/video2", 320, 240, 0), SourceSpec.parse("v4l2:/dev/video2:320x240"));
    assertEquals(new SourceSpec(SourceSpec.Kind.RAW, "-", 64, 48, 0), SourceSpec.parse("raw:-:64x48"));
    assertEquals(new SourceSpec(SourceSpec.Kind.RAW, "c:/x.raw", 8, 8, 0), SourceSpec.parse("raw:c:/x.raw:8x8"));
    assertEquals(SourceSpec.Kind.DEMO, SourceSpec.parse("demo").kind());
    assertEquals("a b.mp4", SourceSpec.parse("video:a b.mp4").target());
    SourceSpec gst = SourceSpec.parse("gst:nvarguscamerasrc ! video/x-raw(memory:NVMM),width=1280,height=720"
        + " ! nvvidconv ! video/x-raw,format=GRAY8 ! fdsink fd=1");
    assertEquals(List.of(1280, 720), List.of(gst.width(), gst.height()));
    SourceSpec scaled = SourceSpec.parse("gst:nvarguscamerasrc ! video/x-raw(memory:NVMM),width=1280,"
        + "height=720 ! nvvidconv ! video/x-raw,format=GRAY8,width=640,height=480 ! fdsink fd=1");
    assertEquals(List.of(640, 480), List.of(scaled.width(), scaled.height()), "the caps nearest the sink win");
  }

  @ParameterizedTest
  @ValueSource(strings = {"webcam", "rpicam:640", "raw:file", "raw:-:0x10", "gst:videotestsrc ! fdsink",
      "demo:big", "video:", "images:"})
  void badSpecsListTheForms(String spec) {
    UserError e = assertThrows(UserError.class, () -> SourceSpec.parse(spec));
    assertEquals(UserError.Kind.USAGE, e.kind());
    assertTrue(e.getMessage().contains("--source " + spec) && e.getMessage().contains("demo[:WxH]]"), e.getMessage());
  }

  @Test
  void yuvCandidatesIncludeTheAlignedStrides() {
    List<Integer> strides = FrameLayout.yuv420Candidates(100, 80).stream().map(FrameLayout::stride)
        .distinct().toList();
    assertEquals(List.of(100, 112, 128), strides);
  }
}
