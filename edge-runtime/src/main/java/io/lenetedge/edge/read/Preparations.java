package io.lenetedge.edge.read;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import io.lenetedge.image.Candidates;
import io.lenetedge.image.FramePreparer;
import io.lenetedge.image.GrayImage;
import io.lenetedge.image.PagePreparer;
import io.lenetedge.image.Roi;
import java.util.ArrayList;
import java.util.List;

/** The preparations {@code --read} and {@code --digits} choose, each with buffers of its own. */
public final class Preparations {
  private Preparations() {}

  /** The preparation for {@code mode} within {@code roi} (null: the whole frame). */
  public static Preparation of(ReadMode mode, Roi roi) {
    return switch (mode) {
      case DIGIT -> digit(roi);
      case NUMBER -> number(roi);
      case AUTO -> auto(roi);
    };
  }

  /** The one digit nearest the centre, prepared as MNIST was. */
  public static Preparation digit(Roi roi) {
    FramePreparer preparer = new FramePreparer();
    return frame -> {
      Roi r = region(roi, frame);
      return Candidates.single(preparer.prepare(frame, r.x(), r.y(), r.width(), r.height()));
    };
  }

  /** Every digit, in lines. */
  public static Preparation number(Roi roi) {
    PagePreparer preparer = new PagePreparer();
    return frame -> {
      Roi r = region(roi, frame);
      return preparer.prepare(frame, r.x(), r.y(), r.width(), r.height());
    };
  }

  /** Every digit when there is more than one, else the one digit as {@link #digit} finds it. */
  public static Preparation auto(Roi roi) {
    Preparation number = number(roi);
    Preparation digit = digit(roi);
    return frame -> {
      Candidates page = number.prepare(frame);
      return isNumber(page) ? page : digit.prepare(frame);
    };
  }

  /**
   * One digit in each window, in order (a meter's digit windows); a window without a digit is a
   * place read as unsure.
   */
  public static Preparation windows(List<Roi> windows) {
    FramePreparer preparer = new FramePreparer();
    double height = windows.stream().mapToInt(Roi::height).max().orElse(1);
    return frame -> {
      MeterWindows.checkFits(windows, frame.width(), frame.height());
      List<Candidates.Glyph> glyphs = new ArrayList<>(windows.size());
      for (Roi w : windows) {
        glyphs.add(Candidates.Glyph.of(preparer.prepare(frame, w.x(), w.y(), w.width(), w.height())));
      }
      return new Candidates(List.of(new Candidates.Line(glyphs, Double.POSITIVE_INFINITY)));
    };
  }

  /** Whether a page's candidates hold more than one digit, or a glyph that may be several. */
  static boolean isNumber(Candidates page) {
    int glyphs = 0;
    boolean several = false;
    for (Candidates.Line l : page.lines()) {
      glyphs += l.glyphs().size();
      for (Candidates.Glyph g : l.glyphs()) {
        several |= g.alternatives().stream().anyMatch(a -> a.digits().size() > 1);
      }
    }
    return glyphs > 1 || several;
  }

  private static Roi region(Roi roi, GrayImage frame) {
    if (roi == null) {
      return new Roi(0, 0, frame.width(), frame.height());
    }
    if (!roi.fits(frame.width(), frame.height())) {
      throw new UserError(USAGE, "--roi " + roi + " does not fit a " + frame.width() + "x"
          + frame.height() + " frame");
    }
    return roi;
  }
}
