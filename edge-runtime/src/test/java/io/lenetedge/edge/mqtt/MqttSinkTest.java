package io.lenetedge.edge.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.edge.read.Reading;
import io.lenetedge.edge.run.Decision;
import io.lenetedge.edge.run.FrameResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The sink without a broker: the loop never waits for it, and what it cannot queue is counted. */
class MqttSinkTest {
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void decide(MqttSink sink, long frame, int digit) {
    Decision d = Decision.digit(digit, 0.9f);
    sink.onFrame(null, new FrameResult(frame, Reading.NONE, d, 0, 0, 0, 0));
    sink.onDecision(d);
  }

  @Test
  void aBrokerThatIsAwayNeverBlocksTheLoopAndOnlyChangesAreQueued() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    MqttSettings s = MqttSettings.of("tcp://127.0.0.1:" + freePort(), "test/away", "none", "edge",
        null, "PASS", Map.of("PASS", "pa55word-secret")::get);
    MqttSink sink = MqttSink.start(s, Map.of(), log::add);
    long t0 = System.nanoTime();
    for (int i = 0; i < 50; i++) {
      decide(sink, i, 5);
    }
    for (int i = 0; i < 30; i++) {
      decide(sink, 50 + i, 6 + i % 2);
    }
    long loopMillis = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(loopMillis < 500, "80 decisions took " + loopMillis + " ms");
    assertEquals(31 - MqttSink.QUEUE, sink.dropped(), "one state for the 50 equal decisions, then"
        + " 30 changes into a queue of " + MqttSink.QUEUE);
    assertFalse(sink.connected());
    long c0 = System.nanoTime();
    sink.onEnd("end of source", null);
    sink.close();
    long closeMillis = (System.nanoTime() - c0) / 1_000_000;
    assertTrue(closeMillis < MqttSink.END_WAIT_MS + 1000, "ending took " + closeMillis + " ms");
    assertEquals(0, sink.published());
    String all = String.join("\n", log);
    assertTrue(all.contains("mqtt: cannot connect to " + s.url()), all);
    assertTrue(all.contains("the last state was not published"), all);
    assertFalse(all.contains("pa55word"), all);
  }
}
