package io.lenetedge.edge.source;

import static io.lenetedge.common.UserError.Kind.INPUT;

import io.lenetedge.common.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** Raw 8-bit frames from a file or stdin ({@code raw:FILE:WxH}, {@code raw:-:WxH}). */
final class StreamSource implements FrameSource {
  private final InputStream in;
  private final RawFrameReader reader;
  private final String name;
  private long index;
  private volatile boolean closed;

  StreamSource(InputStream in, FrameLayout layout, String name, Consumer<String> log) {
    this.in = in;
    this.reader = RawFrameReader.of(in, layout, log);
    this.name = name;
  }

  @Override
  public Frame next() {
    if (closed) {
      return null;
    }
    try {
      var image = reader.next();
      return image == null ? null : new Frame(index++, image);
    } catch (IOException e) {
      if (closed) {
        return null;
      }
      throw new UserError(INPUT, name + ": read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return name;
  }

  @Override
  public void close() {
    closed = true;
    try {
      in.close();
    } catch (IOException ignored) {
      // closing to unblock a reader; nothing to save
    }
  }
}
