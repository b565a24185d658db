package io.lenetedge.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.bench.BenchReport;
import io.lenetedge.common.bench.BenchRow;
import io.lenetedge.common.bench.LatencyStats;
import io.lenetedge.common.bench.Machine;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BenchShapeTest {
  private static String report() {
    Histogram h = LatencyStats.newHistogram();
    h.recordValue(1000);
    return BenchReport.GSON.toJson(BenchReport.of(Machine.current(Map.of("djl", "0.36.0")),
        new BenchReport.Model("runs/x", "00"), 1, 1, 0, "trainer bench",
        List.of(BenchRow.measured("djl-pytorch", 1, 1, LatencyStats.of(h, 1, 1), 1),
            BenchRow.unavailable("cuda:0", 1, 1, "none", -1)), new double[0]));
  }

  @Test
  void aWrittenReportHasTheShape() {
    assertEquals(List.of(), BenchShape.problems(report()));
  }

  @Test
  void anOtherShapeIsNamed() {
    String renamed = report().replace("\"provider\"", "\"engine\"").replace("\"runtime\"", "\"djl\"");
    List<String> problems = BenchShape.problems(renamed);
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("machine: fields [cores, cpu, djl, jvm, os]"), problems.get(0));
    assertTrue(problems.get(1).startsWith("results[0]: fields [batch, engine,"), problems.get(1));
  }
}
