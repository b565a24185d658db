package io.lenetedge.exporter;

import io.lenetedge.common.BuildProperties;
import java.util.Properties;

/** Versions stamped at build time (exporter-build.properties). */
final class ExporterBuildInfo {
  private static final Properties PROPS = BuildProperties.load("/exporter-build.properties");

  private ExporterBuildInfo() {}

  static String version() {
    return PROPS.getProperty("version", "dev");
  }

  static String onnxRuntimeVersion() {
    return PROPS.getProperty("onnxruntime.version", "unknown");
  }
}
