package io.lenetedge.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the preparation found in a frame, before the model has seen it: lines of glyphs in reading
 * order, each glyph with one or more ways to read it (one digit, or a blob cut into two or three
 * touching digits), each way with the model inputs of its digits and a prior from their shapes.
 * {@link #inputs()} lists every input once, in order, for one batched model call.
 *
 * @param lines the lines, top to bottom
 */
public record Candidates(List<Line> lines) {
  /** Nothing that could be a digit. */
  public static final Candidates NONE = new Candidates(List.of());

  public Candidates {
    lines = List.copyOf(lines);
  }

  /**
   * A line of glyphs.
   *
   * @param glyphs left to right
   * @param digitHeight the line's typical digit height in frame pixels (spaces are gaps wider
   *     than about a digit)
   */
  public record Line(List<Glyph> glyphs, double digitHeight) {
    public Line {
      glyphs = List.copyOf(glyphs);
    }
  }

  /**
   * One place in a line: the ways to read it. A glyph with a single way of no digits is a place
   * where a digit was expected and none was found (an empty meter window).
   *
   * @param alternatives at least one
   * @param aspect the glyph's ink width over its line's digit height
   */
  public record Glyph(List<Alternative> alternatives, double aspect) {
    public Glyph {
      alternatives = List.copyOf(alternatives);
      if (alternatives.isEmpty()) {
        throw new IllegalArgumentException("a glyph needs at least one way to read it");
      }
    }

    /** A place read one way, as the given digit, or as nothing found when empty. */
    public static Glyph of(Optional<MnistStyle.Prepared> digit) {
      return new Glyph(List.of(new Alternative(digit.map(List::of).orElse(List.of()), 0, 0)), 0);
    }
  }

  /**
   * One way to read a glyph.
   *
   * @param digits the digits it is read as, left to right
   * @param prior log-prior of this reading from the digits' shapes (0 for a plain digit)
   * @param neck for a glyph cut into digits, the ink at its thickest cut over the lower of the two
   *     ink peaks beside it (low for a thin join); 0 for a glyph read whole
   * @param views for each digit, its context view (the piece at its line's scale with the ink
   *     around it, for a piece verifier), or empty when there are none
   */
  public record Alternative(List<MnistStyle.Prepared> digits, double prior, double neck,
      List<float[]> views) {
    public Alternative {
      digits = List.copyOf(digits);
      views = List.copyOf(views);
      if (!views.isEmpty() && views.size() != digits.size()) {
        throw new IllegalArgumentException(views.size() + " views for " + digits.size() + " digits");
      }
    }

    /** A way without context views. */
    public Alternative(List<MnistStyle.Prepared> digits, double prior, double neck) {
      this(digits, prior, neck, List.of());
    }
  }

  /** One digit on one line, or nothing when {@code digit} is empty. */
  public static Candidates single(Optional<MnistStyle.Prepared> digit) {
    return digit.isEmpty() ? NONE
        : new Candidates(List.of(new Line(List.of(Glyph.of(digit)), digit.get().height())));
  }

  /** Every digit input of every alternative, in order: lines, glyphs, alternatives, digits. */
  public List<float[]> inputs() {
    List<float[]> inputs = new ArrayList<>();
    for (Line l : lines) {
      for (Glyph g : l.glyphs) {
        for (Alternative a : g.alternatives) {
          for (MnistStyle.Prepared p : a.digits) {
            inputs.add(p.input());
          }
        }
      }
    }
    return inputs;
  }

  /**
   * The context view of every input, in {@link #inputs()}' order, when {@link #hasViews()} (else
   * fewer than there are inputs).
   */
  public List<float[]> views() {
    List<float[]> views = new ArrayList<>();
    for (Line l : lines) {
      for (Glyph g : l.glyphs) {
        for (Alternative a : g.alternatives) {
          views.addAll(a.views);
        }
      }
    }
    return views;
  }

  /** Whether every way of every glyph comes with its context views. */
  public boolean hasViews() {
    for (Line l : lines) {
      for (Glyph g : l.glyphs) {
        for (Alternative a : g.alternatives) {
          if (a.views.isEmpty() && !a.digits.isEmpty()) {
            return false;
          }
        }
      }
    }
    return !lines.isEmpty();
  }

  /** Whether nothing at all was found. */
  public boolean isEmpty() {
    return lines.isEmpty();
  }
}
