package io.lenetedge.edge.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.google.gson.JsonObject;
import io.lenetedge.common.Logits;
import io.lenetedge.common.UserError;
import io.lenetedge.image.GrayImage;
import io.lenetedge.image.ImageFiles;
import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.EmbeddedPageModels;
import io.lenetedge.edge.read.FrameReader;
import io.lenetedge.edge.read.PageModels;
import io.lenetedge.edge.read.Preparations;
import io.lenetedge.edge.read.ReadMode;
import io.lenetedge.edge.read.Reading;
import io.lenetedge.edge.run.Decider;
import io.lenetedge.edge.run.ReadingJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /predict[?read=digit|number|auto]}: what the image of the request body reads, read
 * as {@code classify} reads files, on its own model (never the loop's), one request at a time:
 * {@code {"digit":7,"confidence":0.99,"probabilities":[...]}} for a digit (the most probable,
 * whatever its confidence), or the text, confidence and lines of a number. The body is bounded to
 * {@link #MAX_BODY_BYTES} (413 beyond) and the image to {@link #MAX_SIDE} pixels a side (400); an
 * unreadable image or an unknown {@code read} is a 400 with the reason.
 */
final class PredictHandler implements HttpHandler, AutoCloseable {
  static final int MAX_BODY_BYTES = 4 << 20;
  static final int MAX_SIDE = 4096;

  private static final Pattern READ_QUERY = Pattern.compile("(?:^|&)read=([^&]*)");

  private final DigitModel model;
  private final ReadMode defaultMode;
  private final float minConfidence;
  private final Map<ReadMode, FrameReader> readers = new EnumMap<>(ReadMode.class);
  /** Opened on the first request that reads a number, on the model's provider. */
  private EmbeddedPageModels pageModels;

  /**
   * @param model a model for this handler only, used and closed under this handler's lock
   * @param defaultMode what a request without {@code read=} reads
   * @param minConfidence digits of a number under this probability read as {@code ?}
   */
  PredictHandler(DigitModel model, ReadMode defaultMode, float minConfidence) {
    this.model = model;
    this.defaultMode = defaultMode;
    this.minConfidence = minConfidence;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null && declaredTooLong(length)) {
      tooLarge(ex);
      return;
    }
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      tooLarge(ex);
      return;
    }
    ReadMode mode = mode(ex.getRequestURI().getRawQuery());
    if (mode == null) {
      Responses.text(ex, 400, "unknown read= in " + ex.getRequestURI().getRawQuery()
          + ", expected one of " + Arrays.toString(ReadMode.values()));
      return;
    }
    GrayImage image;
    try {
      image = ImageFiles.decode(body, "request body", MAX_SIDE);
    } catch (UserError e) {
      if (e.kind() != UserError.Kind.INPUT) {
        throw e;
      }
      Responses.text(ex, 400, e.getMessage());
      return;
    }
    Responses.json(ex, 200, predict(image, mode));
  }

  /** The mode a query asks for; null for an unknown one. */
  private ReadMode mode(String query) {
    Matcher m = query == null ? null : READ_QUERY.matcher(query);
    if (m == null || !m.find()) {
      return defaultMode;
    }
    for (ReadMode r : ReadMode.values()) {
      if (r.name().equalsIgnoreCase(m.group(1).toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    return null;
  }

  private synchronized JsonObject predict(GrayImage image, ReadMode mode) {
    if (mode != ReadMode.DIGIT && pageModels == null) {
      pageModels = EmbeddedPageModels.open(model.provider(), 1, 256, line -> { });
    }
    Reading reading = readers.computeIfAbsent(mode, m -> new FrameReader(Preparations.of(m, null),
        model, m == ReadMode.DIGIT ? PageModels.NONE : pageModels.models(), minConfidence))
        .read(image);
    if (mode == ReadMode.DIGIT || mode == ReadMode.AUTO && reading.count() <= 1) {
      return reading.single().map(d -> StateJson.prediction(d.probabilities(),
              Logits.argmax(d.probabilities(), 0, d.probabilities().length)))
          .orElseGet(() -> StateJson.prediction(null, -1));
    }
    JsonObject o = new JsonObject();
    ReadingJson.addDecision(o, Decider.number(1).decide(reading, 0), reading);
    return o;
  }


  /** Closes the models once no request is using them. */
  @Override
  public synchronized void close() {
    model.close();
    if (pageModels != null) {
      pageModels.close();
    }
  }

  private static boolean declaredTooLong(String length) {
    try {
      return Long.parseLong(length.strip()) > MAX_BODY_BYTES;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void tooLarge(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Connection", "close");
    Responses.text(ex, 413, "request body over " + (MAX_BODY_BYTES >> 20)
        + " MiB; send a smaller PNG, JPEG, BMP or PGM image");
  }
}
