package io.lenetedge.edge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.ExecutionProvider;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelOverrides;
import io.lenetedge.edge.read.FrameReader;
import io.lenetedge.edge.run.Decider;
import io.lenetedge.edge.run.FramePipeline;
import io.lenetedge.edge.run.FrameResult;
import io.lenetedge.edge.read.Preparations;
import io.lenetedge.edge.read.ReadMode;
import io.lenetedge.edge.run.TriggerGate;
import io.lenetedge.edge.source.DemoSource;
import io.lenetedge.edge.source.Frame;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every endpoint of the live view over real HTTP, against a state fed with the demo clip. */
class LiveServerTest {
  /** A frame of the demo that shows a 7. */
  static final int SEVEN = 7 * (DemoSource.HOLD + DemoSource.GAP) + 2;

  static final HttpClient CLIENT = HttpClient.newHttpClient();
  static final AtomicLong CLOCK = new AtomicLong(1_000_000_000L);
  static DigitModel loopModel;
  static LiveState state;
  static Metrics metrics;
  static LiveServer server;
  static LiveServer empty;
  static PredictHandler predict;
  static final List<Frame> FRAMES = new ArrayList<>();
  static FrameResult last;

  @BeforeAll
  static void feedTheDemoAndServe() {
    loopModel = open();
    state = new LiveState(null, () -> TriggerGate.Mode.CONTINUOUS, CLOCK::get);
    metrics = new Metrics(() -> 0);
    FramePipeline pipeline = new FramePipeline(new FrameReader(Preparations.digit(null), loopModel, 0.6f), Decider.digit(1, 0.6f));
    try (DemoSource demo = DemoSource.open()) {
      for (int i = 0; i <= SEVEN; i++) {
        Frame f = demo.next();
        FRAMES.add(f);
        last = pipeline.process(f, 0);
        for (var l : List.of(state, metrics)) {
          l.onFrame(f, last);
          l.onDecision(last.decision());
        }
      }
    }
    predict = new PredictHandler(open(), ReadMode.DIGIT, 0.6f);
    server = LiveServer.start(BindAddress.parse("0"), state, metrics, predict, line -> { });
    empty = LiveServer.start(BindAddress.parse("127.0.0.1:0"),
        new LiveState(null, () -> TriggerGate.Mode.CONTINUOUS, CLOCK::get), new Metrics(() -> 0),
        predict, line -> { });
  }

  @AfterAll
  static void stop() {
    server.close();
    empty.close();
    predict.close();
    loopModel.close();
  }

  static DigitModel open() {
    return DigitModel.open(ModelFile.load(null), ExecutionProvider.CPU, 1, ModelOverrides.NONE, 1,
        s -> { });
  }

