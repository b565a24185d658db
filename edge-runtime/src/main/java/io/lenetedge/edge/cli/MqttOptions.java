package io.lenetedge.edge.cli;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import io.lenetedge.edge.mqtt.MqttSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * The {@code run} options for publishing to an MQTT broker: {@code --mqtt} and its topic and
 * login. The password comes from a file or an environment variable, never the command line.
 */
public final class MqttOptions {
  @Option(names = "--mqtt", paramLabel = "URL",
      description = "Publish each change of the reading to this MQTT broker: tcp://HOST[:PORT]"
          + " or ssl://HOST[:PORT] (ports 1883 and 8883 when left out), with Home Assistant"
          + " discovery. A broker that is down or goes away never stops the loop.")
  String url;

  @Option(names = "--mqtt-topic", paramLabel = "TOPIC",
      description = "Base topic: TOPIC/state (the reading as JSON, retained) and"
          + " TOPIC/availability (online/offline, retained) (default: lenet-edge/HOSTNAME).")
  String topic;

  @Option(names = "--mqtt-user", paramLabel = "USER", description = "User name for the broker.")
  String user;

  @Option(names = "--mqtt-password-file", paramLabel = "FILE",
      description = "Read the broker password from the first line of FILE.")
  Path passwordFile;

  @Option(names = "--mqtt-password-env", paramLabel = "VAR",
      description = "Take the broker password from the environment variable VAR.")
  String passwordEnv;

  @Option(names = "--mqtt-discovery", paramLabel = "PREFIX|none", defaultValue = "homeassistant",
      description = "Publish Home Assistant discovery configs under PREFIX, or none"
          + " (default: ${DEFAULT-VALUE}).")
  String discovery;

  /** The checked settings; null without {@code --mqtt}. */
  MqttSettings settings() {
    return settings(System::getenv);
  }

  MqttSettings settings(UnaryOperator<String> env) {
    if (url == null) {
      if (topic != null || user != null || passwordFile != null || passwordEnv != null) {
        throw new UserError(USAGE, "--mqtt-topic, --mqtt-user and the password options"
            + " need a broker: add --mqtt tcp://HOST:1883");
      }
      return null;
    }
    String base = topic != null ? topic : "lenet-edge/" + MqttSettings.topicSegment(hostname());
    return MqttSettings.of(url, base, discovery, user, passwordFile, passwordEnv, env);
  }

  /** This machine's name: /etc/hostname, else $HOSTNAME, else what the resolver says. */
  static String hostname() {
    try {
      Path etc = Path.of("/etc/hostname");
      if (Files.isReadable(etc)) {
        String name = Files.readString(etc).strip();
        if (!name.isEmpty()) {
          return name;
        }
      }
    } catch (IOException unreadable) {
      // fall back to the environment
    }
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "device";
    }
  }
}
