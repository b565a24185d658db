package io.lenetedge.trainer;

import io.lenetedge.common.BuildProperties;
import java.util.Properties;

/** Versions stamped at build time (trainer-build.properties). */
public final class BuildInfo {
  private static final Properties PROPS = BuildProperties.load("/trainer-build.properties");

  private BuildInfo() {}

  public static String version() {
    return PROPS.getProperty("version", "dev");
  }

  public static String djlVersion() {
    return PROPS.getProperty("djl.version", "unknown");
  }

  public static String pytorchVersion() {
    return PROPS.getProperty("pytorch.version", "unknown");
  }

  /** Whether this build runs DJL offline (false for the cuda profile, which downloads libtorch). */
  public static boolean djlOffline() {
    return Boolean.parseBoolean(PROPS.getProperty("djl.offline", "true"));
  }

  /** Sets {@code ai.djl.offline} from the build unless the user chose already. */
  public static void applyDjlDefaults() {
    if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
      System.setProperty("ai.djl.offline", String.valueOf(djlOffline()));
    }
  }
}
