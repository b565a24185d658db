package io.lenetedge.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Groups the ink components of a page into lines of glyphs, in reading order. Components that are
 * specks, lines, smears or clutter across the region are dropped; components at least half as high
 * as a typical one seed the glyphs and are chained into lines from left to right, each joining the
 * line whose recent glyphs' band holds most of it (so a page turned a few degrees or an uneven
 * baseline keeps its lines, and the two halves of a broken 8 stay in one);
 * smaller parts join the glyph whose columns they share (a 5's loose bar, a broken 8), a short
 * flat bar also the glyph whose top it lies just beside (a 5's bar drawn off to the right), and
 * are dropped otherwise (a dash, a dot); glyphs sharing most of their columns are one digit (a 4 drawn
 * in two strokes). Pure: components in, glyph selections out. Not thread-safe.
 */
final class NumberLayout {
  /** Glyph seeds are at least this fraction of the typical component height. */
  private static final double SEED = 0.5;
  /** A seed joins the line whose band holds most of its height, at least this fraction. */
  private static final double LINE_OVERLAP = 0.5;
  /** A line's band is that of its last this many glyphs. */
  private static final int BAND = 3;
  /** Parts never make a glyph taller than this many times its line's digit height. */
  private static final double MAX_GLYPH_HEIGHT = 1.35;
  /** A part shares at least this fraction of its columns with its glyph... */
  private static final double PART_OVERLAP = 0.3;
  /** ...and lies at most this fraction of a digit height above or below it. */
  private static final double PART_GAP = 0.35;
  /** Two seeds sharing this fraction of the narrower one's columns are one digit. */
  private static final double SAME_DIGIT_OVERLAP = 0.5;
  /**
   * A part as flat as a bar also joins a glyph without sharing its columns when it lies within
   * this fraction of a digit height below the glyph's top...
   */
  private static final double TOP_BAR = 0.3;
  /** ...and at most this fraction beside it (a 5's top bar drawn off to the right). */
  private static final double BAR_GAP = 0.15;
  /** A flat bar (no digit alone) may be a part when at most this many typical heights wide. */
  private static final double BAR = 0.9;
  /** Small components this fraction of a digit height apart or closer are pieces of one. */
  private static final double CLUSTER_GAP = 0.15;
  /** Components taller than this many typical heights are not digits (two lines run together). */
  private static final double TOO_TALL = 2.2;

  /** One line: its glyphs from left to right and its digit height, in downscaled pixels. */
  record Line(List<Glyph> glyphs, double digitHeight) {}

  /** A glyph: the components it is made of, as a selection for {@link InkCrop}. */
  static final class Glyph implements InkSelection {
    private final InkComponents components;
    private final int[] owner;
    private final int id;
    private int left;
    private int top;
    private int right;
    private int bottom;

    private Glyph(InkComponents components, int[] owner, int id, int c) {
      this.components = components;
      this.owner = owner;
      this.id = id;
      left = components.left(c);
      top = components.top(c);
      right = components.right(c);
      bottom = components.bottom(c);
      owner[c] = id;
    }

    private void add(int c) {
      owner[c] = id;
      grow(components.left(c), components.top(c), components.right(c), components.bottom(c));
    }

    private void absorb(Glyph g) {
      for (int c = 1; c < owner.length; c++) {
        if (owner[c] == g.id) {
          owner[c] = id;
        }
      }
      grow(g.left, g.top, g.right, g.bottom);
    }

    private void grow(int l, int t, int r, int b) {
      left = Math.min(left, l);
      top = Math.min(top, t);
      right = Math.max(right, r);
      bottom = Math.max(bottom, b);
    }

    double centreX() {
      return (left + right + 1) / 2.0;
    }

    double centreY() {
      return (top + bottom + 1) / 2.0;
    }

    int width() {
      return right - left + 1;
    }

    int height() {
      return bottom - top + 1;
    }

    @Override
    public int left() {
      return left;
    }

    @Override
    public int top() {
      return top;
    }

    @Override
    public int right() {
      return right;
    }

    @Override
    public int bottom() {
      return bottom;
    }

    @Override
    public boolean contains(int i) {
      int c = components.at(i);
      return c != 0 && owner[c] == id;
    }
  }

  /** A line while it is being built. */
  private static final class Chain {
    final List<Glyph> glyphs = new ArrayList<>();
    double digitHeight;

    /**
     * How much of {@code g}'s height lies within the band of the line's last {@link #BAND}
     * glyphs: the band follows a line that climbs or falls (a turned page, an uneven baseline).
     */
    double overlap(Glyph g) {
      int top = Integer.MAX_VALUE;
      int bottom = Integer.MIN_VALUE;
      for (int i = Math.max(0, glyphs.size() - BAND); i < glyphs.size(); i++) {
        top = Math.min(top, glyphs.get(i).top);
        bottom = Math.max(bottom, glyphs.get(i).bottom);
      }
      int shared = Math.min(bottom, g.bottom) - Math.max(top, g.top) + 1;
      return Math.max(0, shared) / (double) g.height();
    }

    double centreY() {
      double sum = 0;
      for (Glyph g : glyphs) {
        sum += g.centreY();
      }
      return sum / glyphs.size();
    }

    void add(Glyph g) {
      glyphs.add(g);
      double[] h = glyphs.stream().mapToDouble(Glyph::height).sorted().toArray();
      digitHeight = h[h.length / 2];
    }
  }

  private int[] owner = new int[16];

  /** The lines of the page whose components {@code k} labelled, top to bottom. */
  List<Line> find(InkComponents k, InkMap m) {
    int n = k.count();
    if (owner.length <= n) {
      owner = new int[Math.max(2 * owner.length, n + 1)];
    }
    Arrays.fill(owner, 0);
    List<Integer> candidates = new ArrayList<>();
    for (int c = 1; c <= n; c++) {
      if (plausible(k, c)) {
        candidates.add(c);
      }
    }
    double typical = typicalHeight(k, candidates);
    if (typical == 0) {
      return List.of();
    }
    List<Glyph> seeds = new ArrayList<>();
    List<Glyph> parts = new ArrayList<>();
    List<Integer> small = new ArrayList<>();
    for (int c = 1; c <= n; c++) {
      if (loneBar(k, c, typical)) {
        small.add(c);
      }
    }
    int id = 0;
    for (int c : candidates) {
      double h = k.height(c);
      if (h > TOO_TALL * typical) {
        continue;
      }
      if (isSeed(h, typical, m)) {
        seeds.add(new Glyph(k, owner, ++id, c));
      } else {
        small.add(c);
      }
    }
    for (Glyph g : clusters(k, small, typical, id)) {
      (isSeed(g.height(), typical, m) ? seeds : parts).add(g);
    }
    List<Chain> chains = chain(seeds);
    attachParts(parts, chains);
    chains = chain(mergeStacked(chains));
    List<Line> lines = new ArrayList<>();
    chains.sort(Comparator.comparingDouble(Chain::centreY));
    for (Chain ch : chains) {
      lines.add(new Line(mergeOverlapping(ch), ch.digitHeight));
    }
    return lines;
  }

  /** The typical height of a component: the median height by ink area. */
  static double typicalHeight(InkComponents k, List<Integer> components) {
    if (components.isEmpty()) {
      return 0;
    }
    List<Integer> byHeight = new ArrayList<>(components);
    byHeight.sort(Comparator.comparingInt(k::height));
    long total = 0;
    for (int c : byHeight) {
      total += k.area(c);
    }
    long seen = 0;
    for (int c : byHeight) {
      seen += k.area(c);
      if (2 * seen >= total) {
        return k.height(c);
      }
    }
    return k.height(byHeight.get(byHeight.size() - 1));
  }

  private static boolean isSeed(double height, double typical, InkMap m) {
    return height >= SEED * typical && height * m.factor >= DigitBlobs.MIN_DIGIT_PIXELS;
  }

  /**
   * The small components in groups of those lying within {@link #CLUSTER_GAP} digit heights of
   * each other: the pieces of a digit whose faint strokes broke, which together may be as high as
   * a digit.
   */
  private List<Glyph> clusters(InkComponents k, List<Integer> small, double typical, int lastId) {
    int n = small.size();
    int[] root = new int[n];
    for (int i = 0; i < n; i++) {
      root[i] = i;
    }
    double reach = Math.max(1, CLUSTER_GAP * typical);
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        int a = small.get(i);
        int b = small.get(j);
        int gapX = Math.max(k.left(b) - k.right(a), k.left(a) - k.right(b)) - 1;
        int gapY = Math.max(k.top(b) - k.bottom(a), k.top(a) - k.bottom(b)) - 1;
        if (Math.max(gapX, gapY) <= reach) {
          root[find(root, i)] = find(root, j);
        }
      }
    }
    List<Glyph> groups = new ArrayList<>();
    Glyph[] byRoot = new Glyph[n];
    int id = lastId;
    for (int i = 0; i < n; i++) {
      int r = find(root, i);
      if (byRoot[r] == null) {
        byRoot[r] = new Glyph(k, owner, ++id, small.get(i));
        groups.add(byRoot[r]);
      } else {
        byRoot[r].add(small.get(i));
      }
    }
    return groups;
  }

  private static int find(int[] root, int i) {
    while (root[i] != i) {
      root[i] = root[root[i]];
      i = root[i];
    }
    return i;
  }

  /**
   * A short flat bar, no digit alone but maybe the loose top bar of a 5 or a 7: it may join the
   * glyph it belongs to as a part, never start one.
   */
  private static boolean loneBar(InkComponents k, int c, double typical) {
    return k.area(c) >= MnistStyle.MIN_SPECK_PIXELS && k.line(c) && !k.smear(c)
        && Integer.bitCount(k.touch(c)) <= 1 && k.width(c) <= BAR * typical
        && k.height(c) < SEED * typical;
  }

  private static boolean plausible(InkComponents k, int c) {
    return k.area(c) >= MnistStyle.MIN_SPECK_PIXELS && !k.line(c) && !k.smear(c)
        && Integer.bitCount(k.touch(c)) <= 1;
  }

  private static List<Chain> chain(List<Glyph> seeds) {
    seeds.sort(Comparator.comparingDouble(Glyph::centreX));
    List<Chain> chains = new ArrayList<>();
    for (Glyph g : seeds) {
      Chain best = null;
      double bestOverlap = LINE_OVERLAP;
      for (Chain ch : chains) {
        double overlap = ch.overlap(g);
        if (overlap >= bestOverlap) {
          best = ch;
          bestOverlap = overlap;
        }
      }
      if (best == null) {
        best = new Chain();
        chains.add(best);
      }
      best.add(g);
    }
    return chains;
  }

  /** Each part joins the glyph it shares the most columns with, if it fits; else it is dropped. */
  private static void attachParts(List<Glyph> parts, List<Chain> chains) {
    parts.sort(Comparator.comparingInt((Glyph g) -> g.width() * g.height()).reversed());
    for (Glyph part : parts) {
      Glyph best = null;
      int bestOverlap = Integer.MIN_VALUE;
      for (Chain ch : chains) {
        for (Glyph g : ch.glyphs) {
          int overlap = Math.min(g.right, part.right) - Math.max(g.left, part.left) + 1;
          int gap = Math.max(0, Math.max(part.top - g.bottom, g.top - part.bottom) - 1);
          int height = Math.max(g.bottom, part.bottom) - Math.min(g.top, part.top) + 1;
          int width = Math.max(g.right, part.right) - Math.min(g.left, part.left) + 1;
          boolean topBar = part.width() >= 3 * part.height()
              && part.bottom <= g.top + TOP_BAR * ch.digitHeight
              && -overlap <= BAR_GAP * ch.digitHeight
              && width <= PagePreparer.WIDEST_DIGIT * ch.digitHeight;
          boolean fits = (overlap >= PART_OVERLAP * part.width() || topBar)
              && gap <= PART_GAP * ch.digitHeight
              && height <= MAX_GLYPH_HEIGHT * Math.max(ch.digitHeight, g.height());
          if (fits && overlap > bestOverlap) {
            best = g;
            bestOverlap = overlap;
          }
        }
      }
      if (best != null) {
        best.absorb(part);
      }
    }
  }

  /**
   * Every glyph, those stacked on each other that share most of their columns and together are no
   * taller than a digit made one: the pieces of a digit broken across its waist, which may have
   * been chained into lines of their own. A digit is as high as the page's typical line, or as
   * the tallest glyph of either piece's line (up to twice that), for pages where broken pieces
   * are most of the glyphs.
   */
  private static List<Glyph> mergeStacked(List<Chain> chains) {
    List<Glyph> all = new ArrayList<>();
    List<Double> heights = new ArrayList<>();
    java.util.Map<Glyph, Integer> tallest = new java.util.IdentityHashMap<>();
    for (Chain ch : chains) {
      all.addAll(ch.glyphs);
      int top = ch.glyphs.stream().mapToInt(Glyph::height).max().orElse(0);
      ch.glyphs.forEach(g -> {
        heights.add(ch.digitHeight);
        tallest.put(g, top);
      });
    }
    if (all.isEmpty()) {
      return all;
    }
    heights.sort(null);
    double h = heights.get(heights.size() / 2);
    boolean merged = true;
    while (merged) {
      merged = false;
      for (int i = 0; i < all.size() && !merged; i++) {
        for (int j = i + 1; j < all.size() && !merged; j++) {
          Glyph a = all.get(i);
          Glyph b = all.get(j);
          int overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) + 1;
          int gap = Math.max(b.top - a.bottom, a.top - b.bottom) - 1;
          int height = Math.max(a.bottom, b.bottom) - Math.min(a.top, b.top) + 1;
          double digit = Math.max(h, Math.min(2 * h, Math.max(tallest.get(a), tallest.get(b))));
          if (overlap >= SAME_DIGIT_OVERLAP * Math.min(a.width(), b.width())
              && gap <= PART_GAP * h && height <= MAX_GLYPH_HEIGHT * digit) {
            a.absorb(b);
            tallest.put(a, Math.max(tallest.get(a), tallest.get(b)));
            all.remove(j);
            merged = true;
          }
        }
      }
    }
    return all;
  }

  /** The chain's glyphs left to right, those sharing most of their columns made one. */
  private static List<Glyph> mergeOverlapping(Chain ch) {
    List<Glyph> glyphs = new ArrayList<>(ch.glyphs);
    glyphs.sort(Comparator.comparingInt(Glyph::left));
    List<Glyph> out = new ArrayList<>();
    for (Glyph g : glyphs) {
      Glyph last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null) {
        int overlap = Math.min(last.right, g.right) - Math.max(last.left, g.left) + 1;
        int height = Math.max(last.bottom, g.bottom) - Math.min(last.top, g.top) + 1;
        if (overlap >= SAME_DIGIT_OVERLAP * Math.min(last.width(), g.width())
            && height <= MAX_GLYPH_HEIGHT * ch.digitHeight) {
          last.absorb(g);
          continue;
        }
      }
      out.add(g);
    }
    return out;
  }
}
