package io.lenetedge.edge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a benchmark ran on, for its report. */
final class Machine {
  private Machine() {}

  static Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cpu", cpuModel());
    m.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    Package ort = ai.onnxruntime.OrtEnvironment.class.getPackage();
    m.put("onnxruntime", ort.getImplementationVersion() != null ? ort.getImplementationVersion()
        : "see edge-runtime --version");
    return m;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name") || l.startsWith("Model"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
