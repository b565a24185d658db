package io.lenetedge.edge.mqtt;

import io.lenetedge.edge.run.Decision;
import io.lenetedge.edge.run.FrameListener;
import io.lenetedge.edge.run.FrameResult;
import io.lenetedge.edge.read.Reading;
import io.lenetedge.edge.source.Frame;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * {@code run --mqtt}: publishes each change of decision to {@code TOPIC/state} (retained, QoS 1),
 * {@code online}/{@code offline} to {@code TOPIC/availability} (retained; {@code offline} is also
 * the will), and the Home Assistant discovery configs. The loop only builds the state's JSON and
 * offers it to a bounded queue; a daemon worker thread connects, publishes and reconnects with
 * back-off (1 s doubling to 30 s) when the broker is down or goes away. After each (re)connect it
 * publishes {@code online}, the configs, what is queued and the latest state, so a restarted
 * broker holds the current state again. States offered while the queue is full are dropped and
 * counted; the latest state is published all the same.
 */
public final class MqttSink implements FrameListener, AutoCloseable {
  /** The availability payload while connected. */
  public static final String ONLINE = "online";
  /** The availability payload after a clean stop, and the will for any other end. */
  public static final String OFFLINE = "offline";
  /** State changes the queue holds while the worker is busy or the broker away. */
  static final int QUEUE = 16;
  static final long MIN_DELAY_MS = 1000;
  static final long MAX_DELAY_MS = 30_000;
  /** How long the end of the run waits for the last state and {@code offline} to go out. */
  static final long END_WAIT_MS = 2000;
  private static final int CONNECT_TIMEOUT_S = 5;
  private static final long PUBLISH_TIMEOUT_MS = 5000;
  private static final int QOS = 1;

  private final MqttSettings settings;
  private final Map<String, String> discovery;
  private final Consumer<String> log;
  private final Supplier<Instant> clock;
  private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
  private final AtomicReference<String> latest = new AtomicReference<>();
  private final LongAdder published = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final CountDownLatch ending = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread worker;
  private volatile MqttAsyncClient client;
  private volatile boolean connected;
  private volatile Throwable lostBecause;
  private volatile boolean endWaited;
  private boolean everConnected;
  private FrameResult lastResult;
  private String lastKey;

  private MqttSink(MqttSettings settings, Map<String, String> discovery, Supplier<Instant> clock,
      Consumer<String> log) {
    this.settings = settings;
    this.discovery = new LinkedHashMap<>(discovery);
    this.clock = clock;
    this.log = log;
    this.worker = new Thread(this::work, "mqtt-sink");
    worker.setDaemon(true);
  }

  /**
   * Starts the worker, which connects in the background: a broker that is down does not delay
   * the run.
   *
   * @param discovery the Home Assistant configs by topic ({@link DiscoveryConfig#messages})
   * @param log where connection changes are reported (never with the password)
   */
  public static MqttSink start(MqttSettings settings, Map<String, String> discovery,
      Consumer<String> log) {
    return start(settings, discovery, Instant::now, log);
  }

  static MqttSink start(MqttSettings settings, Map<String, String> discovery,
      Supplier<Instant> clock, Consumer<String> log) {
    MqttSink sink = new MqttSink(settings, discovery, clock, log);
    sink.worker.start();
    return sink;
  }

  @Override
  public void onFrame(Frame frame, FrameResult result) {
    if (result != null) {
      lastResult = result;
    }
  }

  @Override
  public void onDecision(Decision decision) {
    String key = decision.key();
    if (key.equals(lastKey)) {
      return;
    }
    lastKey = key;
    FrameResult r = lastResult;
    boolean fromLast = r != null && r.decision() == decision;
    String payload = StatePayload.json(fromLast ? r.frame() : -1, decision,
        fromLast ? r.reading() : Reading.NONE, clock.get());
    latest.set(payload);
    if (!queue.offer(payload)) {
      dropped.increment();
    }
  }

  /** Publishes the last state and {@code offline}, then disconnects; waits at most 2 s. */
  @Override
  public void onEnd(String why, Throwable error) {
    ending.countDown();
    await(finished, END_WAIT_MS);
    endWaited = true;
  }

  /** Ends like {@link #onEnd} if the loop did not; never waits longer than 2 s in all. */
  @Override
  public void close() {
    ending.countDown();
    if (!await(finished, endWaited ? 100 : END_WAIT_MS)) {
      worker.interrupt();
      closeQuietly(client);
      log.accept("mqtt: gave up waiting for " + settings.url() + "; the broker marks this"
          + " device offline by its will");
    }
  }

  /** Messages the broker acknowledged: states, availability and discovery configs. */
  public long published() {
    return published.sum();
  }

  /** State changes that found the queue full (the latest state is published regardless). */
  public long dropped() {
    return dropped.sum();
  }

  /** Whether the sink is connected to its broker now. */
  public boolean connected() {
    return connected;
  }

