package io.lenetedge.edge.bench;

import io.lenetedge.common.MachineInfo;
import java.util.Map;

/** What a benchmark ran on, for its report: the machine and this jar's ONNX Runtime. */
final class Machine {
  private Machine() {}

  static Map<String, Object> describe() {
    Map<String, Object> m = MachineInfo.describe();
    Package ort = ai.onnxruntime.OrtEnvironment.class.getPackage();
    m.put("onnxruntime", ort.getImplementationVersion() != null ? ort.getImplementationVersion()
        : "see edge-runtime --version");
    return m;
  }
}