  static HttpResponse<byte[]> get(LiveServer s, String path) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create(s.url()).resolve(path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static HttpResponse<String> post(String path, byte[] body) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create(server.url()).resolve(path))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** Sends {@code head} as it is (no client normalises it) and returns the status line. */
  static String raw(String head) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c >= 0 && c != '\r' && c != '\n'; c = in.read()) {
        line.append((char) c);
      }
      return line.toString();
    }
  }

  static byte[] png(BufferedImage img) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  static BufferedImage gray(Frame f) {
    var img = new BufferedImage(f.image().width(), f.image().height(), BufferedImage.TYPE_BYTE_GRAY);
    img.getRaster().setDataElements(0, 0, f.image().width(), f.image().height(), f.image().pixels());
    return img;
  }

  @Test
  void thePageAndItsFilesAreServed() throws Exception {
    HttpResponse<byte[]> page = get(server, "/");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    assertTrue(text(page).contains("id=\"digit\"") && text(page).contains("id=\"frame\""), text(page));
    HttpResponse<byte[]> js = get(server, "/live.js");
    assertEquals(200, js.statusCode());
    assertTrue(text(js).contains("/state.json"), text(js));
    assertEquals(200, get(server, "/live.css").statusCode());
  }

  @Test
  void stateJsonDescribesTheLatestProcessedFrame() throws Exception {
    HttpResponse<byte[]> r = get(server, "/state.json");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    JsonObject s = JsonParser.parseString(text(r)).getAsJsonObject();
    assertEquals(SEVEN, s.get("frame").getAsInt());
    assertEquals(7, s.get("digit").getAsInt(), s.toString());
    assertEquals(last.decision().confidence(), s.get("confidence").getAsFloat(), 5e-5, "rounded to 4 decimals as in the JSON lines");
    JsonArray p = s.getAsJsonArray("probabilities");
    assertEquals(10, p.size());
    double sum = 0;
    for (int d = 0; d < 10; d++) {
      assertEquals(last.probabilities()[d], p.get(d).getAsFloat(), 1e-5);
      sum += p.get(d).getAsDouble();
    }
    assertEquals(1.0, sum, 1e-3);
    JsonObject box = s.getAsJsonObject("box");
    assertEquals(last.prepared().x(), box.get("x").getAsInt());
    assertEquals(last.prepared().height(), box.get("height").getAsInt());
    assertEquals(DemoSource.WIDTH, s.getAsJsonObject("roi").get("width").getAsInt());
    assertTrue(s.getAsJsonObject("latency_us").get("p99").getAsDouble()
        >= s.getAsJsonObject("latency_us").get("p50").getAsDouble(), s.toString());
    assertEquals("continuous", s.get("mode").getAsString());
  }

  @Test
  void frameJpegIsTheFrameWithItsBoxes() throws Exception {
    HttpResponse<byte[]> r = get(server, "/frame.jpg");
    assertEquals(200, r.statusCode());
    assertEquals("image/jpeg", r.headers().firstValue("Content-Type").orElseThrow());
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
    assertNotNull(img, "decodes as an image");
    assertEquals(DemoSource.WIDTH, img.getWidth());
    assertEquals(DemoSource.HEIGHT, img.getHeight());
    int rgb = img.getRGB(last.prepared().x() + last.prepared().width() / 2, last.prepared().y());
    int red = rgb >> 16 & 0xFF;
    int blue = rgb & 0xFF;
    assertTrue(red > 180 && blue < 100, "the digit's box is orange at its top edge: " + Integer.toHexString(rgb));
    assertTrue(get(server, "/frame.jpg").body().length == r.body().length, "the same frame is encoded once");
  }

  @Test
  void inputPngIsTheModelInputEnlarged() throws Exception {
    HttpResponse<byte[]> r = get(server, "/input.png");
    assertEquals(200, r.statusCode());
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
    int side = 28 * FrameImages.INPUT_SCALE;
    assertEquals(side, img.getWidth());
    assertEquals(side, img.getHeight());
    float[] input = last.prepared().input();
    for (int i = 0; i < input.length; i += 13) {
      int x = (i % 28) * FrameImages.INPUT_SCALE + 3;
      int y = (i / 28) * FrameImages.INPUT_SCALE + 3;
      assertEquals(Math.round(input[i] * 255), img.getRaster().getSample(x, y, 0), 1, "pixel " + i);
    }
  }

  @Test
  void picturesOfAnEarlierFrameCanBeAskedForWhileItIsKept() throws Exception {
    long blank = SEVEN - 3;
    assertEquals(-1, DemoSource.digitAt(blank));
    BufferedImage input = ImageIO.read(new ByteArrayInputStream(get(server, "/input.png?frame=" + blank).body()));
    BufferedImage latest = ImageIO.read(new ByteArrayInputStream(get(server, "/input.png?frame=x").body()));
    assertEquals(0, brightest(input), "no digit in frame " + blank);
    float ink = 0;
    for (float v : last.prepared().input()) {
      ink = Math.max(ink, v);
    }
    assertEquals(Math.round(ink * 255), brightest(latest), "the latest frame's digit");
    BufferedImage old = ImageIO.read(new ByteArrayInputStream(get(server, "/frame.jpg?frame=" + blank).body()));
    int mid = old.getRGB(DemoSource.WIDTH / 2, DemoSource.HEIGHT / 2);
    assertTrue(Math.abs((mid >> 16 & 0xFF) - (mid & 0xFF)) < 20, "blank paper, no box: " + Integer.toHexString(mid));
  }

  static int brightest(BufferedImage img) {
    int max = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        max = Math.max(max, img.getRaster().getSample(x, y, 0));
      }
    }
    return max;
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(value = {"frame=12, 12", "frame=0, 0", "frame=-1, ", "frame=1&x=2, ",
      "frame=../../x, ", "x=1, ", "frame=99999999999999999999, "}, nullValues = "")
  void onlyAPlainFrameNumberIsTakenFromTheQuery(String query, Long expected) {
    var parsed = LiveServer.frameParameter(query);
    assertEquals(expected == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(expected), parsed);
  }

  @Test
  void metricsCountWhatTheLoopFed() throws Exception {
    HttpResponse<byte[]> r = get(server, "/metrics");
    assertEquals(200, r.statusCode());
    assertEquals(Metrics.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElseThrow());
    var samples = MetricsTest.parse(text(r));
    assertEquals(SEVEN + 1, samples.get("lenet_edge_frames_total"));
    long blanks = FRAMES.stream().filter(f -> DemoSource.digitAt(f.index()) < 0).count();
    assertEquals(blanks, samples.get("lenet_edge_no_digit_frames_total"));
    long sevens = FRAMES.stream().filter(f -> DemoSource.digitAt(f.index()) == 7).count();
    assertEquals(sevens, samples.get("lenet_edge_decisions_total{digit=\"7\"}"));
  }

  @Test
  void healthzIsOkWhileFramesComeAnd503Otherwise() throws Exception {
    HttpResponse<byte[]> ok = get(server, "/healthz");
    assertEquals(200, ok.statusCode());
    assertEquals("ok", text(ok).strip());
    HttpResponse<byte[]> none = get(empty, "/healthz");
    assertEquals(503, none.statusCode());
    assertEquals("no frame yet", text(none).strip());
    assertEquals(503, get(empty, "/frame.jpg").statusCode());
  }

  @Test
  void predictTellsTheDigitOfAnUploadedImage() throws Exception {
    HttpResponse<String> r = post("/predict", png(gray(FRAMES.get(SEVEN))));
    assertEquals(200, r.statusCode(), r.body());
    JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
    assertEquals(7, o.get("digit").getAsInt(), r.body());
    assertEquals(10, o.getAsJsonArray("probabilities").size());
    assertEquals(o.getAsJsonArray("probabilities").get(7).getAsDouble(), o.get("confidence").getAsDouble(), 1e-9);

    HttpResponse<String> blank = post("/predict", png(gray(FRAMES.get(DemoSource.HOLD))));
    assertEquals(200, blank.statusCode());
    assertTrue(JsonParser.parseString(blank.body()).getAsJsonObject().get("digit").isJsonNull(), blank.body());
  }

  @Test
  void predictReadsANumberWhenAsked() throws Exception {
    BufferedImage page;
    try (DemoSource demo = DemoSource.open()) {
      Frame f = demo.next();
      while (f.index() < DemoSource.DIGIT_FRAMES) {
        f = demo.next();
      }
      page = gray(f);
    }
    HttpResponse<String> r = post("/predict?read=number", png(page));
    assertEquals(200, r.statusCode(), r.body());
    JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
    assertEquals(DemoSource.NUMBERS.get(0), o.get("text").getAsString(), r.body());
    assertEquals(4, o.getAsJsonArray("lines").get(0).getAsJsonObject().getAsJsonArray("digits").size());
    HttpResponse<String> asDigit = post("/predict", png(page));
    assertTrue(JsonParser.parseString(asDigit.body()).getAsJsonObject().has("probabilities"),
        "without read= a request reads one digit, as before: " + asDigit.body());
    HttpResponse<String> bad = post("/predict?read=sideways", png(page));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("expected one of [digit, number, auto]"), bad.body());
  }

  @Test
  void predictRejectsGarbageWithAMessage() throws Exception {
    HttpResponse<String> r = post("/predict", "hello, not an image".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("not a PNG, JPEG, BMP or PGM image"), r.body());
    HttpResponse<String> emptyBody = post("/predict", new byte[0]);
    assertEquals(400, emptyBody.statusCode());
    assertTrue(emptyBody.body().contains("empty"), emptyBody.body());
    byte[] cut = java.util.Arrays.copyOf(png(gray(FRAMES.get(SEVEN))), 200);
    HttpResponse<String> truncated = post("/predict", cut);
    assertEquals(400, truncated.statusCode(), truncated.body());
  }

  @Test
  void predictRejectsHugeDimensionsBeforeDecoding() throws Exception {
    byte[] pgm = "P5\n100000 100000\n255\n\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
    HttpResponse<String> r = post("/predict", pgm);
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("100000x100000") && r.body().contains("4096x4096"), r.body());
    HttpResponse<String> wide = post("/predict",
        png(new BufferedImage(PredictHandler.MAX_SIDE + 1, 1, BufferedImage.TYPE_BYTE_GRAY)));
    assertEquals(400, wide.statusCode());
    assertTrue(wide.body().contains("4097x1"), wide.body());
  }

  @Test
  void predictRejectsOversizeBodies() throws Exception {
    String declared = raw("POST /predict HTTP/1.1\r\nHost: x\r\nContent-Length: "
        + (PredictHandler.MAX_BODY_BYTES + 1) + "\r\n\r\n");
    assertTrue(declared.startsWith("HTTP/1.1 413"), declared);
    byte[] big = new byte[PredictHandler.MAX_BODY_BYTES + 1024];
    HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/predict"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(413, r.statusCode(), "chunked, no length: counted while read");
    assertTrue(r.body().contains("4 MiB"), r.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/nope", "/index.html", "/../pom.xml", "/%2e%2e/pom.xml",
      "/live/../../pom.xml", "//etc/passwd", "/live.js/", "/%2Flive.js"})
  void anyOtherPathIsNotFound(String path) throws Exception {
    assertTrue(raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .startsWith("HTTP/1.1 404"), path);
  }

  @Test
  void wrongMethodsAre405WithAllow() throws Exception {
    HttpResponse<String> r = post("/state.json", new byte[1]);
    assertEquals(405, r.statusCode());
    assertEquals("GET", r.headers().firstValue("Allow").orElseThrow());
    HttpResponse<byte[]> g = get(server, "/predict");
    assertEquals(405, g.statusCode());
    assertEquals("POST", g.headers().firstValue("Allow").orElseThrow());
  }
}
