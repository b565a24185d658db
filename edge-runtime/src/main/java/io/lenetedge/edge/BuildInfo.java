package io.lenetedge.edge;

import io.lenetedge.common.BuildProperties;
import java.util.Properties;

/** Versions stamped at build time (edge-build.properties). */
public final class BuildInfo {
  private static final Properties PROPS = BuildProperties.load("/edge-build.properties");

  private BuildInfo() {}

  public static String get(String key) {
    return PROPS.getProperty(key, "unknown");
  }
}
