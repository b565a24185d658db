package io.lenetedge.edge.gpio;

import static io.lenetedge.common.UserError.Kind.GPIO;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.context.ContextBuilder;
import io.lenetedge.common.UserError;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts Pi4J only when GPIO is asked for: checks first that this machine has GPIO chips we may
 * open, then builds a context with the providers on the class path (GpioD on a Raspberry Pi) and
 * without Pi4J's own shutdown hook (the board restores its pins itself, in order). The system
 * property {@code edge.gpio.provider=mock} uses Pi4J's mock plugin instead (tests only: the plugin
 * is not in the jar).
 */
public final class Pi4jContexts {
  private Pi4jContexts() {}

  public static Context open(String chip) {
    quietLogging();
    boolean mock = "mock".equals(System.getProperty("edge.gpio.provider"));
    if (!mock) {
      checkChips(Path.of("/dev"));
    }
    try {
      ContextBuilder builder = Pi4J.newContextBuilder().disableShutdownHook();
      builder = mock ? builder.autoDetectMockPlugins().autoDetectPlatforms().autoDetectProviders()
          : builder.autoDetect();
      if (chip != null && !chip.isBlank()) {
        builder.setGpioChipName(chip);
      }
      return builder.build();
    } catch (RuntimeException | LinkageError e) {
      throw new UserError(GPIO, "Pi4J could not start its GPIO providers: " + e.getMessage()
          + ". GPIO works on a Raspberry Pi with a 64-bit Raspberry Pi OS; run without --gpio elsewhere.", e);
    }
  }

  /** Fails with what to do unless {@code dev} holds a GPIO chip this user can open. */
  static void checkChips(Path dev) {
    List<Path> chips = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dev, "gpiochip*")) {
      s.forEach(chips::add);
    } catch (IOException e) {
      chips.clear();
    }
    if (chips.isEmpty()) {
      throw new UserError(GPIO, "--gpio: this machine has no GPIO (no " + dev + "/gpiochip* device)."
          + " GPIO works on a Raspberry Pi with a 64-bit Raspberry Pi OS; run without --gpio here.");
    }
    for (Path chip : chips) {
      if (Files.isReadable(chip) && Files.isWritable(chip)) {
        return;
      }
    }
    throw new UserError(GPIO, "--gpio: no permission to open " + chips + ": add the user to the"
        + " 'gpio' group (sudo usermod -aG gpio $USER, then log in again), or run the service"
        + " deploy/raspberry-pi installs.");
  }

  /** Pi4J's INFO lines off unless the user set a level; before Pi4J's first logger. */
  static void quietLogging() {
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    // Pi4J logs ERROR lines while probing an unknown board; what matters reaches the user as a UserError (GPIO).
    setIfAbsent("org.slf4j.simpleLogger.log.com.pi4j.boardinfo", "off");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
