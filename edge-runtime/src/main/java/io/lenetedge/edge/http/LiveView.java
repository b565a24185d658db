package io.lenetedge.edge.http;

import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.ModelInstaller;
import io.lenetedge.edge.read.ReadMode;
import io.lenetedge.edge.run.FrameListener;
import io.lenetedge.image.Roi;
import io.lenetedge.edge.run.TriggerGate;
import io.lenetedge.edge.source.FrameSource;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code run --http}: the live state and metrics the run loop feeds, the server showing them, and
 * the model {@code POST /predict} runs on. Closing stops the server, then closes that model.
 */
public final class LiveView implements AutoCloseable {
  private final LiveState state;
  private final Metrics metrics;
  private final PredictHandler predict;
  private final LiveServer server;

  private LiveView(LiveState state, Metrics metrics, PredictHandler predict, LiveServer server) {
    this.state = state;
    this.metrics = metrics;
    this.predict = predict;
    this.server = server;
  }

  /** Starts serving like the method below: writes open on loopback, no MQTT, no POST /model. */
  public static LiveView start(BindAddress address, DigitModel predictModel, ReadMode predictMode,
      float minConfidence, Roi roi, FrameSource source, TriggerGate gate, Consumer<String> log) {
    return start(address, predictModel, predictMode, minConfidence, roi, source, gate,
        WriteAccess.open(), null, null, log);
  }

  /**
   * Starts serving on {@code address} and logs the URL as {@code live view: URL}.
   *
   * @param predictModel a model of its own for {@code POST /predict}; closed with the view
   * @param predictMode what {@code POST /predict} reads unless the request says
   * @param minConfidence digits of a number under this probability read as {@code ?}
   * @param roi the loop's region of interest, null for the whole frame
   * @param access who may use the write endpoints ({@code POST /trigger}, {@code POST /model})
   * @param mqtt the MQTT sink's counters for {@code /metrics}, or null without {@code --mqtt}
   * @param installer what {@code POST /model} installs with, or null when the run uses --model
   */
  public static LiveView start(BindAddress address, DigitModel predictModel, ReadMode predictMode,
      float minConfidence, Roi roi, FrameSource source, TriggerGate gate, WriteAccess access,
      Metrics.MqttCounters mqtt, ModelInstaller installer,
      Consumer<String> log) {
    LiveState state = new LiveState(roi, gate::mode, System::nanoTime);
    Metrics metrics = new Metrics(source::restarts, mqtt);
    PredictHandler predict = new PredictHandler(predictModel, predictMode, minConfidence);
    LiveServer server;
    try {
      server = LiveServer.start(address, state, metrics, predict, gate, access, installer, log);
    } catch (RuntimeException e) {
      predict.close();
      throw e;
    }
    log.accept("live view: " + server.url()
        + (address.allInterfaces() ? " (listening on all interfaces)" : "") + " (" + access + ")");
    return new LiveView(state, metrics, predict, server);
  }

  /** What the run loop tells. */
  public List<FrameListener> listeners() {
    return List.of(state, metrics);
  }

  public String url() {
    return server.url();
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      predict.close();
    }
  }
}
