package io.lenetedge.edge.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.lenetedge.edge.image.GrayImage;
import io.lenetedge.edge.image.ImageException;
import io.lenetedge.edge.image.ImageFiles;
import io.lenetedge.edge.image.MnistStyle;
import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.Scores;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * {@code POST /predict}: the digit in the image of the request body, prepared as {@code classify}
 * prepares files, on its own model (never the loop's), one request at a time. The body is bounded
 * to {@link #MAX_BODY_BYTES} (413 beyond) and the image to {@link #MAX_SIDE} pixels a side (400);
 * an unreadable image is a 400 with the reason.
 */
final class PredictHandler implements HttpHandler, AutoCloseable {
  static final int MAX_BODY_BYTES = 4 << 20;
  static final int MAX_SIDE = 4096;

  private final DigitModel model;

  /** @param model a model for this handler only, used and closed under this handler's lock */
  PredictHandler(DigitModel model) {
    this.model = model;
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
    GrayImage image;
    try {
      image = ImageFiles.decode(body, "request body", MAX_SIDE);
    } catch (ImageException e) {
      Responses.text(ex, 400, e.getMessage());
      return;
    }
    Responses.json(ex, 200, predict(image));
  }

  private Object predict(GrayImage image) {
    Optional<MnistStyle.Prepared> prepared = MnistStyle.prepare(image);
    if (prepared.isEmpty()) {
      return StateJson.prediction(null, -1);
    }
    Scores scores;
    synchronized (this) {
      scores = model.classify(prepared.get().input());
    }
    return StateJson.prediction(scores.probabilities(), scores.best());
  }

  /** Closes the model once no request is using it. */
  @Override
  public synchronized void close() {
    model.close();
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
