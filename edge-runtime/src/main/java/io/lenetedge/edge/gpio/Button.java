package io.lenetedge.edge.gpio;

/** A push button that reports each press and release. */
public interface Button {
  /** Called with {@code true} when the button goes down and {@code false} when it comes up. */
  @FunctionalInterface
  interface Listener {
    void onEdge(boolean pressed);
  }

  void listen(Listener listener);
}
