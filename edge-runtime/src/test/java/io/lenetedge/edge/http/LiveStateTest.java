package io.lenetedge.edge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.image.GrayImage;
import io.lenetedge.image.Roi;
import io.lenetedge.edge.run.TriggerGate;
import io.lenetedge.edge.source.Frame;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveStateTest {
  final AtomicLong clock = new AtomicLong(10_000_000_000L);
  final LiveState state = new LiveState(null, () -> TriggerGate.Mode.TRIGGER, clock::get);
  final Frame frame = new Frame(4, new GrayImage(8, 6, new byte[48]));

  @Test
  void healthNeedsARecentFrameAndARunningLoop() {
    assertEquals(new LiveState.Health(false, "no frame yet"), state.health());
    state.onFrame(frame, null);
    assertTrue(state.health().ok());
    clock.addAndGet(LiveState.STALE_NANOS + 1_500_000_000L);
    assertEquals(new LiveState.Health(false, "no frame for 6.5 s"), state.health());
    state.onFrame(frame, MetricsTest.result(4, 2, 1, 2));
    assertTrue(state.health().ok());
    state.onEnd("end of source", null);
    assertEquals(new LiveState.Health(false, "the run loop ended: end of source"), state.health());
  }

  @Test
  void snapshotKeepsTheLastResultWhileUnprocessedFramesArrive() {
    state.onFrame(frame, MetricsTest.result(4, 2, 1, 2_000));
    clock.addAndGet(100_000_000);
    Frame next = new Frame(5, frame.image());
    state.onFrame(next, null);
    LiveState.Snapshot s = state.snapshot();
    assertEquals(5, s.frame().index());
    assertEquals(4, s.result().frame());
    assertEquals(new Roi(0, 0, 8, 6), s.roi());
    assertEquals(10.0, s.fps(), 1e-9);
    assertEquals(2.0, s.p50Micros(), 1e-9);
    assertEquals(TriggerGate.Mode.TRIGGER, s.mode());
    assertNull(s.shown());
    assertFalse(StateJson.of(s).get("running").isJsonNull());
  }
}
