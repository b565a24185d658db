package io.lenetedge.edge;

/**
 * The jar's entry point, compiled for Java 8 so that an older Java can still read it and say what
 * is wrong (instead of an UnsupportedClassVersionError); on Java 21+ it hands over to the runtime.
 */
public final class Launcher {
  static final int REQUIRED = 21;

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    int major = major(System.getProperty("java.specification.version", "0"));
    if (major < REQUIRED) {
      System.err.println("error: edge-runtime needs Java " + REQUIRED + " or newer; this is Java "
          + major + " (" + System.getProperty("java.home") + "). Install a Java " + REQUIRED
          + "+ runtime (Raspberry Pi OS / Debian 13: sudo apt install openjdk-21-jre-headless,"
          + " or a Temurin 21 JRE) and run it with that java.");
      System.exit(2);
    }
    Class.forName("io.lenetedge.edge.cli.EdgeCli").getMethod("main", String[].class)
        .invoke(null, (Object) args);
  }

  static int major(String specification) {
    String s = specification.startsWith("1.") ? specification.substring(2) : specification;
    int dot = s.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? s : s.substring(0, dot));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