  private void work() {
    long delay = MIN_DELAY_MS;
    boolean waitFirst = false;
    int endTries = 0;
    String sent = null;
    try {
      while (true) {
        boolean end = ending.getCount() == 0;
        if (client == null || !client.isConnected()) {
          if (client != null) {
            Throwable cause = lostBecause;
            drop("lost the connection to " + settings.url()
                + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"));
          }
          if (end && endTries++ >= 2) {
            return;
          }
          if (waitFirst && !end) {
            ending.await(delay, TimeUnit.MILLISECONDS);
            delay = Math.min(delay * 2, MAX_DELAY_MS);
            end = ending.getCount() == 0;
          }
          waitFirst = true;
          if (!connect(end, delay)) {
            if (end) {
              log.accept("mqtt: the last state was not published: " + settings.url()
                  + " is not reachable");
              return;
            }
            continue;
          }
          try {
            announce();
            delay = MIN_DELAY_MS;
            sent = null;
          } catch (MqttException e) {
            drop("lost the connection to " + settings.url() + " (" + reason(e) + ")");
          }
          continue;
        }
        String next = end ? queue.poll() : queue.poll(100, TimeUnit.MILLISECONDS);
        if (next == null) {
          next = latest.get();
        }
        try {
          if (next != null && !next.equals(sent)) {
            publish(settings.stateTopic(), next);
            sent = next;
          } else if (end) {
            goOffline();
            return;
          }
        } catch (MqttException e) {
          drop("lost the connection to " + settings.url() + " (" + reason(e) + ")");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      connected = false;
      closeQuietly(client);
      client = null;
      finished.countDown();
    }
  }

  /** One connection attempt; false (logged) when it failed. */
  private boolean connect(boolean end, long nextDelay) {
    MqttAsyncClient c = null;
    try {
      c = new MqttAsyncClient(settings.url(), settings.deviceId(), new MemoryPersistence());
      lostBecause = null;
      c.setCallback(new Callback());
      c.connect(options()).waitForCompletion(CONNECT_TIMEOUT_S * 1000L + 1000);
      client = c;
      connected = true;
      log.accept("mqtt: " + (everConnected ? "reconnected to " : "connected to ") + settings.url()
          + ", state on " + settings.stateTopic() + (settings.discoveryPrefix() == null ? ""
          : ", Home Assistant discovery under " + settings.discoveryPrefix() + "/"));
      everConnected = true;
      return true;
    } catch (MqttException e) {
      closeQuietly(c);
      log.accept("mqtt: cannot connect to " + settings.url() + " (" + reason(e) + ")"
          + (end ? "" : "; retrying in " + (nextDelay / 1000) + " s"));
      return false;
    }
  }

  private MqttConnectOptions options() {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(true);
    o.setAutomaticReconnect(false);
    o.setConnectionTimeout(CONNECT_TIMEOUT_S);
    o.setKeepAliveInterval(30);
    o.setWill(settings.availabilityTopic(), OFFLINE.getBytes(StandardCharsets.UTF_8), QOS, true);
    if (settings.user() != null) {
      o.setUserName(settings.user());
    }
    if (settings.password() != null) {
      o.setPassword(settings.password().toCharArray());
    }
    return o;
  }

  private void announce() throws MqttException {
    publish(settings.availabilityTopic(), ONLINE);
    for (Map.Entry<String, String> config : discovery.entrySet()) {
      publish(config.getKey(), config.getValue());
    }
  }

  private void goOffline() throws MqttException {
    publish(settings.availabilityTopic(), OFFLINE);
    MqttAsyncClient c = client;
    c.disconnect(500).waitForCompletion(1000);
    connected = false;
    log.accept("mqtt: offline; " + published.sum() + " messages published, " + dropped.sum()
        + " state changes dropped");
  }

  private void publish(String topic, String payload) throws MqttException {
    client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), QOS, true)
        .waitForCompletion(PUBLISH_TIMEOUT_MS);
    published.increment();
  }

  private void drop(String why) {
    connected = false;
    closeQuietly(client);
    client = null;
    log.accept("mqtt: " + why + "; reconnecting");
  }

  private static void closeQuietly(MqttAsyncClient c) {
    if (c == null) {
      return;
    }
    try {
      if (c.isConnected()) {
        c.disconnectForcibly(0, 500);
      }
    } catch (MqttException ignored) {
      // the connection is gone already
    }
    try {
      c.close(true);
    } catch (MqttException ignored) {
      // nothing left to release
    }
  }

  private static String reason(MqttException e) {
    String why = e.getMessage();
    if (e.getCause() != null && e.getCause().getMessage() != null) {
      why += ": " + e.getCause().getMessage();
    }
    return switch (e.getReasonCode()) {
      case MqttException.REASON_CODE_FAILED_AUTHENTICATION, MqttException.REASON_CODE_NOT_AUTHORIZED ->
          why + "; check --mqtt-user and the password";
      default -> why;
    };
  }

  private static boolean await(CountDownLatch latch, long millis) {
    try {
      return latch.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Marks the sink disconnected as soon as Paho notices; the worker then reconnects. */
  private final class Callback implements MqttCallback {
    @Override
    public void connectionLost(Throwable cause) {
      lostBecause = cause;
      connected = false;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {}

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}
  }
}
