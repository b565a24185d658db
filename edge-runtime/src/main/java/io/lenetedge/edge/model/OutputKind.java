package io.lenetedge.edge.model;

/** What a model's output holds. */
public enum OutputKind {
  /** Unnormalised scores; the runtime applies softmax. */
  LOGITS,
  /** Class probabilities, each row summing to 1. */
  PROBABILITIES;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
