package io.lenetedge.edge.cli;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import io.lenetedge.edge.BuildInfo;
import io.lenetedge.edge.gpio.GpioBoard;
import io.lenetedge.edge.gpio.GpioSettings;
import io.lenetedge.edge.http.BindAddress;
import io.lenetedge.edge.http.LiveView;
import io.lenetedge.edge.http.Metrics;
import io.lenetedge.edge.http.WriteAccess;
import io.lenetedge.edge.mqtt.DiscoveryConfig;
import io.lenetedge.edge.mqtt.MqttSettings;
import io.lenetedge.edge.mqtt.MqttSink;
import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.EmbeddedPageModels;
import io.lenetedge.edge.model.ModelInstaller;
import io.lenetedge.edge.model.ModelStore;
import io.lenetedge.edge.model.SwappingClassifier;
import io.lenetedge.edge.read.FrameReader;
import io.lenetedge.edge.read.Preparation;
import io.lenetedge.edge.read.ReadMode;
import io.lenetedge.edge.run.Decider;
import io.lenetedge.edge.run.FrameListener;
import io.lenetedge.edge.run.FramePipeline;
import io.lenetedge.edge.run.MeterGuard;
import io.lenetedge.edge.run.PrintPolicy;
import io.lenetedge.image.Roi;
import io.lenetedge.edge.run.RunLoop;
import io.lenetedge.edge.run.SampleSaver;
import io.lenetedge.edge.run.TriggerGate;
import io.lenetedge.edge.source.FrameSource;
import io.lenetedge.edge.source.PacedSource;
import io.lenetedge.edge.source.SourceSpec;
import io.lenetedge.edge.source.Sources;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code run}: the camera loop. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Read frames from a camera, video, folder, raw stream or the bundled demo, and"
        + " print one JSON line per frame: {\"frame\":N,\"digit\":D|null,\"confidence\":P,"
        + "\"latency_us\":{...}}; with --read number \"text\" and \"lines\" instead of the"
        + " digit, with --digits \"value\", \"raw\" and \"status\". Logs and the closing"
        + " summary go to stderr. Every option can also"
        + " come from a properties file (--config, default " + ConfigFile.DEFAULT_PATH
        + " when present; keys are the option names without dashes); the command line wins.")
public final class RunCommand implements Callable<Integer> {
  /** The most digits of a frame classified in one inference call. */
  static final int BATCH = 32;

  @Spec CommandSpec spec;
  @Mixin ModelOptions model;
  @Mixin GpioOptions gpio;
  @Mixin ReadOptions reading;
  @Mixin MqttOptions mqtt;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Read options from this properties file (default: " + ConfigFile.DEFAULT_PATH
          + " if it exists).")
  Path config;

  /** What {@code --source} takes, for the help of run and bench. */
  static final String SOURCES = "rpicam[:WxH[@FPS]], v4l2[:DEVICE[:WxH]], gst:PIPELINE, video:FILE,"
      + " images:DIR, raw:FILE:WxH, raw:-:WxH or demo";

  @Option(names = "--source", required = true, paramLabel = "SPEC", description = SOURCES + ".")
  String source;

  @Option(names = "--smooth", defaultValue = "1",
      description = "Average the probabilities of the last k frames; for numbers, decide a text"
          + " only when most of the last k frames read it (default: ${DEFAULT-VALUE}).")
  int smooth;

  @Option(names = "--monotonic",
      description = "Meter mode: reject a value lower than the last good one.")
  boolean monotonic;

  @Option(names = "--max-rate", paramLabel = "R",
      description = "Meter mode: reject a value that changed by more than R per minute since the"
          + " last good one.")
  Double maxRate;

  @Option(names = "--max-unknown", paramLabel = "K",
      description = "Meter mode: accept up to K unsure digits, taken from the last good value"
          + " (default: 0).")
  Integer maxUnknown;

  @Option(names = "--max-frames", defaultValue = "0", description = "Stop after N frames (0: at the end of the source).")
  long maxFrames;

