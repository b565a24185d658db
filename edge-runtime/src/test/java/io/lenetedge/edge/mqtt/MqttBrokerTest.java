package io.lenetedge.edge.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lenetedge.edge.CliRun;
import io.lenetedge.edge.read.ReadMode;
import io.lenetedge.edge.read.Reading;
import io.lenetedge.edge.run.Decision;
import io.lenetedge.edge.run.FrameResult;
import io.lenetedge.edge.source.DemoSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --mqtt} against a real mosquitto (skipped when it is not installed): what a
 * subscriber sees of a demo run, a broker killed and restarted mid-run, and a broker that is not
 * there at all.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class MqttBrokerTest {
  @TempDir Path dir;

  private static Path mosquitto() {
    Optional<Path> program = Mosquitto.program();
    assumeTrue(program.isPresent(), "mosquitto is not installed (apt-get install mosquitto"
        + " mosquitto-clients): skipping the tests against a real broker");
    return program.get();
  }

  /** One message a subscriber received. */
  record Message(String topic, String payload, boolean retained) {}

  /** A Paho subscriber that keeps every message it receives, in order. */
  static final class Subscriber implements AutoCloseable {
    private final MqttClient client;
    private final List<Message> messages = new CopyOnWriteArrayList<>();

    private Subscriber(MqttClient client) {
      this.client = client;
    }

    static Subscriber connect(String url, String... filters) throws MqttException {
      Subscriber s = new Subscriber(new MqttClient(url, "test-" + System.nanoTime(),
          new MemoryPersistence()));
      MqttConnectOptions o = new MqttConnectOptions();
      o.setCleanSession(true);
      s.client.connect(o);
      for (String f : filters) {
        s.client.subscribe(f, 1, (topic, m) -> s.messages.add(new Message(topic,
            new String(m.getPayload(), StandardCharsets.UTF_8), m.isRetained())));
      }
      return s;
    }

    Message await(Predicate<Message> wanted, long millis) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
      while (System.nanoTime() < deadline) {
        for (Message m : messages) {
          if (wanted.test(m)) {
            return m;
          }
        }
        Thread.sleep(20);
      }
      throw new AssertionError("no such message in " + millis + " ms; got " + messages);
    }

    List<String> payloads(String topic) {
      return messages.stream().filter(m -> m.topic().equals(topic)).map(Message::payload).toList();
    }

    @Override
    public void close() throws MqttException {
      if (client.isConnected()) {
        client.disconnect(1000);
      }
      client.close();
    }
  }

  private static Predicate<Message> is(String topic, String payload) {
    return m -> m.topic().equals(topic) && (payload == null || m.payload().equals(payload));
  }

  /** A state as the run's line would give it: without the status and time the state adds. */
  private static JsonObject asLine(String state) {
    JsonObject o = JsonParser.parseString(state).getAsJsonObject();
    o.remove("status");
    o.remove("time");
    return o;
  }

  private static List<JsonObject> printed(CliRun r) {
    return r.out().lines().map(l -> {
      JsonObject o = JsonParser.parseString(l).getAsJsonObject();
      o.remove("latency_us");
      return o;
    }).toList();
  }

  @Test
  void aSubscriberSeesTheConfigsTheAvailabilityAndEveryChangeOfADemoRun() throws Exception {
    Path program = mosquitto();
    try (Mosquitto broker = Mosquitto.start(program, dir, MqttSinkTest.freePort());
        Subscriber sub = Subscriber.connect(broker.url(), "test/demo/#", "homeassistant/#")) {
      CliRun r = CliRun.of("run", "--source", "demo", "--ep", "cpu", "--fps", "50", "--print",
          "changes", "--mqtt", broker.url(), "--mqtt-topic", "test/demo");
      assertEquals(0, r.exit(), r.err());
      assertTrue(r.err().contains("mqtt: connected to " + broker.url()), r.err());
      sub.await(is("test/demo/availability", "offline"), 5000);

      for (String object : List.of("reading", "confidence", "status")) {
        String topic = "homeassistant/sensor/test_demo/" + object + "/config";
        JsonObject config = JsonParser.parseString(sub.await(is(topic, null), 1000).payload())
            .getAsJsonObject();
        assertEquals("test/demo/state", config.get("state_topic").getAsString());
        assertEquals("test/demo/availability", config.get("availability_topic").getAsString());
        assertEquals("test_demo_" + object, config.get("unique_id").getAsString());
      }
      List<String> availability = sub.payloads("test/demo/availability");
      assertEquals("online", availability.get(0), availability.toString());
      assertEquals("offline", availability.get(availability.size() - 1), availability.toString());

      List<JsonObject> states = sub.payloads("test/demo/state").stream()
          .map(MqttBrokerTest::asLine).toList();
      List<JsonObject> changes = printed(r);
      assertTrue(changes.size() >= 10, r.out());
      assertEquals(changes, states, "one state per change the run printed, in order");
      for (String s : sub.payloads("test/demo/state")) {
        JsonObject o = JsonParser.parseString(s).getAsJsonObject();
        assertTrue(o.has("status") && o.get("time").getAsString().endsWith("Z"), s);
      }
    }
  }

  @Test
  void aBrokerKilledAndRestartedMidRunEndsWithTheRunsLastState() throws Exception {
    Path program = mosquitto();
    int port = MqttSinkTest.freePort();
    Mosquitto broker = Mosquitto.start(program, dir, port);
    String url = broker.url();
    try {
      CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("run",
          "--source", "demo", "--ep", "cpu", "--fps", "25", "--print", "changes", "--mqtt",
          url, "--mqtt-topic", "test/restart"));
      try (Subscriber sub = Subscriber.connect(url, "test/restart/#")) {
        sub.await(is("test/restart/state", null), 10_000);
      }
      broker.kill();
      Thread.sleep(500);
      broker = Mosquitto.start(program, dir, port);
      assertTrue(!run.isDone(), "the run ended before the broker came back");
      CliRun r = run.get(15, TimeUnit.SECONDS);
      assertEquals(0, r.exit(), r.err());
      assertTrue(r.err().contains("mqtt: lost the connection to " + url), r.err());
      assertTrue(r.err().contains("mqtt: reconnected to " + url), r.err());
      assertEquals(DemoSource.FRAMES, Integer.parseInt(r.err().replaceAll("(?s).*summary \\(end"
          + " of source\\): (\\d+) frames.*", "$1")), r.err());

      try (Subscriber after = Subscriber.connect(url, "test/restart/#")) {
        Message state = after.await(is("test/restart/state", null), 3000);
        assertTrue(state.retained(), state.toString());
        List<JsonObject> changes = printed(r);
        assertEquals(changes.get(changes.size() - 1), asLine(state.payload()),
            "the retained state is the run's last decision");
        Message availability = after.await(is("test/restart/availability", null), 3000);
        assertEquals("offline", availability.payload());
      }
    } finally {
      broker.close();
    }
  }

  @Test
  void aRestartedBrokerGetsTheLatestStateBackWithoutANewDecision() throws Exception {
    Path program = mosquitto();
    int port = MqttSinkTest.freePort();
    Mosquitto broker = Mosquitto.start(program, dir, port);
    String url = broker.url();
    MqttSettings s = MqttSettings.of(url, "test/latest", "homeassistant", null, null, null,
        name -> null);
    List<String> log = new CopyOnWriteArrayList<>();
    try (MqttSink sink = MqttSink.start(s, DiscoveryConfig.messages(s, ReadMode.DIGIT, false, "t"),
        log::add)) {
      Decision seven = Decision.digit(7, 0.97f);
      sink.onFrame(null, new FrameResult(41, Reading.NONE, seven, 0, 0, 0, 0));
      sink.onDecision(seven);
      try (Subscriber sub = Subscriber.connect(url, "test/latest/state")) {
        sub.await(is("test/latest/state", null), 5000);
      }
      broker.kill();
      broker = Mosquitto.start(program, dir, port);
      try (Subscriber after = Subscriber.connect(url, "test/latest/#", "homeassistant/#")) {
        JsonObject state = JsonParser.parseString(after.await(is("test/latest/state", null), 8000)
            .payload()).getAsJsonObject();
        assertEquals(7, state.get("digit").getAsInt(), state.toString());
        assertEquals(41, state.get("frame").getAsInt(), state.toString());
        after.await(is("test/latest/availability", "online"), 1000);
        after.await(is("homeassistant/sensor/test_latest/reading/config", null), 1000);
      }
      assertTrue(sink.connected(), log.toString());
      assertTrue(log.stream().anyMatch(l -> l.startsWith("mqtt: reconnected to " + url)),
          log.toString());
    } finally {
      broker.close();
    }
  }

  @Test
  void aBrokerDownAtStartLeavesTheRunAlone() throws Exception {
    int port = MqttSinkTest.freePort();
    Path config = dir.resolve("edge.properties");
    Files.writeString(config, "mqtt=tcp://127.0.0.1:" + port + "\nmqtt-topic=test/down\n");
    long t0 = System.nanoTime();
    CliRun r = CliRun.of("run", "--config", config.toString(), "--source", "demo", "--ep", "cpu");
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(0, r.exit(), r.err());
    assertEquals(DemoSource.FRAMES, r.out().lines().count(), r.err());
    assertTrue(r.err().contains("mqtt: cannot connect to tcp://127.0.0.1:" + port), r.err());
    assertTrue(r.err().contains("the last state was not published"), r.err());
    assertTrue(millis < 10_000, "the run took " + millis + " ms");
  }
}
