package io.lenetedge.edge.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MqttSettingsTest {
  private static final UnaryOperator<String> NO_ENV = name -> null;

  private static MqttSettings url(String url) {
    return MqttSettings.of(url, "lenet-edge/pi", "homeassistant", null, null, null, NO_ENV);
  }

  @ParameterizedTest
  @CsvSource({
      "tcp://broker.local, tcp://broker.local:1883",
      "ssl://broker.local, ssl://broker.local:8883",
      "TCP://10.0.0.2:1884, tcp://10.0.0.2:1884",
      "tcp://[::1]:1883/, tcp://[::1]:1883"})
  void brokerUrlsGetTheirDefaultPort(String given, String expected) {
    assertEquals(expected, url(given).url());
  }

  @ParameterizedTest
  @ValueSource(strings = {"mqtt://broker:1883", "http://broker", "broker:1883", "ws://broker:9001"})
  void anotherSchemeIsAUsageErrorListingTheValidOnes(String bad) {
    UserError e = assertThrows(UserError.class, () -> url(bad));
    assertEquals(UserError.Kind.USAGE, e.kind());
    assertTrue(e.getMessage().contains("[tcp://, ssl://]"), e.getMessage());
    assertTrue(e.getMessage().contains(bad), e.getMessage());
  }

  @Test
  void aLoginInTheUrlOrAPathIsRefused() {
    UserError login = assertThrows(UserError.class,
        () -> url("tcp://me:secret@broker:1883"));
    assertEquals(UserError.Kind.USAGE, login.kind());
    assertFalse(login.getMessage().contains("secret"), login.getMessage());
    assertThrows(UserError.class, () -> url("tcp://broker:1883/topic"));
    assertThrows(UserError.class, () -> url("tcp://:1883"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"lenet-edge/+", "a/#", "/lenet", "a//b", " "})
  void wildcardsAndEmptyLevelsAreNoTopic(String topic) {
    assertThrows(UserError.class, () -> MqttSettings.of("tcp://b", topic,
        "homeassistant", null, null, null, NO_ENV));
  }

  @Test
  void topicsAndIdsFollowTheBaseTopic() {
    MqttSettings s = MqttSettings.of("tcp://b", "home/kitchen.meter/", "ha", null, null, null,
        NO_ENV);
    assertEquals("home/kitchen.meter", s.topic());
    assertEquals("home/kitchen.meter/state", s.stateTopic());
    assertEquals("home/kitchen.meter/availability", s.availabilityTopic());
    assertEquals("home_kitchen_meter", s.deviceId());
    assertEquals("pi5-b", MqttSettings.topicSegment(" Pi5#B "));
    assertNull(MqttSettings.of("tcp://b", "t", "none", null, null, null, NO_ENV).discoveryPrefix());
  }

  @Test
  void thePasswordComesFromTheFirstLineOfItsFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mqtt.pass");
    Files.writeString(file, "s3cret pass\nignored\n");
    MqttSettings s = MqttSettings.of("tcp://b", "t", "none", "edge", file, null, NO_ENV);
    assertEquals("s3cret pass", s.password());
    assertEquals("edge", s.user());
  }

  @Test
  void aMissingPasswordFileOrVariableIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope.pass");
    UserError file = assertThrows(UserError.class,
        () -> MqttSettings.of("tcp://b", "t", "none", "edge", missing, null, NO_ENV));
    assertEquals(UserError.Kind.USAGE, file.kind());
    assertTrue(file.getMessage().contains("--mqtt-password-file " + missing), file.getMessage());
    UserError env = assertThrows(UserError.class,
        () -> MqttSettings.of("tcp://b", "t", "none", "edge", null, "MQTT_PASS", NO_ENV));
    assertEquals(UserError.Kind.USAGE, env.kind());
    assertTrue(env.getMessage().contains("MQTT_PASS"), env.getMessage());
    assertThrows(UserError.class, () -> MqttSettings.of("tcp://b", "t", "none",
        "edge", missing, "MQTT_PASS", NO_ENV));
  }

  @Test
  void aPasswordNeedsAUser() {
    Map<String, String> env = Map.of("MQTT_PASS", "x");
    assertThrows(UserError.class,
        () -> MqttSettings.of("tcp://b", "t", "none", null, null, "MQTT_PASS", env::get));
  }

  @Test
  void thePasswordIsNeverInToString() {
    Map<String, String> env = Map.of("MQTT_PASS", "hunter2-very-secret");
    MqttSettings s = MqttSettings.of("ssl://b", "t", "homeassistant", "edge", null, "MQTT_PASS",
        env::get);
    assertEquals("hunter2-very-secret", s.password());
    assertFalse(s.toString().contains("hunter2"), s.toString());
    assertTrue(s.toString().contains("user edge with password"), s.toString());
  }
}
