package io.lenetedge.edge.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writing whole responses to an exchange. */
final class Responses {
  static final String TEXT = "text/plain; charset=utf-8";
  static final String JSON = "application/json; charset=utf-8";

  private Responses() {}

  static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    var h = ex.getResponseHeaders();
    h.set("Content-Type", contentType);
    h.set("Cache-Control", "no-store");
    h.set("X-Content-Type-Options", "nosniff");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** A plain-text answer, one line, e.g. an error message. */
  static void text(HttpExchange ex, int status, String message) throws IOException {
    send(ex, status, TEXT, (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static void json(HttpExchange ex, int status, Object json) throws IOException {
    send(ex, status, JSON, (json + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
