package io.lenetedge.edge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
import io.lenetedge.edge.run.Decision;
import io.lenetedge.edge.run.TriggerGate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /trigger}: the live page's button presses the trigger gate like the GPIO button, and
 * only as the write access allows.
 */
class TriggerEndpointTest {
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static HttpResponse<String> send(LiveServer server, String method) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/trigger"))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aPostArmsTheGateOncePerDecision() throws Exception {
    TriggerGate gate = new TriggerGate(TriggerGate.Mode.TRIGGER, 5);
    LiveState state = new LiveState(null, gate::mode, System::nanoTime);
    try (LiveServer server = LiveServer.start(BindAddress.parse("127.0.0.1:0"), state,
        new Metrics(() -> 0), ex -> { }, gate, WriteAccess.open(), null, line -> { })) {
      assertFalse(gate.wantsFrame());
      HttpResponse<String> first = send(server, "POST");
      assertEquals(202, first.statusCode(), first.body());
      assertEquals("{\"armed\":true}", first.body().strip());
      assertTrue(gate.wantsFrame(), "the press armed the gate");
      HttpResponse<String> again = send(server, "POST");
      assertEquals(409, again.statusCode());
      assertTrue(again.body().contains("already waiting for a decision"), again.body());
      gate.offer(Decision.digit(4, 0.9f));
      assertEquals(202, send(server, "POST").statusCode(), "a new press after the decision");
      assertEquals(405, send(server, "GET").statusCode());
      gate.toggle();
      HttpResponse<String> continuous = send(server, "POST");
      assertEquals(409, continuous.statusCode());
      assertTrue(continuous.body().contains("not in trigger mode"), continuous.body());
    }
  }

  private static HttpResponse<String> post(LiveServer server, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/trigger"))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static LiveServer serve(String address, WriteAccess access, TriggerGate gate) {
    LiveState state = new LiveState(null, gate::mode, System::nanoTime);
    return LiveServer.start(BindAddress.parse(address), state, new Metrics(() -> 0), ex -> { }, gate,
        access, null, line -> { });
  }

  @Test
  void withATokenFileOnlyTheBearerOfTheTokenMayPress(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "s3cr3t-t0ken-0123456789\n");
    TriggerGate gate = new TriggerGate(TriggerGate.Mode.TRIGGER, 5);
    try (LiveServer server = serve("127.0.0.1:0", WriteAccess.of(file, BindAddress.parse("127.0.0.1:0")), gate)) {
      HttpResponse<String> none = post(server, null);
      assertEquals(401, none.statusCode());
      assertEquals("Bearer realm=\"lenet-edge\"", none.headers().firstValue("WWW-Authenticate").orElseThrow());
      assertEquals(401, post(server, "Bearer s3cr3t-t0ken-0123456780").statusCode());
      assertEquals(401, post(server, "Basic czNjcjN0").statusCode());
      assertFalse(gate.wantsFrame(), "a refused request pressed the gate");
      assertEquals(202, post(server, "Bearer s3cr3t-t0ken-0123456789").statusCode());
      assertTrue(gate.wantsFrame());
      int page = CLIENT.send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/state.json"))
          .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
      assertEquals(200, page, "GET pages need no token");
    }
  }

  @Test
  void beyondLoopbackWithoutATokenWritesAreOff() throws Exception {
    TriggerGate gate = new TriggerGate(TriggerGate.Mode.TRIGGER, 5);
    try (LiveServer server = serve("0.0.0.0:0", WriteAccess.of(null, BindAddress.parse("0.0.0.0:0")), gate)) {
      HttpResponse<String> r = post(server, null);
      assertEquals(403, r.statusCode());
      assertTrue(r.body().contains("--http-token-file"), r.body());
      assertFalse(gate.wantsFrame());
    }
    assertEquals(WriteAccess.Verdict.ALLOWED, WriteAccess.of(null, BindAddress.parse("127.0.0.1:0")).check(null));
  }

  @Test
  void aMissingShortOrSpacedTokenIsAUsageError(@TempDir Path dir) throws Exception {
    BindAddress any = BindAddress.parse("0.0.0.0:0");
    UserError missing = assertThrows(UserError.class,
        () -> WriteAccess.of(dir.resolve("nope"), any));
    assertEquals(UserError.Kind.USAGE, missing.kind());
    assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
    Path shortToken = Files.writeString(dir.resolve("short"), "abc");
    assertThrows(UserError.class, () -> WriteAccess.of(shortToken, any));
    Path spaced = Files.writeString(dir.resolve("spaced"), "one two three four five six");
    assertThrows(UserError.class, () -> WriteAccess.of(spaced, any));
  }
}
