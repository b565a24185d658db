package io.lenetedge.image;

import io.lenetedge.image.MnistStyle.Prepared;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Prepares every digit of a page (or of a region of a frame) for the model: the ink measured as
 * for one digit ({@link InkMap}), ruled lines erased, the components grouped into lines of glyphs
 * ({@link NumberLayout}), and each glyph cut out at full resolution. A glyph wider than a digit
 * also gets the ways to cut it into two or three touching digits, at the columns where its ink
 * is thinnest, each with a prior from the pieces' shapes; the model's confidence decides between
 * them later. Pure: arrays in, {@link Candidates} out. Not thread-safe.
 */
public final class PagePreparer {
  /** A digit is this wide for its height, or narrower ("1")... */
  static final double WIDEST_DIGIT = 1.15;
  /** ...and at least this wide. */
  static final double NARROWEST_DIGIT = 0.18;
  /** How steeply the prior falls for pieces wider or narrower than a digit. */
  private static final double WIDE_SPREAD = 0.12;
  private static final double NARROW_SPREAD = 0.05;
  /** The log-prior cost of every extra digit a glyph is cut into. */
  static final double CUT_COST = 0.3;
  /** The average digit is this wide for its height (MNIST's). */
  private static final double MEAN_WIDTH = 0.68;
  /** A cut piece is at least this fraction of its line's digit height high. */
  private static final double MIN_PIECE_HEIGHT = 0.5;
  private static final int MAX_DIGITS_PER_GLYPH = 4;
  /** A pair may be cut this close to its edge, in digit heights: a thin "1" against a wide digit. */
  static final double EDGE_CUT = 0.2;
  /** Cuts tried for a wide glyph read as two digits. */
  private static final int PAIR_CUTS = 6;
  /** Cuts tried for a narrow pair: its two thinnest columns. */
  private static final int NARROW_PAIR_CUTS = 2;
  /** Glyphs this wide for their line's height may be several digits... */
  static final double WIDE = 0.85;
  /** ...and narrower ones from this wide two ("11", "17", a 1 against a 5)... */
  static final double NARROW_PAIR = 0.4;
  /** ...when their ink has a neck: at most this much ink at the cut over the lower peak beside it. */
  private static final double MAX_NARROW_NECK = 0.7;

  /** Digits of a page are smaller than a lone digit: the map is twice as fine. */
  static final int TARGET_SIDE = 2 * InkMap.TARGET_SIDE;

  private final InkMap ink = new InkMap(TARGET_SIDE, true);
  /** On the finer map bold digits fill most of their box; only fuller blobs are smears. */
  static final double SOLID_FILL = 0.85;

  private final InkComponents components = new InkComponents(SOLID_FILL);
  private final NumberLayout layout = new NumberLayout();
  private final InkCrop crop = new InkCrop();
  private boolean[] mask = new boolean[0];

  /** Every digit in the whole frame. */
  public Candidates prepare(GrayImage frame) {
    return prepare(frame, 0, 0, frame.width(), frame.height());
  }

  /**
   * Every digit inside the region {@code (x, y, width, height)} of the frame, in lines; boxes are in
   * frame coordinates.
   *
   * @throws IllegalArgumentException if the region is empty or does not lie inside the frame
   */
  public Candidates prepare(GrayImage frame, int x, int y, int width, int height) {
    FramePreparer.checkRegion(frame, x, y, width, height);
    if (!ink.measure(frame, x, y, width, height)) {
      return Candidates.NONE;
    }
    labelWithoutRules();
    List<Candidates.Line> lines = new ArrayList<>();
    for (NumberLayout.Line line : layout.find(components, ink)) {
      double digitHeight = line.digitHeight() * ink.factor;
      List<Candidates.Glyph> glyphs = new ArrayList<>();
      for (NumberLayout.Glyph g : line.glyphs()) {
        if (crop.cut(frame, ink, g)) {
          glyphs.add(new Candidates.Glyph(alternatives(digitHeight),
              crop.inkBox()[2] / digitHeight));
        }
      }
      if (!glyphs.isEmpty()) {
        lines.add(new Candidates.Line(glyphs, digitHeight));
      }
    }
    return new Candidates(lines);
  }

