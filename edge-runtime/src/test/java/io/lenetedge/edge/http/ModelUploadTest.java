package io.lenetedge.edge.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.edge.TestModels;
import io.lenetedge.edge.model.ModelInstaller;
import io.lenetedge.edge.model.ModelStore;
import io.lenetedge.edge.run.TriggerGate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /model}: install-model over HTTP, behind the write access. */
class ModelUploadTest {
  static final HttpClient CLIENT = HttpClient.newHttpClient();
  @TempDir Path dir;

  private static HttpResponse<String> post(LiveServer server, String query, byte[] body, String token)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url()).resolve("/model" + query))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aGoodUploadIsInstalledAndABadOneChangesNothing() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "upload-token-0123456789");
    ModelStore store = ModelStore.at(dir.resolve("models"));
    byte[] shipped = Files.readAllBytes(TestModels.SHIPPED);
    TriggerGate gate = new TriggerGate(TriggerGate.Mode.CONTINUOUS, 5);
    LiveState state = new LiveState(null, gate::mode, System::nanoTime);
    try (LiveServer server = LiveServer.start(BindAddress.parse("127.0.0.1:0"), state,
        new Metrics(() -> 0), ex -> { }, gate, WriteAccess.of(token, BindAddress.parse("127.0.0.1:0")),
        new ModelInstaller(store, ModelInstaller.DEFAULT_MARGIN), line -> { })) {
      assertEquals(401, post(server, "", shipped, null).statusCode());
      assertTrue(store.current().isEmpty(), "installed without the token");
      HttpResponse<String> junk = post(server, "", "not a model".getBytes(), "upload-token-0123456789");
      assertEquals(422, junk.statusCode(), junk.body());
      assertTrue(junk.body().contains("\"installed\":false"), junk.body());
      HttpResponse<String> wrongSha = post(server, "?sha256=" + "ab".repeat(32), shipped, "upload-token-0123456789");
      assertEquals(422, wrongSha.statusCode(), wrongSha.body());
      assertTrue(store.current().isEmpty(), "a refused upload changed the store");
      HttpResponse<String> ok = post(server, "", shipped, "upload-token-0123456789");
      assertEquals(200, ok.statusCode(), ok.body());
      assertTrue(ok.body().contains("\"check\":\"180 of 180"), ok.body());
      assertArrayEquals(shipped, Files.readAllBytes(store.current().orElseThrow()));
    }
  }

  @Test
  void aRunWithItsOwnModelFileSaysWhereModelsGo() throws Exception {
    TriggerGate gate = new TriggerGate(TriggerGate.Mode.CONTINUOUS, 5);
    LiveState state = new LiveState(null, gate::mode, System::nanoTime);
    try (LiveServer server = LiveServer.start(BindAddress.parse("127.0.0.1:0"), state,
        new Metrics(() -> 0), ex -> { }, gate, WriteAccess.open(), null, line -> { })) {
      HttpResponse<String> r = post(server, "", new byte[] {1, 2, 3}, null);
      assertEquals(409, r.statusCode());
      assertTrue(r.body().contains("--model FILE"), r.body());
    }
  }
}