  @Option(names = "--max-restarts", defaultValue = "3",
      description = "Restart a dying camera program this many times, with back-off (default: ${DEFAULT-VALUE}).")
  int maxRestarts;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "continuous",
      description = "${COMPLETION-CANDIDATES}. continuous: decide on every frame; trigger: one"
          + " decision per button press (long press on the GPIO button switches) (default:"
          + " ${DEFAULT-VALUE}).")
  TriggerGate.Mode mode;

  @Option(names = "--print", paramLabel = "WHICH", defaultValue = "every",
      description = "${COMPLETION-CANDIDATES}: JSON lines for every processed frame, only when the"
          + " decided digit changes (a service writing to the journal), or none (default:"
          + " ${DEFAULT-VALUE}).")
  PrintPolicy.Mode print;

  @Option(names = "--trigger-frames", defaultValue = "30",
      description = "In trigger mode, give up with \"no digit\" after this many frames (default: ${DEFAULT-VALUE}).")
  int triggerFrames;

  @Option(names = "--http", paramLabel = "[HOST:]PORT",
      description = "Serve a live view (/), /metrics, /healthz and POST /predict on PORT of"
          + " 127.0.0.1, or of HOST when given (0.0.0.0 or [::] for all interfaces; port 0 for any"
          + " free one). The URL is logged on stderr.")
  String http;

  @Option(names = "--http-token-file", paramLabel = "FILE",
      description = "Write endpoints of the live view (POST /trigger) need Authorization: Bearer"
          + " TOKEN with the token in FILE (one word, 16+ characters). Without it they are open on"
          + " loopback and off when --http listens beyond it.")
  Path httpTokenFile;

  @Option(names = "--save-samples", paramLabel = "DIR",
      description = "Keep the model inputs of decided digits as 28x28 PNGs in DIR/0 ... DIR/9,"
          + " under the digit read: move the misread ones, then train on DIR (trainer finetune"
          + " --extra DIR). A value is kept when it changes, and again every 5 s.")
  Path saveSamples;

  @Option(names = "--save-samples-max", paramLabel = "N", defaultValue = "1000",
      description = "Stop saving once DIR holds N samples (default: ${DEFAULT-VALUE}).")
  int saveSamplesMax;

  @Option(names = "--save-samples-max-mb", paramLabel = "MB", defaultValue = "20",
      description = "Stop saving once the samples in DIR take MB megabytes (default: ${DEFAULT-VALUE}).")
  double saveSamplesMaxMb;

  @Option(names = "--fps", paramLabel = "N",
      description = "Read at most N frames a second, e.g. to watch the demo in the live view.")
  Double fps;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SourceSpec sourceSpec = SourceSpec.parse(source);
    Preparation preparation = reading.preparation();
    Decider decider = decider();
    Roi region = reading.region();
    if (maxFrames < 0 || maxRestarts < 0) {
      throw new UserError(USAGE, "--max-frames and --max-restarts must be 0 or more");
    }
    TriggerGate gate = new TriggerGate(mode, triggerFrames);
    PrintPolicy printing = new PrintPolicy(print);
    GpioSettings wiring = gpio.settings();
    if (gate.mode() == TriggerGate.Mode.TRIGGER && (wiring == null || wiring.button() < 0)
        && http == null) {
      throw new UserError(USAGE, "--mode trigger takes one decision per button press and"
          + " needs a button: add --gpio (with --gpio-button, default 12) or --http (a button on"
          + " the live page, POST /trigger), or use --mode continuous");
    }
    BindAddress httpAddress = http == null ? null : BindAddress.parse(http);
    if (httpTokenFile != null && httpAddress == null) {
      throw new UserError(USAGE, "--http-token-file needs --http (it guards the live"
          + " view's write endpoints)");
    }
    WriteAccess access = httpAddress == null ? null : WriteAccess.of(httpTokenFile, httpAddress);
    MqttSettings broker = mqtt.settings();
    SampleSaver.Limits sampleLimits = sampleLimits();
    UnaryOperator<FrameSource> paced = fps == null ? UnaryOperator.identity() : PacedSource.at(fps);
    CountDownLatch cleanedUp = new CountDownLatch(1);
    Thread hook = null;
    try (DigitModel m = model.open(BATCH, err);
        EmbeddedPageModels pageModels = model.openPageModels(reading.pageModelMode(), BATCH);
        SwappingClassifier swapping = !model.installed() ? null : new SwappingClassifier(m,
            ModelStore.at(null), file -> model.open(file, BATCH), line -> log(err, line),
            System::nanoTime);
        FrameSource frames = paced.apply(Sources.open(sourceSpec, maxRestarts, line -> log(err, line)));
        GpioBoard board = wiring == null ? null
            : GpioBoard.open(wiring, gate, frames::restarts, line -> log(err, line));
        MqttSink sink = broker == null ? null : MqttSink.start(broker, DiscoveryConfig.messages(
            broker, reading.mode(), reading.meter(), BuildInfo.get("version")),
            line -> log(err, line));
        LiveView live = httpAddress == null ? null : LiveView.start(httpAddress,
            model.open(BATCH, line -> { }), reading.meter() ? ReadMode.DIGIT : reading.mode(),
            reading.minConfidence, region, frames, gate, access, sink == null ? null
                : new Metrics.MqttCounters(sink::published, sink::dropped, sink::connected),
            model.installed() ? new ModelInstaller(ModelStore.at(null), ModelInstaller.DEFAULT_MARGIN) : null,
            line -> log(err, line));
        SampleSaver samples = saveSamples == null ? null : SampleSaver.open(saveSamples,
            sampleLimits, System::nanoTime, line -> log(err, line))) {
      log(err, "source: " + frames.describe() + (gate.mode() == TriggerGate.Mode.TRIGGER
          ? " (trigger mode: one decision per button press)" : ""));
      List<FrameListener> listeners = new ArrayList<>();
      if (board != null) {
        listeners.add(board);
      }
      if (live != null) {
        listeners.addAll(live.listeners());
      }
      if (samples != null) {
        listeners.add(samples);
      }
      if (sink != null) {
        listeners.add(sink);
      }
      FramePipeline pipeline = new FramePipeline(new FrameReader(preparation,
          swapping != null ? swapping : m, pageModels.models(), reading.minConfidence), decider);
      RunLoop loop = new RunLoop(frames, pipeline, out, err, maxFrames, gate, listeners)
          .printing(printing);
      hook = new Thread(() -> {
        loop.stop(2000);
        if (!awaitQuietly(cleanedUp, 2000) && board != null) {
          board.close();
        }
      }, "run-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      loop.run();
    } finally {
      cleanedUp.countDown();
      if (hook != null) {
        removeHook(hook);
      }
    }
    return 0;
  }

  /** The bounds of --save-samples, checked even when it is not given. */
  private SampleSaver.Limits sampleLimits() {
    if (saveSamplesMax < 1 || !(saveSamplesMaxMb > 0)) {
      throw new UserError(USAGE, "--save-samples-max and --save-samples-max-mb must be"
          + " more than 0 (got " + saveSamplesMax + " and " + saveSamplesMaxMb + ")");
    }
    return new SampleSaver.Limits(saveSamplesMax, (long) (saveSamplesMaxMb * 1048576),
        SampleSaver.Limits.DEFAULT.repeatNanos());
  }

  /**
   * The decision step: a meter's guards with {@code --digits}, else smoothing of digits or texts.
   *
   * @throws UserError (USAGE) for guards without {@code --digits}
   */
  private Decider decider() {
    if (!reading.meter()) {
      if (monotonic || maxRate != null || maxUnknown != null) {
        throw new UserError(USAGE, "--monotonic, --max-rate and --max-unknown guard a"
            + " meter's value: add --digits x,y,w,h;... with one window per digit");
      }
      return switch (reading.mode()) {
        case DIGIT -> Decider.digit(smooth, reading.minConfidence);
        case NUMBER -> Decider.number(smooth);
        case AUTO -> Decider.auto(smooth, reading.minConfidence);
      };
    }
    if (smooth != 1) {
      throw new UserError(USAGE, "--smooth does not apply to a meter; its guards"
          + " (--monotonic, --max-rate, --max-unknown) decide which reads to take");
    }
    return Decider.meter(new MeterGuard(reading.decimals(), monotonic, maxRate,
        maxUnknown == null ? 0 : maxUnknown));
  }

  /**
   * Waits for the main thread to release everything; false when it is still blocked (a source that
   * does not wake on close, such as stdin), and the hook must darken the board itself.
   */
  private static boolean awaitQuietly(CountDownLatch latch, long millis) {
    try {
      return latch.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting because of a signal: the hook is running and stops the loop
    }
  }

  private static void log(PrintWriter err, String line) {
    synchronized (err) {
      err.println(line);
      err.flush();
    }
  }
}
