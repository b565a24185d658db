package io.lenetedge.edge.mqtt;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.lenetedge.edge.read.ReadMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Home Assistant MQTT discovery: the retained configs under
 * {@code PREFIX/sensor/DEVICE_ID/OBJECT/config} that make a run appear as one device with three
 * sensors (what it reads, the confidence, the status), all fed from the state topic and marked
 * unavailable when the availability topic says {@code offline}. Pure.
 */
public final class DiscoveryConfig {
  /** The object id of the sensor of what is read: digit, number or meter value. */
  public static final String READING = "reading";
  /** The object id of the confidence sensor. */
  public static final String CONFIDENCE = "confidence";
  /** The object id of the status sensor. */
  public static final String STATUS = "status";

  private DiscoveryConfig() {}

  /**
   * The configs by topic; empty when the settings turn discovery off.
   *
   * @param mode what {@code --read} looks for (ignored for a meter)
   * @param meter whether the run reads a meter ({@code --digits})
   * @param version the software version shown on the device page
   */
  public static Map<String, String> messages(MqttSettings s, ReadMode mode, boolean meter,
      String version) {
    Map<String, String> configs = new LinkedHashMap<>();
    if (s.discoveryPrefix() == null) {
      return configs;
    }
    JsonObject reading = sensor(s, READING, readingName(mode, meter), valueTemplate(mode, meter),
        version);
    reading.addProperty("icon", "mdi:numeric");
    reading.addProperty("json_attributes_topic", s.stateTopic());
    configs.put(topic(s, READING), reading.toString());

    JsonObject confidence = sensor(s, CONFIDENCE, "Confidence",
        "{{ (value_json.confidence * 100) | round(1) }}", version);
    confidence.addProperty("unit_of_measurement", "%");
    confidence.addProperty("state_class", "measurement");
    confidence.addProperty("entity_category", "diagnostic");
    confidence.addProperty("icon", "mdi:gauge");
    configs.put(topic(s, CONFIDENCE), confidence.toString());

    JsonObject status = sensor(s, STATUS, "Status", "{{ value_json.status }}", version);
    status.addProperty("entity_category", "diagnostic");
    status.addProperty("icon", "mdi:list-status");
    configs.put(topic(s, STATUS), status.toString());
    return configs;
  }

  /** The config topic of one sensor: {@code PREFIX/sensor/DEVICE_ID/OBJECT/config}. */
  public static String topic(MqttSettings s, String object) {
    return s.discoveryPrefix() + "/sensor/" + s.deviceId() + "/" + object + "/config";
  }

  /**
   * The template that takes the reading from the state: {@code digit}, {@code text}, either
   * ({@code --read auto}), or a meter's {@code value}.
   */
  static String valueTemplate(ReadMode mode, boolean meter) {
    if (meter) {
      return "{{ value_json.value }}";
    }
    return switch (mode) {
      case DIGIT -> "{{ value_json.digit }}";
      case NUMBER -> "{{ value_json.text }}";
      case AUTO -> "{{ value_json.text if value_json.text is defined else value_json.digit }}";
    };
  }

  private static String readingName(ReadMode mode, boolean meter) {
    return meter ? "Value" : switch (mode) {
      case DIGIT -> "Digit";
      case NUMBER, AUTO -> "Number";
    };
  }

  private static JsonObject sensor(MqttSettings s, String object, String name, String template,
      String version) {
    JsonObject o = new JsonObject();
    o.addProperty("name", name);
    o.addProperty("unique_id", s.deviceId() + "_" + object);
    o.addProperty("state_topic", s.stateTopic());
    o.addProperty("value_template", template);
    o.addProperty("availability_topic", s.availabilityTopic());
    o.addProperty("payload_available", MqttSink.ONLINE);
    o.addProperty("payload_not_available", MqttSink.OFFLINE);
    o.add("device", device(s, version));
    JsonObject origin = new JsonObject();
    origin.addProperty("name", "lenet-edge");
    origin.addProperty("sw_version", version);
    o.add("origin", origin);
    return o;
  }

  private static JsonObject device(MqttSettings s, String version) {
    JsonObject d = new JsonObject();
    JsonArray ids = new JsonArray();
    ids.add(s.deviceId());
    d.add("identifiers", ids);
    d.addProperty("name", s.topic().replace('/', ' '));
    d.addProperty("model", "LeNet-5 digit reader");
    d.addProperty("manufacturer", "lenet-edge");
    d.addProperty("sw_version", version);
    return d;
  }
}
