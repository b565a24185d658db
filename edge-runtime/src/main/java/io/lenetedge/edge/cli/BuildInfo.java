package io.lenetedge.edge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions stamped at build time (edge-build.properties). */
final class BuildInfo {
  private static final Properties PROPS = new Properties();

  static {
    try (InputStream in = BuildInfo.class.getResourceAsStream("/edge-build.properties")) {
      if (in != null) {
        PROPS.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private BuildInfo() {}

  static String get(String key) {
    return PROPS.getProperty(key, "unknown");
  }
}
