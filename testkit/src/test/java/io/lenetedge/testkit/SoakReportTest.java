package io.lenetedge.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakReportTest {
  private static final String CLEAN = "lenet_edge_errors_total 0\nlenet_edge_skipped_frames_total 0\n";

  private static List<SoakReport.Sample> flat(double start, double end) {
    List<SoakReport.Sample> s = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      s.add(new SoakReport.Sample(30.0 * i, start + (end - start) * i / 60, 20, 900L * i));
    }
    return s;
  }

  @Test
  void aFlatRunUnderTheCeilingPasses() {
    SoakReport.Verdict v = SoakReport.judge(flat(128, 129), CLEAN, "");
    assertEquals(List.of(), v.failures());
    assertEquals(30.0, v.fps(), 1e-9);
  }

  @Test
  void growthOverTenPercentAfterFiveMinutesFails() {
    SoakReport.Verdict v = SoakReport.judge(flat(100, 125), CLEAN, "");
    assertTrue(v.failures().get(0).startsWith("RSS moved from"), v.failures().toString());
  }

  @Test
  void theCeilingErrorsSkippedFramesAndRefusedClientsFail() {
    assertTrue(SoakReport.judge(flat(151, 152), CLEAN, "").failures().toString().contains("over 150 MB"));
    String bad = "lenet_edge_errors_total 2\nlenet_edge_skipped_frames_total 0\n";
    assertTrue(SoakReport.judge(flat(128, 128), bad, "").failures().contains("lenet_edge_errors_total is 2"));
    assertTrue(SoakReport.judge(flat(128, 128), "", "").failures().toString().contains("missing"));
    assertTrue(SoakReport.judge(flat(128, 128), CLEAN, "GET /metrics failed 01:02:03\n").failures()
        .toString().contains("refused"));
    assertTrue(SoakReport.judge(flat(128, 128).subList(0, 5), CLEAN, "").failures().get(0)
        .contains("before 5 minutes"));
  }
}