  /** Labels the ink; when something runs far wider than a digit, erases rules and labels again. */
  private void labelWithoutRules() {
    components.label(ink);
    double typical = NumberLayout.typicalHeight(components, plain());
    boolean long_ = false;
    for (int c = 1; c <= components.count(); c++) {
      long_ |= components.line(c) || typical > 0 && components.width(c) >= RuledLines.LENGTH * typical;
    }
    if (!long_) {
      return;
    }
    if (typical == 0) {
      typical = NumberLayout.typicalHeight(components, all());
    }
    int n = ink.width * ink.height;
    if (mask.length < n) {
      mask = new boolean[n];
    }
    System.arraycopy(ink.ink, 0, mask, 0, n);
    if (RuledLines.erase(mask, ink.width, ink.height, typical)) {
      components.label(ink, mask);
    }
  }

  private List<Integer> plain() {
    List<Integer> list = new ArrayList<>();
    for (int c = 1; c <= components.count(); c++) {
      if (components.area(c) >= MnistStyle.MIN_SPECK_PIXELS && !components.line(c)
          && !components.smear(c)) {
        list.add(c);
      }
    }
    return list;
  }

  private List<Integer> all() {
    List<Integer> list = new ArrayList<>();
    for (int c = 1; c <= components.count(); c++) {
      list.add(c);
    }
    return list;
  }

  /** The ways to read the glyph just cut: whole, and cut into the numbers of digits its width allows. */
  private List<Candidates.Alternative> alternatives(double digitHeight) {
    int[] box = crop.inkBox();
    double aspect = box[2] / digitHeight;
    List<Candidates.Alternative> ways = new ArrayList<>();
    if (aspect < 1.5) {
      crop.fit().ifPresent(p -> ways.add(whole(p, digitHeight)));
    }
    float[] columns = crop.columnProfile();
    if (aspect >= NARROW_PAIR) {
      for (int gap : emptyColumns(columns)) {
        split(box[0], box[0] + box[2], new int[] {gap}, columns, digitHeight).ifPresent(ways::add);
      }
    }
    if (aspect >= NARROW_PAIR && aspect < WIDE) {
      float[] profile = smooth(columns);
      for (int[] cuts : cutSets(profile, 2, digitHeight, NARROW_PAIR_CUTS)) {
        if (neck(profile, 0, cuts[0], profile.length) < MAX_NARROW_NECK) {
          split(box[0], box[0] + box[2], cuts, profile, digitHeight).ifPresent(ways::add);
        }
      }
    }
    if (aspect >= WIDE) {
      float[] profile = smooth(columns);
      double k0 = aspect / MEAN_WIDTH;
      int lo = Math.max(2, (int) Math.ceil(aspect / WIDEST_DIGIT));
      int hi = Math.min(MAX_DIGITS_PER_GLYPH, Math.max(lo, (int) Math.ceil(k0)));
      for (int k = lo; k <= hi; k++) {
        int per = k == 2 ? PAIR_CUTS : k == 3 ? 2 : 1;
        for (int[] cuts : cutSets(profile, k, digitHeight, per)) {
          split(box[0], box[0] + box[2], cuts, profile, digitHeight).ifPresent(ways::add);
        }
      }
    }
    if (ways.isEmpty()) {
      crop.fit().ifPresent(p -> ways.add(whole(p, digitHeight)));
    }
    return ways;
  }

  private Candidates.Alternative whole(Prepared p, double digitHeight) {
    return new Candidates.Alternative(List.of(p), shapePrior(p.width() / digitHeight), 0,
        List.of(crop.contextView(p.x(), p.x() + p.width(), digitHeight)));
  }

  /** The glyph cut at {@code cuts} (columns from its left edge), or empty if a piece is no digit. */
  private Optional<Candidates.Alternative> split(int left, int right, int[] cuts, float[] profile,
      double digitHeight) {
    List<Prepared> pieces = new ArrayList<>();
    List<float[]> views = new ArrayList<>();
    double prior = -CUT_COST * cuts.length;
    int from = left;
    for (int i = 0; i <= cuts.length; i++) {
      int to = i < cuts.length ? left + cuts[i] : right;
      Optional<Prepared> p = crop.fitColumns(from, to);
      if (p.isEmpty() || p.get().height() < MIN_PIECE_HEIGHT * digitHeight) {
        return Optional.empty();
      }
      pieces.add(p.get());
      views.add(crop.contextView(from, to, digitHeight));
      prior += shapePrior(p.get().width() / digitHeight);
      from = to;
    }
    double worstNeck = 0;
    for (int i = 0; i < cuts.length; i++) {
      int a = i == 0 ? 0 : cuts[i - 1];
      int b = i + 1 < cuts.length ? cuts[i + 1] : profile.length;
      worstNeck = Math.max(worstNeck, neck(profile, a, cuts[i], b));
    }
    return Optional.of(new Candidates.Alternative(pieces, prior, worstNeck, views));
  }

