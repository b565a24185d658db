package io.lenetedge.exporter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions stamped at build time (exporter-build.properties). */
final class ExporterBuildInfo {
  private static final Properties PROPS = new Properties();

  static {
    try (InputStream in = ExporterBuildInfo.class.getResourceAsStream("/exporter-build.properties")) {
      if (in != null) {
        PROPS.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ExporterBuildInfo() {}

  static String version() {
    return PROPS.getProperty("version", "dev");
  }

  static String onnxRuntimeVersion() {
    return PROPS.getProperty("onnxruntime.version", "unknown");
  }
}
