package io.lenetedge.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Reads a module's build-time properties (versions stamped by Maven resource filtering). */
public final class BuildProperties {
  private BuildProperties() {}

  /** The class-path resource {@code name}, empty when the module was built without it. */
  public static Properties load(String name) {
    Properties p = new Properties();
    try (InputStream in = BuildProperties.class.getResourceAsStream(name)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    return p;
  }
}
