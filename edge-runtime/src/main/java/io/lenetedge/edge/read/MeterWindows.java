package io.lenetedge.edge.read;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import io.lenetedge.image.Roi;
import java.util.ArrayList;
import java.util.List;

/** {@code --digits x,y,w,h;x,y,w,h;...}: a meter's digit windows, most significant first. */
public final class MeterWindows {
  private MeterWindows() {}

  /**
   * The windows of {@code spec}.
   *
   * @throws UserError (USAGE) naming the window when one is malformed, or two overlap
   */
  public static List<Roi> parse(String spec) {
    String[] parts = spec.strip().split("\\s*;\\s*");
    if (spec.isBlank() || parts.length == 0) {
      throw new UserError(USAGE, "--digits: no windows; expected x,y,w,h;x,y,w,h;..."
          + " one per digit, most significant first");
    }
    List<Roi> windows = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      try {
        windows.add(Roi.parse(parts[i], "--digits window " + (i + 1)));
      } catch (UserError e) {
        throw new UserError(USAGE, e.getMessage() + " (in --digits " + spec + ")", e);
      }
    }
    for (int i = 0; i < windows.size(); i++) {
      for (int j = i + 1; j < windows.size(); j++) {
        if (overlap(windows.get(i), windows.get(j))) {
          throw new UserError(USAGE, "--digits: window " + (i + 1) + " (" + windows.get(i)
              + ") overlaps window " + (j + 1) + " (" + windows.get(j) + "); each digit needs a"
              + " window of its own");
        }
      }
    }
    return List.copyOf(windows);
  }

  /**
   * Checks that every window lies inside a {@code width x height} frame.
   *
   * @throws UserError (USAGE) naming the first window that does not
   */
  public static void checkFits(List<Roi> windows, int width, int height) {
    for (int i = 0; i < windows.size(); i++) {
      if (!windows.get(i).fits(width, height)) {
        throw new UserError(USAGE, "--digits: window " + (i + 1) + " (" + windows.get(i)
            + ") does not lie inside the " + width + "x" + height + " frame");
      }
    }
  }

  private static boolean overlap(Roi a, Roi b) {
    return a.x() < b.x() + b.width() && b.x() < a.x() + a.width()
        && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
  }
}
