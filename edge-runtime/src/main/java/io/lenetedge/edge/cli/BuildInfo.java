package io.lenetedge.edge.cli;

import io.lenetedge.common.BuildProperties;
import java.util.Properties;

/** Versions stamped at build time (edge-build.properties). */
final class BuildInfo {
  private static final Properties PROPS = BuildProperties.load("/edge-build.properties");

  private BuildInfo() {}

  static String get(String key) {
    return PROPS.getProperty(key, "unknown");
  }
}
