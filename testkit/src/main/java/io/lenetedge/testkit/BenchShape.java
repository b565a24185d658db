package io.lenetedge.testkit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lenetedge.common.bench.BenchReport;
import io.lenetedge.common.bench.BenchRow;
import io.lenetedge.common.bench.LatencyStats;
import io.lenetedge.common.bench.Machine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Holds a bench's JSON against the shape of {@link BenchReport}: at every level exactly the fields
 * of the record it was written from (a row that ran has no {@code unavailable}, one that could not
 * run no {@code stats}). The tests of every bench use it, so that their JSON cannot drift apart.
 */
public final class BenchShape {
  private BenchShape() {}

  /** What differs from the shape, one line per object; empty when the JSON has it. */
  public static List<String> problems(String json) {
    List<String> problems = new ArrayList<>();
    JsonObject report = JsonParser.parseString(json).getAsJsonObject();
    compare("report", report, fields(BenchReport.class), problems);
    compare("machine", report.getAsJsonObject("machine"), fields(Machine.class), problems);
    compare("model", report.getAsJsonObject("model"), fields(BenchReport.Model.class), problems);
    int i = 0;
    for (JsonElement e : report.getAsJsonArray("results")) {
      JsonObject row = e.getAsJsonObject();
      Set<String> expected = fields(BenchRow.class);
      expected.remove(row.has("stats") ? "unavailable" : "stats");
      compare("results[" + i + "]", row, expected, problems);
      if (row.has("stats")) {
        compare("results[" + i + "].stats", row.getAsJsonObject("stats"),
            fields(LatencyStats.class), problems);
      }
      i++;
    }
    return problems;
  }

  private static Set<String> fields(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(c -> c.getName())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static void compare(String where, JsonObject object, Set<String> expected,
      List<String> problems) {
    if (object == null) {
      problems.add(where + ": missing");
      return;
    }
    Set<String> actual = new TreeSet<>(object.keySet());
    if (!actual.equals(expected)) {
      problems.add(where + ": fields " + actual + ", expected " + expected);
    }
  }
}
