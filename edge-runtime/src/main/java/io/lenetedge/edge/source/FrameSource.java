package io.lenetedge.edge.source;

/** Where frames come from: a camera program, a file, a folder, stdin or the bundled demo. */
public interface FrameSource extends AutoCloseable {
  /** The next frame, blocking until it comes; null when the source has ended. */
  Frame next();

  /** How often the source's program was restarted after dying. */
  default int restarts() {
    return 0;
  }

  /** The source in a few words, for logs. */
  String describe();

  /** Stops the source; a {@link #next()} blocked in another thread returns null soon after. */
  @Override
  void close();
}
