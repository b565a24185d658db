package io.lenetedge.edge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.ExecutionProvider;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelOverrides;
import io.lenetedge.edge.read.FrameReader;
import io.lenetedge.edge.read.ReadMode;
import io.lenetedge.edge.run.Decider;
import io.lenetedge.edge.run.FramePipeline;
import io.lenetedge.edge.read.Preparations;
import io.lenetedge.edge.run.RunLoop;
import io.lenetedge.edge.run.TriggerGate;
import io.lenetedge.edge.source.DemoSource;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clients that stall every server thread do not hold up the camera loop. */
class SlowClientTest {
  private static DigitModel open() {
    return DigitModel.open(ModelFile.load(null), ExecutionProvider.CPU, 1, ModelOverrides.NONE, 1,
        s -> { });
  }

  @Test
  void theLoopRunsThroughWhileStalledClientsHoldEveryServerThread() throws Exception {
    TriggerGate gate = TriggerGate.continuous();
    List<Socket> stalled = new ArrayList<>();
    StringWriter out = new StringWriter();
    try (DigitModel model = open();
        DemoSource demo = DemoSource.open();
        LiveView live = LiveView.start(BindAddress.parse("127.0.0.1:0"), open(), ReadMode.DIGIT, 0.6f, null, demo, gate,
            line -> { })) {
      int port = Integer.parseInt(live.url().replaceAll(".*:(\\d+)/$", "$1"));
      for (int i = 0; i < 8; i++) {
        Socket s = new Socket("127.0.0.1", port);
        OutputStream o = s.getOutputStream();
        String request = i % 2 == 0
            ? "GET /frame.jpg HTTP/1.1\r\nHost: x\r\n"
            : "POST /predict HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\nP5\n";
        o.write(request.getBytes(StandardCharsets.US_ASCII));
        o.flush();
        stalled.add(s);
      }
      FramePipeline pipeline = new FramePipeline(new FrameReader(Preparations.digit(null), model, 0.6f), Decider.digit(1, 0.6f));
      RunLoop loop = new RunLoop(demo, pipeline, new PrintWriter(out), new PrintWriter(new StringWriter()),
          0, gate, live.listeners());
      assertTimeoutPreemptively(Duration.ofSeconds(60), loop::run,
          "the loop must not wait on the stalled clients");
      // Had the loop waited for the server's own cut-off (10 s), these would be answered or closed
      // by now: every one must still be stalled, unanswered.
      for (Socket s : stalled) {
        s.setSoTimeout(200);
        try {
          int b = s.getInputStream().read();
          throw new AssertionError("a stalled client was already " + (b < 0 ? "closed" : "answered")
              + " when the loop ended: the loop waited for the server's cut-off");
        } catch (java.net.SocketTimeoutException stillStalled) {
          // as it should be
        }
      }
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
    }
    assertEquals(DemoSource.FRAMES, out.toString().lines().count());
  }
}
