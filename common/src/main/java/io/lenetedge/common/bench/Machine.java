package io.lenetedge.common.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a measurement ran on, for the reports of every module.
 *
 * @param cpu the CPU model from /proc/cpuinfo, or "unknown"
 * @param cores processors available to the JVM
 * @param os name, version and architecture
 * @param jvm VM name and Java version
 * @param runtime each inference library measured and its version (onnxruntime; djl and pytorch);
 *     null when the report measures none (left out of the JSON)
 */
public record Machine(String cpu, int cores, String os, String jvm, Map<String, String> runtime) {

  /** This machine, with the versions of the inference libraries a bench measured. */
  public static Machine current(Map<String, String> runtime) {
    return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        runtime == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(runtime)));
  }

  /** This machine, for a report that measures no inference library. */
  public static Machine current() {
    return current(null);
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name") || l.startsWith("Model"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
