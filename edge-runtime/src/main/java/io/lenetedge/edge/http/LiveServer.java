package io.lenetedge.edge.http;

import static io.lenetedge.common.UserError.Kind.FAILED;
import static io.lenetedge.common.UserError.Kind.USAGE;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.lenetedge.common.UserError;
import io.lenetedge.edge.model.ModelInstaller;
import io.lenetedge.edge.run.TriggerGate;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The live view's HTTP server (the JDK's own, on {@value #THREADS} daemon threads): the page and
 * its files, {@code /state.json}, {@code /frame.jpg}, {@code /input.png}, {@code /metrics},
 * {@code /healthz}, {@code POST /predict}, and the write endpoints {@code POST /trigger} and
 * {@code POST /model}. Paths are matched exactly, undecoded; any other is a
 * 404, a wrong method a 405. Requests only read the {@link LiveState}, so a slow client holds up
 * one of these threads, never the run loop.
 */
public final class LiveServer implements AutoCloseable {
  static final int THREADS = 4;
  private static final int BACKLOG = 16;
  private static final Pattern FRAME_QUERY = Pattern.compile("frame=\\d{1,18}");

  /** A path's method and handler; {@code writes}: it changes the running service. */
  private record Route(String method, HttpHandler handler, boolean writes) {
    Route(String method, HttpHandler handler) {
      this(method, handler, false);
    }
  }

  private final HttpServer server;
  private final ExecutorService pool;
  private final Map<String, Route> routes = new HashMap<>();
  private final Metrics metrics;
  private final Consumer<String> log;
  private final String url;
  private final WriteAccess access;

  private LiveServer(HttpServer server, ExecutorService pool, BindAddress address, Metrics metrics,
      WriteAccess access, Consumer<String> log) {
    this.access = access;
    this.server = server;
    this.pool = pool;
    this.metrics = metrics;
    this.log = log;
    this.url = address.url(server.getAddress().getPort());
  }

  /**
   * Listens on {@code address} and serves {@code state}, {@code metrics} and predictions from
   * {@code predict}; failures of requests are logged to {@code log} as one line.
   *
   * @throws UserError (USAGE) when the address cannot be listened on
   */
  public static LiveServer start(BindAddress address, LiveState state, Metrics metrics,
      HttpHandler predict, Consumer<String> log) {
    return start(address, state, metrics, predict, null, WriteAccess.open(), null, log);
  }

  /**
   * As {@link #start(BindAddress, LiveState, Metrics, HttpHandler, Consumer)}, and {@code POST
   * /trigger} presses {@code gate} (a button on the page, for boards without the GPIO one),
   * {@code POST /model} installs an uploaded model with {@code installer} (null: the run uses
   * {@code --model FILE}, and the endpoint says so); both write endpoints answer only as
   * {@code access} allows.
   */
  public static LiveServer start(BindAddress address, LiveState state, Metrics metrics,
      HttpHandler predict, TriggerGate gate, WriteAccess access,
      ModelInstaller installer, Consumer<String> log) {
    boundExchangeTimes();
    HttpServer server;
    try {
      server = HttpServer.create(address.socketAddress(), BACKLOG);
    } catch (BindException e) {
      throw new UserError(USAGE, "--http " + address + ": cannot listen there ("
          + e.getMessage() + "); choose another port, or 0 for any free one", e);
    } catch (IOException e) {
      throw new UserError(FAILED, "--http " + address + ": cannot start the live view ("
          + e.getMessage() + ")", e);
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, daemonThreads());
    LiveServer live = new LiveServer(server, pool, address, metrics, access, log);
    live.addRoutes(state, predict);
    live.routes.put("/trigger", new Route("POST", ex -> trigger(ex, gate), true));
    live.routes.put("/model", new Route("POST", new ModelUploadHandler(installer, log), true));
    server.createContext("/", live::dispatch);
    server.setExecutor(pool);
    server.start();
    return live;
  }

  /**
   * A client that sends its request or takes its response slower than this is cut off, so slow
   * or stalled clients cannot hold the server's threads for ever (the JDK server reads these
   * once, when it is first used; a value set on the command line wins).
   */
  private static void boundExchangeTimes() {
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", "10");
    }
    if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
      System.setProperty("sun.net.httpserver.maxRspTime", "30");
    }
  }

  /** The page's URL, with the port actually bound. */
  public String url() {
    return url;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void addRoutes(LiveState state, HttpHandler predict) {
    StaticAssets.load().forEach((path, asset) -> get(path,
        ex -> Responses.send(ex, 200, asset.contentType(), asset.bytes())));
    FrameImages images = new FrameImages(state);
    get("/state.json", ex -> Responses.json(ex, 200, StateJson.of(state.snapshot())));
    get("/frame.jpg", ex -> {
      byte[] jpeg = images.frameJpeg(frameParameter(ex.getRequestURI().getRawQuery()));
      if (jpeg == null) {
        Responses.text(ex, 503, "no frame yet");
      } else {
        Responses.send(ex, 200, "image/jpeg", jpeg);
      }
    });
    get("/input.png", ex -> Responses.send(ex, 200, "image/png", images.inputPng(
        frameParameter(ex.getRequestURI().getRawQuery()))));
    get("/metrics", ex -> Responses.send(ex, 200, Metrics.CONTENT_TYPE,
        metrics.text().getBytes(StandardCharsets.UTF_8)));
    get("/healthz", ex -> {
      LiveState.Health h = state.health();
      Responses.text(ex, h.ok() ? 200 : 503, h.reason());
    });
    routes.put("/predict", new Route("POST", predict));
  }

  /** {@code N} of a query {@code frame=N}; empty for any other query. */
  static OptionalLong frameParameter(String query) {
    if (query == null || !FRAME_QUERY.matcher(query).matches()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(query.substring("frame=".length())));
  }

  /** {@code POST /trigger}: 202 when the press armed the gate, 409 when it cannot. */
  private static void trigger(HttpExchange ex, TriggerGate gate) throws IOException {
    if (gate == null || gate.mode() != TriggerGate.Mode.TRIGGER) {
      Responses.json(ex, 409, "{\"armed\":false,\"reason\":\"not in trigger mode (run --mode trigger,"
          + " or hold the GPIO button)\"}");
    } else if (gate.press()) {
      Responses.json(ex, 202, "{\"armed\":true}");
    } else {
      Responses.json(ex, 409, "{\"armed\":false,\"reason\":\"already waiting for a decision\"}");
    }
  }

  private void get(String path, HttpHandler handler) {
    routes.put(path, new Route("GET", handler));
  }

  private void dispatch(HttpExchange ex) throws IOException {
    try {
      Route route = routes.get(ex.getRequestURI().getRawPath());
      if (route == null) {
        Responses.text(ex, 404, "not found; see / for the live view");
        return;
      }
      if (!route.method().equals(ex.getRequestMethod())) {
        ex.getResponseHeaders().set("Allow", route.method());
        Responses.text(ex, 405, ex.getRequestMethod() + " not allowed; use " + route.method());
        return;
      }
      if (route.writes() && !allowed(ex)) {
        return;
      }
      route.handler().handle(ex);
    } catch (RuntimeException e) {
      metrics.error();
      log.accept("live view: " + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath()
          + " failed: " + e);
      answerFailure(ex, e);
    } finally {
      ex.close();
    }
  }

  /** Whether a write request may go on; if not, it has been answered (401 or 403). */
  private boolean allowed(HttpExchange ex) throws IOException {
    WriteAccess.Verdict verdict = access.check(ex.getRequestHeaders().getFirst("Authorization"));
    if (verdict != WriteAccess.Verdict.ALLOWED) {
      // read what the client is still sending (a model upload), so that it gets the answer
      // instead of a reset connection (the server cuts a request off after 10 s)
      try (java.io.InputStream in = ex.getRequestBody()) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      } catch (IOException ignored) {
        // the answer below still goes out
      }
    }
    switch (verdict) {
      case ALLOWED -> {
        return true;
      }
      case UNAUTHORIZED -> {
        ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"lenet-edge\"");
        Responses.text(ex, 401, "this endpoint needs Authorization: Bearer TOKEN (the token of"
            + " --http-token-file)");
        return false;
      }
      default -> {
        Responses.text(ex, 403, "write endpoints are off: this server listens beyond loopback"
            + " without --http-token-file; restart it with --http-token-file FILE and send"
            + " Authorization: Bearer TOKEN");
        return false;
      }
    }
  }

  private static void answerFailure(HttpExchange ex, RuntimeException e) {
    try {
      Responses.text(ex, 500, "internal error: " + e.getMessage());
    } catch (IOException | RuntimeException alreadyAnswering) {
      // headers were sent before the failure: the client sees a cut-off answer
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "live-view-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
