package io.lenetedge.edge.source;

import io.lenetedge.image.GrayImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into whole frames of a {@link FrameLayout} and returns their luma. A short
 * last frame is dropped (and logged), never joined to what follows. With several candidate
 * layouts, the first bytes decide which one the stream has.
 */
public final class RawFrameReader {
  private final InputStream in;
  private final FrameLayout layout;
  private final byte[] buffer;
  private final Consumer<String> log;

  private RawFrameReader(InputStream in, FrameLayout layout, Consumer<String> log) {
    this.in = in;
    this.layout = layout;
    this.buffer = new byte[layout.frameBytes()];
    this.log = log;
  }

  /** A reader for a stream of known layout. */
  public static RawFrameReader of(InputStream in, FrameLayout layout, Consumer<String> log) {
    return new RawFrameReader(in, layout, log);
  }

  /** A reader that first measures which of {@code candidates} the stream has. */
  public static RawFrameReader detecting(InputStream in, List<FrameLayout> candidates,
      Consumer<String> log) throws IOException {
    if (candidates.size() == 1) {
      return of(in, candidates.get(0), log);
    }
    byte[] head = in.readNBytes(LayoutDetector.bytesNeeded(candidates));
    FrameLayout layout = LayoutDetector.detect(head, head.length, candidates);
    log.accept(String.format("frame layout: %dx%d, stride %d, %d bytes per frame (measured)",
        layout.width(), layout.height(), layout.stride(), layout.frameBytes()));
    return of(new SequenceInputStream(new ByteArrayInputStream(head), in), layout, log);
  }

  public FrameLayout layout() {
    return layout;
  }

  /** The next whole frame's luma, or null at the end of the stream. */
  public GrayImage next() throws IOException {
    int n = in.readNBytes(buffer, 0, buffer.length);
    if (n == 0) {
      return null;
    }
    if (n < buffer.length) {
      log.accept("dropped a partial frame of " + n + " of " + buffer.length + " bytes at the end of the stream");
      return null;
    }
    byte[] luma = new byte[layout.width() * layout.height()];
    for (int y = 0; y < layout.height(); y++) {
      System.arraycopy(buffer, y * layout.stride(), luma, y * layout.width(), layout.width());
    }
    return new GrayImage(layout.width(), layout.height(), luma);
  }
}
