package io.lenetedge.edge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.ExecutionProvider;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelOverrides;
import io.lenetedge.edge.source.DemoSource;
import io.lenetedge.edge.source.Frame;
import io.lenetedge.edge.read.FrameReader;
import io.lenetedge.edge.read.Preparations;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Trigger mode: frames are only read between presses, and each press gives exactly one decision. */
class TriggerModeTest {
  @Test
  void gateGivesOneDecisionPerPressAndNoDigitAfterItsPatience() {
    TriggerGate gate = new TriggerGate(TriggerGate.Mode.TRIGGER, 3);
    Decision none = Decision.NONE;
    Decision seven = Decision.digit(7, 0.9f);
    assertFalse(gate.wantsFrame());
    assertNull(gate.offer(seven), "not armed: nothing to show");
    assertTrue(gate.press());
    assertFalse(gate.press(), "a second press while armed does not queue another");
    assertTrue(gate.freshlyArmed());
    assertNull(gate.offer(none));
    assertFalse(gate.freshlyArmed());
    assertSame(seven, gate.offer(seven), "the first frame with a digit is the decision");
    assertFalse(gate.wantsFrame(), "one decision per press");
    assertTrue(gate.press());
    assertNull(gate.offer(none));
    assertNull(gate.offer(none));
    assertSame(none, gate.offer(none), "after 3 frames without a digit: no digit");
    assertFalse(gate.wantsFrame());
    assertEquals(TriggerGate.Mode.CONTINUOUS, gate.toggle());
    assertFalse(gate.press(), "presses do nothing in continuous mode");
    assertSame(none, gate.offer(none));
    assertSame(seven, gate.offer(seven));
  }

  @Test
  void theLoopInTriggerModeDecidesOncePerPressOnTheNextGoodFrames() {
    // Presses on frames 2 (digit 0 shown in frames 0-5) and 17 (digit 2 in 16-21, with blank 22-23).
    Set<Long> pressAt = Set.of(2L, 17L);
    TriggerGate gate = new TriggerGate(TriggerGate.Mode.TRIGGER, 10);
    List<Decision> shown = new ArrayList<>();
    List<Long> processed = new ArrayList<>();
    FrameListener presser = new FrameListener() {
      @Override
      public void onFrame(Frame frame, FrameResult result) {
        if (result == null && pressAt.contains(frame.index())) {
          gate.press();
        }
        if (result != null) {
          processed.add(frame.index());
        }
      }

      @Override
      public void onDecision(Decision decision) {
        shown.add(decision);
      }
    };
    StringWriter out = new StringWriter();
    try (DigitModel model = DigitModel.open(ModelFile.load(null), ExecutionProvider.CPU, 1,
        ModelOverrides.NONE, 1, s -> { });
        DemoSource source = DemoSource.open()) {
      FramePipeline pipeline = new FramePipeline(new FrameReader(Preparations.digit(null), model, 0.5f), Decider.digit(2, 0.5f));
      new RunLoop(source, pipeline, new PrintWriter(out), new PrintWriter(new StringWriter()), 40,
          gate, List.of(presser)).run();
    }
    assertEquals(List.of(0, 2), shown.stream().map(Decision::digit).toList(), "one decision per press");
    assertEquals(List.of(3L, 18L), processed, "only the frames after each press are processed");
    List<String> lines = out.toString().lines().toList();
    assertEquals(2, lines.size(), out.toString());
    assertTrue(lines.stream().allMatch(l -> l.endsWith(",\"trigger\":true}")), out.toString());
    assertTrue(lines.get(0).startsWith("{\"frame\":3,\"digit\":0"), lines.get(0));
    assertTrue(lines.get(1).startsWith("{\"frame\":18,\"digit\":2"), lines.get(1));
  }
}
