package io.lenetedge.edge.mqtt;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Where and as whom {@code run --mqtt} publishes, checked: the broker ({@code tcp://HOST:PORT} or
 * {@code ssl://HOST:PORT}, the port filled in when left out), the base topic, the Home Assistant
 * discovery prefix (null: no discovery) and the login. {@link #toString()} never shows the
 * password.
 *
 * @param url the broker, with its port
 * @param topic the base topic: {@code TOPIC/state} and {@code TOPIC/availability}
 * @param discoveryPrefix where Home Assistant looks for configs, or null for none
 * @param user the user name, or null to connect anonymously
 * @param password the password, or null for none
 */
public record MqttSettings(String url, String topic, String discoveryPrefix, String user,
    String password) {
  /** The schemes a broker URL may have, with their default ports. */
  static final List<String> SCHEMES = List.of("tcp://", "ssl://");

  public MqttSettings {
    url = checkUrl(url);
    topic = checkTopic("--mqtt-topic", topic);
    if (discoveryPrefix != null) {
      discoveryPrefix = checkTopic("--mqtt-discovery", discoveryPrefix);
    }
    if (user != null && user.isBlank()) {
      throw new UserError(USAGE, "--mqtt-user is empty: give a user name or leave it out");
    }
    if (password != null && user == null) {
      throw new UserError(USAGE, "a password needs a user name: add --mqtt-user USER");
    }
  }

  /**
   * Settings from the {@code run} options; the password from {@code passwordFile} (its first
   * line) or from the environment variable {@code passwordEnv}, never from the command line.
   *
   * @param discovery the discovery prefix, or {@code none} to publish no configs
   * @param env looks up an environment variable ({@code System::getenv})
   * @throws UserError (USAGE) naming the option, file or variable that cannot be used
   */
  public static MqttSettings of(String url, String topic, String discovery, String user,
      Path passwordFile, String passwordEnv, UnaryOperator<String> env) {
    if (passwordFile != null && passwordEnv != null) {
      throw new UserError(USAGE, "--mqtt-password-file and --mqtt-password-env both give"
          + " the password: keep one");
    }
    String password = passwordFile != null ? readPassword(passwordFile)
        : passwordEnv != null ? passwordFromEnv(passwordEnv, env) : null;
    String prefix = discovery == null || discovery.strip().equalsIgnoreCase("none") ? null
        : discovery;
    return new MqttSettings(url, topic, prefix, user, password);
  }

  /** The topic of the reading as JSON (retained). */
  public String stateTopic() {
    return topic + "/state";
  }

  /** The topic of {@code online}/{@code offline} (retained; {@code offline} is the will). */
  public String availabilityTopic() {
    return topic + "/availability";
  }

  /**
   * The device's id: the base topic with every character but letters, digits, {@code _} and
   * {@code -} replaced by {@code _}; the MQTT client id and Home Assistant node id.
   */
  public String deviceId() {
    return topic.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  /** A topic segment made from a host name: lower case, {@code -} for anything unusual. */
  public static String topicSegment(String hostname) {
    String s = hostname.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    return s.isEmpty() ? "device" : s;
  }

  @Override
  public String toString() {
    return url + " topic " + topic + (discoveryPrefix == null ? ", no discovery"
        : ", discovery under " + discoveryPrefix + "/") + (user == null ? ", anonymous"
        : ", user " + user + (password == null ? " without password" : " with password"));
  }

  private static String checkUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new UserError(USAGE, "--mqtt needs a broker URL, e.g. tcp://localhost:1883");
    }
    String lower = url.strip().toLowerCase(Locale.ROOT);
    String scheme = SCHEMES.stream().filter(lower::startsWith).findFirst().orElseThrow(() ->
        new UserError(USAGE, "--mqtt " + url + ": unknown scheme, expected one of "
            + SCHEMES + " (e.g. tcp://localhost:1883)"));
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new UserError(USAGE, "--mqtt " + url + ": not a URL (" + e.getReason() + ")");
    }
    if (uri.getHost() == null) {
      throw new UserError(USAGE, "--mqtt " + url + ": no host, expected "
          + scheme + "HOST[:PORT]");
    }
    if (uri.getRawUserInfo() != null) {
      throw new UserError(USAGE, "--mqtt: leave the login out of the URL; give"
          + " --mqtt-user and --mqtt-password-file or --mqtt-password-env");
    }
    String path = uri.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
      throw new UserError(USAGE, "--mqtt " + url + ": a broker URL has no path, expected "
          + scheme + "HOST[:PORT]");
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("ssl://") ? 8883 : 1883;
    String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[")
        ? "[" + uri.getHost() + "]" : uri.getHost();
    return scheme + host + ":" + port;
  }

  private static String checkTopic(String option, String topic) {
    if (topic == null) {
      throw new UserError(USAGE, option + " is missing");
    }
    String t = topic.strip();
    while (t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    if (t.isEmpty() || t.startsWith("/") || t.contains("+") || t.contains("#")
        || t.contains("//") || t.indexOf('\0') >= 0) {
      throw new UserError(USAGE, option + " '" + topic + "': expected topic levels"
          + " separated by /, without wildcards (+, #) or empty levels, e.g. lenet-edge/kitchen");
    }
    return t;
  }

  private static String readPassword(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserError(USAGE, "--mqtt-password-file " + file + ": no such file");
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String first = text.lines().findFirst().orElse("");
      if (first.isEmpty()) {
        throw new UserError(USAGE, "--mqtt-password-file " + file + " is empty");
      }
      return first;
    } catch (IOException e) {
      throw new UserError(USAGE, "--mqtt-password-file " + file + ": cannot read it ("
          + e.getMessage() + ")");
    }
  }

  private static String passwordFromEnv(String name, UnaryOperator<String> env) {
    String value = env.apply(name);
    if (value == null || value.isEmpty()) {
      throw new UserError(USAGE, "--mqtt-password-env " + name + ": the environment"
          + " variable " + name + " is not set");
    }
    return value;
  }
}