  /** The ink at the cut over the lower of the two peaks beside it: low for a thin join. */
  static double neck(float[] p, int from, int cut, int to) {
    float left = 0;
    for (int x = from; x < cut; x++) {
      left = Math.max(left, p[x]);
    }
    float right = 0;
    for (int x = cut + 1; x < to; x++) {
      right = Math.max(right, p[x]);
    }
    return p[cut] / Math.max(1e-6, Math.min(left, right));
  }

  /** Log-prior of a digit this wide for its height: flat over the widths digits have. */
  static double shapePrior(double aspect) {
    if (aspect > WIDEST_DIGIT) {
      double d = (aspect - WIDEST_DIGIT) / WIDE_SPREAD;
      return -d * d;
    }
    if (aspect < NARROWEST_DIGIT) {
      double d = (NARROWEST_DIGIT - aspect) / NARROW_SPREAD;
      return -d * d;
    }
    return 0;
  }

  /**
   * Candidate cut sets for {@code k} digits: for each cut, up to {@code per} columns of least ink
   * near its even share of the width (for a pair anywhere from {@link #EDGE_CUT} digit heights off
   * either edge), every combination in order.
   */
  static List<int[]> cutSets(float[] profile, int k, double digitHeight, int per) {
    int w = profile.length;
    List<List<Integer>> options = new ArrayList<>();
    for (int j = 1; j < k; j++) {
      double centre = (double) j * w / k;
      double reach = k == 2 ? 0.3 * w : 0.6 * w / k;
      int from = (int) Math.max(1, centre - reach);
      int to = (int) Math.min(w - 1, centre + reach);
      if (k == 2) {
        from = (int) Math.max(1, Math.min(from, EDGE_CUT * digitHeight));
        to = (int) Math.min(w - 1, Math.max(to, w - EDGE_CUT * digitHeight));
      }
      options.add(minima(profile, from, to, per, Math.max(2, 0.1 * digitHeight)));
    }
    List<int[]> sets = new ArrayList<>();
    combine(options, 0, new int[k - 1], sets, Math.max(2, NARROWEST_DIGIT * digitHeight));
    return sets;
  }

  private static void combine(List<List<Integer>> options, int j, int[] chosen, List<int[]> out,
      double minGap) {
    if (j == options.size()) {
      out.add(chosen.clone());
      return;
    }
    for (int c : options.get(j)) {
      if (j == 0 || c - chosen[j - 1] >= minGap) {
        chosen[j] = c;
        combine(options, j + 1, chosen, out, minGap);
      }
    }
  }

  /** Up to {@code count} local minima of {@code p} in [from, to], lowest first, {@code apart} apart. */
  static List<Integer> minima(float[] p, int from, int to, int count, double apart) {
    List<Integer> local = new ArrayList<>();
    for (int x = from; x <= to; x++) {
      boolean left = x == from || p[x] <= p[x - 1];
      boolean right = x == to || p[x] <= p[x + 1];
      if (left && right) {
        local.add(x);
      }
    }
    local.sort((a, b) -> Float.compare(p[a], p[b]));
    List<Integer> picked = new ArrayList<>();
    for (int x : local) {
      if (picked.size() == count) {
        break;
      }
      if (picked.stream().allMatch(q -> Math.abs(q - x) >= apart)) {
        picked.add(x);
      }
    }
    return picked;
  }

  /**
   * The middle column of each run of columns without ink inside the glyph: two digits that the
   * coarser ink map joined but that do not touch at full resolution.
   */
  static List<Integer> emptyColumns(float[] p) {
    List<Integer> cuts = new ArrayList<>();
    int x = 0;
    while (x < p.length && p[x] == 0) {
      x++;
    }
    while (x < p.length) {
      if (p[x] != 0) {
        x++;
        continue;
      }
      int from = x;
      while (x < p.length && p[x] == 0) {
        x++;
      }
      if (x < p.length) {
        cuts.add((from + x) / 2);
      }
    }
    return cuts;
  }

  /** A 3-tap box filter, so that one thin column between two strokes does not decide a cut. */
  private static float[] smooth(float[] p) {
    float[] s = Arrays.copyOf(p, p.length);
    for (int x = 1; x < p.length - 1; x++) {
      s[x] = (p[x - 1] + p[x] + p[x + 1]) / 3;
    }
    return s;
  }
}
