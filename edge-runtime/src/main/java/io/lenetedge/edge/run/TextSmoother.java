package io.lenetedge.edge.run;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code --smooth k} for numbers: a text is decided when most of the last {@code k} frames read
 * exactly it; otherwise nothing is. Its confidence is the mean of those frames'. Pure; not thread
 * safe.
 */
public final class TextSmoother {
  private record Seen(String text, float confidence) {}

  private final int window;
  private final Deque<Seen> recent = new ArrayDeque<>();

  public TextSmoother(int window) {
    if (window < 1) {
      throw new UserError(USAGE, "--smooth must be at least 1, got " + window);
    }
    this.window = window;
  }

  /** Adds a frame's text (null when it read nothing) and decides. */
  public Decision add(String text, float confidence) {
    recent.addLast(new Seen(text, confidence));
    if (recent.size() > window) {
      recent.removeFirst();
    }
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Float> sums = new HashMap<>();
    for (Seen s : recent) {
      if (s.text != null) {
        counts.merge(s.text, 1, Integer::sum);
        sums.merge(s.text, s.confidence, Float::sum);
      }
    }
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (2 * e.getValue() > recent.size()) {
        return Decision.text(e.getKey(), sums.get(e.getKey()) / e.getValue());
      }
    }
    return Decision.text(null, 0f);
  }

  /** Forgets the history. */
  public void reset() {
    recent.clear();
  }
}
