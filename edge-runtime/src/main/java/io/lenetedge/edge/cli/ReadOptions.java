package io.lenetedge.edge.cli;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import io.lenetedge.image.Roi;
import io.lenetedge.edge.read.MeterWindows;
import io.lenetedge.edge.read.Preparation;
import io.lenetedge.edge.read.Preparations;
import io.lenetedge.edge.read.ReadMode;
import java.util.List;
import picocli.CommandLine.Option;

/** What to read in a frame or image: the options {@code run}, {@code classify} and {@code bench} share. */
public final class ReadOptions {
  @Option(names = "--read", paramLabel = "MODE",
      description = "What to read: ${COMPLETION-CANDIDATES}. digit: the one digit nearest the"
          + " centre; number: every digit, in lines and reading order; auto: a number when more"
          + " than one digit is found (default: digit).")
  ReadMode read;

  @Option(names = "--roi", paramLabel = "x,y,w,h", description = "Region of the frame to look in (default: all of it).")
  String roi;

  @Option(names = "--min-confidence", defaultValue = "0.6",
      description = "Name a digit only at this (smoothed) probability or more; the digits of a"
          + " number under it read as ? (default: ${DEFAULT-VALUE}).")
  float minConfidence;

  @Option(names = "--digits", paramLabel = "x,y,w,h;...",
      description = "Meter mode: one digit in each of these windows, most significant first, read"
          + " into a value (see --decimals and, for run, the guards).")
  String digits;

  @Option(names = "--decimals", paramLabel = "N",
      description = "Meter mode: how many of the last windows are behind the decimal point (default: 0).")
  Integer decimals;

  /** The reading mode; digit when not given. */
  ReadMode mode() {
    return read == null ? ReadMode.DIGIT : read;
  }

  /** What the page models are opened for: the mode, or digit for a meter (one digit per window). */
  ReadMode pageModelMode() {
    return meter() ? ReadMode.DIGIT : mode();
  }

  /** Whether these options read a meter. */
  boolean meter() {
    return digits != null;
  }

  int decimals() {
    return decimals == null ? 0 : decimals;
  }

  /** The meter's windows; null without {@code --digits}. */
  List<Roi> windows() {
    return digits == null ? null : MeterWindows.parse(digits);
  }

  /** The region of interest; null for the whole frame. */
  Roi region() {
    return roi == null ? null : Roi.parse(roi);
  }

  /**
   * The preparation these options ask for.
   *
   * @throws UserError (USAGE) for options that do not go together
   */
  Preparation preparation() {
    check();
    return meter() ? Preparations.windows(windows()) : Preparations.of(mode(), region());
  }

  /** @throws UserError (USAGE) for options that do not go together */
  void check() {
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new UserError(USAGE, "--min-confidence must be in [0,1], got " + minConfidence);
    }
    if (meter() && (read != null || roi != null)) {
      throw new UserError(USAGE, "--digits reads one digit per window: leave out --read"
          + " and --roi (the windows are in frame coordinates)");
    }
    if (!meter() && decimals != null) {
      throw new UserError(USAGE, "--decimals places the decimal point of a meter: add"
          + " --digits x,y,w,h;... with one window per digit");
    }
    if (decimals != null && decimals < 0) {
      throw new UserError(USAGE, "--decimals must be 0 or more, got " + decimals);
    }
  }
}
