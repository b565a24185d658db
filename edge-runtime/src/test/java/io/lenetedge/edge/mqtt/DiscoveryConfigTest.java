package io.lenetedge.edge.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lenetedge.edge.read.ReadMode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiscoveryConfigTest {
  private static final MqttSettings KITCHEN = MqttSettings.of("tcp://b", "lenet-edge/kitchen",
      "homeassistant", null, null, null, name -> null);

  private static JsonObject config(Map<String, String> configs, String object) {
    String topic = "homeassistant/sensor/lenet-edge_kitchen/" + object + "/config";
    assertTrue(configs.containsKey(topic), configs.keySet().toString());
    return JsonParser.parseString(configs.get(topic)).getAsJsonObject();
  }

  @Test
  void threeSensorsShareOneDeviceAndTheRunsTopics() {
    Map<String, String> configs = DiscoveryConfig.messages(KITCHEN, ReadMode.DIGIT, false, "1.2.3");
    assertEquals(3, configs.size(), configs.keySet().toString());
    Set<String> ids = new HashSet<>();
    for (String object : List.of("reading", "confidence", "status")) {
      JsonObject c = config(configs, object);
      assertEquals("lenet-edge/kitchen/state", c.get("state_topic").getAsString());
      assertEquals("lenet-edge/kitchen/availability", c.get("availability_topic").getAsString());
      assertEquals("online", c.get("payload_available").getAsString());
      assertEquals("offline", c.get("payload_not_available").getAsString());
      assertTrue(c.get("value_template").getAsString().contains("value_json."), c.toString());
      ids.add(c.get("unique_id").getAsString());
      JsonObject device = c.getAsJsonObject("device");
      assertEquals("lenet-edge_kitchen", device.getAsJsonArray("identifiers").get(0).getAsString());
      assertEquals("lenet-edge kitchen", device.get("name").getAsString());
      assertEquals("1.2.3", device.get("sw_version").getAsString());
      assertTrue(device.has("model"), device.toString());
    }
    assertEquals(Set.of("lenet-edge_kitchen_reading", "lenet-edge_kitchen_confidence",
        "lenet-edge_kitchen_status"), ids);
    assertEquals("{{ value_json.digit }}", config(configs, "reading").get("value_template").getAsString());
    assertEquals("%", config(configs, "confidence").get("unit_of_measurement").getAsString());
    assertEquals("diagnostic", config(configs, "status").get("entity_category").getAsString());
  }

  @Test
  void theReadingSensorTakesWhatTheModeReads() {
    assertEquals("{{ value_json.text }}", config(DiscoveryConfig.messages(KITCHEN, ReadMode.NUMBER,
        false, "v"), "reading").get("value_template").getAsString());
    JsonObject meter = config(DiscoveryConfig.messages(KITCHEN, ReadMode.DIGIT, true, "v"), "reading");
    assertEquals("{{ value_json.value }}", meter.get("value_template").getAsString());
    assertEquals("Value", meter.get("name").getAsString());
    String auto = config(DiscoveryConfig.messages(KITCHEN, ReadMode.AUTO, false, "v"), "reading")
        .get("value_template").getAsString();
    assertTrue(auto.contains("value_json.text") && auto.contains("value_json.digit"), auto);
  }

  @Test
  void anotherPrefixMovesTheConfigsAndNoneDropsThem() {
    MqttSettings custom = MqttSettings.of("tcp://b", "meters/gas", "ha", null, null, null, n -> null);
    assertEquals(Set.of("ha/sensor/meters_gas/reading/config", "ha/sensor/meters_gas/confidence/config",
        "ha/sensor/meters_gas/status/config"),
        DiscoveryConfig.messages(custom, ReadMode.DIGIT, true, "v").keySet());
    MqttSettings none = MqttSettings.of("tcp://b", "meters/gas", "none", null, null, null, n -> null);
    assertTrue(DiscoveryConfig.messages(none, ReadMode.DIGIT, true, "v").isEmpty());
  }
}
