package io.lenetedge.common.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** This process's resident memory, from /proc (Linux); -1 elsewhere. */
public final class ProcessMemory {
  private ProcessMemory() {}

  /** Current resident set size in bytes. */
  public static long rssBytes() {
    return kilobytes("VmRSS:") * 1024;
  }

  private static long kilobytes(String key) {
    try {
      return parse(Files.readAllLines(Path.of("/proc/self/status")), key);
    } catch (IOException | UnsupportedOperationException e) {
      return -1;
    }
  }

  /** The kB value of {@code key} in /proc/PID/status lines, -1 when absent. */
  static long parse(List<String> statusLines, String key) {
    for (String line : statusLines) {
      if (line.startsWith(key)) {
        String[] parts = line.substring(key.length()).trim().split("\\s+");
        return Long.parseLong(parts[0]);
      }
    }
    return -1;
  }
}
