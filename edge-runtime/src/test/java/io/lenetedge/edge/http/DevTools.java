package io.lenetedge.edge.http;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A minimal Chrome DevTools protocol client over the JDK's WebSocket: commands and their replies. */
final class DevTools implements AutoCloseable {
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final WebSocket socket;

  private DevTools(String url) {
    socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
        .buildAsync(URI.create(url), new Listener()).join();
  }

  /** Connects to the browser endpoint Chromium prints as {@code DevTools listening on ws://...}. */
  static DevTools connect(String url) {
    return new DevTools(url);
  }

  /** Sends {@code method} to {@code session} (null: the browser) and returns its result. */
  JsonObject send(String session, String method, JsonObject params) throws Exception {
    int id = ids.incrementAndGet();
    JsonObject msg = new JsonObject();
    msg.addProperty("id", id);
    msg.addProperty("method", method);
    msg.add("params", params == null ? new JsonObject() : params);
    if (session != null) {
      msg.addProperty("sessionId", session);
    }
    CompletableFuture<JsonObject> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(msg.toString(), true).get(10, TimeUnit.SECONDS);
    JsonObject r = reply.get(30, TimeUnit.SECONDS);
    if (r.has("error")) {
      throw new IllegalStateException(method + " failed: " + r.get("error"));
    }
    return r.getAsJsonObject("result");
  }

  static JsonObject params(Object... keysAndValues) {
    JsonObject o = new JsonObject();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object v = keysAndValues[i + 1];
      String k = (String) keysAndValues[i];
      if (v instanceof Boolean b) {
        o.addProperty(k, b);
      } else if (v instanceof Number n) {
        o.addProperty(k, n);
      } else {
        o.addProperty(k, String.valueOf(v));
      }
    }
    return o;
  }

  @Override
  public void close() {
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        JsonObject msg = JsonParser.parseString(text.toString()).getAsJsonObject();
        text.setLength(0);
        if (msg.has("id")) {
          CompletableFuture<JsonObject> f = pending.remove(msg.get("id").getAsInt());
          if (f != null) {
            f.complete(msg);
          }
        }
      }
      ws.request(1);
      return null;
    }
  }
}
