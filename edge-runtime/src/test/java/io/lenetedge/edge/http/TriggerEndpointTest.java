package io.lenetedge.edge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.edge.run.Decision;
import io.lenetedge.edge.run.TriggerGate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code POST /trigger}: the live page's button presses the trigger gate like the GPIO button. */
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
        new Metrics(() -> 0), ex -> { }, gate, line -> { })) {
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
}
