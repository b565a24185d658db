package io.lenetedge.edge.bench;

/** One benchmarked call on the {@code i}-th input (or batch), returning the nanoseconds it took. */
@FunctionalInterface
public interface TimedCall {
  long call(long i);
}
