package io.lenetedge.edge.source;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.image.GrayImage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Paced frames stay a period apart, also after the loop fell behind (no catch-up burst). */
class PacedSourceTest {
  private static final class Endless implements FrameSource {
    private long index;

    @Override
    public Frame next() {
      return new Frame(index++, new GrayImage(1, 1, new byte[1]));
    }

    @Override
    public String describe() {
      return "endless";
    }

    @Override
    public void close() {}
  }

  @Test
  void aLateFrameDoesNotLetTheNextComeAtOnce() throws InterruptedException {
    long period = TimeUnit.MILLISECONDS.toNanos(40);
    FrameSource paced = PacedSource.at(25).apply(new Endless());
    paced.next();
    paced.next();
    Thread.sleep(3 * 40);
    paced.next();
    long afterLate = System.nanoTime();
    paced.next();
    long next = System.nanoTime();
    assertTrue(next - afterLate >= period - TimeUnit.MILLISECONDS.toNanos(1),
        "the frame after a late one came " + (next - afterLate) / 1_000_000 + " ms later");
  }
}
