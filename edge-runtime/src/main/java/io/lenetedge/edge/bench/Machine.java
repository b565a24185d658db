package io.lenetedge.edge.bench;

import io.lenetedge.common.MachineInfo;
import io.lenetedge.edge.BuildInfo;
import java.util.Map;

/** What a benchmark ran on, for its report: the machine and this jar's ONNX Runtime. */
final class Machine {
  private Machine() {}

  static Map<String, Object> describe() {
    Map<String, Object> m = MachineInfo.describe();
    m.put("onnxruntime", BuildInfo.get("onnxruntime.version"));
    return m;
  }
}
