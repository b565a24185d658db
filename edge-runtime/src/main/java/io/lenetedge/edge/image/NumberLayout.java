package io.lenetedge.edge.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Groups the ink components of a page into lines of glyphs, in reading order. Components that are
 * specks, lines, smears or clutter across the region are dropped; components at least half as high
 * as a typical one seed the glyphs and are chained into lines from left to right (each line
 * follows its own slope, so a page turned a few degrees or an uneven baseline keeps its lines);
 * smaller parts join the glyph whose columns they share (a 5's loose bar, a broken 8) and are
 * dropped otherwise (a dash, a dot); glyphs sharing most of their columns are one digit (a 4 drawn
 * in two strokes). Pure: components in, glyph selections out. Not thread-safe.
 */
final class NumberLayout {
  /** Glyph seeds are at least this fraction of the typical component height. */
  private static final double SEED = 0.5;
  /** A seed joins a line when its centre lies within this fraction of a digit height of it. */
  private static final double LINE_TOLERANCE = 0.5;
  /** Parts never make a glyph taller than this many times its line's digit height. */
  private static final double MAX_GLYPH_HEIGHT = 1.35;
  /** A part shares at least this fraction of its columns with its glyph... */
  private static final double PART_OVERLAP = 0.3;
  /** ...and lies at most this fraction of a digit height above or below it. */
  private static final double PART_GAP = 0.35;
  /** Two seeds sharing this fraction of the narrower one's columns are one digit. */
  private static final double SAME_DIGIT_OVERLAP = 0.6;
  /** Small components this fraction of a digit height apart or closer are pieces of one. */
  private static final double CLUSTER_GAP = 0.15;
  /** Components taller than this many typical heights are not digits (two lines run together). */
  private static final double TOO_TALL = 2.2;
  /** A page line can turn by at most this slope (about 7 degrees). */
  private static final double MAX_SLOPE = 0.12;

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

    double yAt(double x) {
      int n = glyphs.size();
      Glyph last = glyphs.get(n - 1);
      if (n < 2 || last.centreX() - glyphs.get(0).centreX() < digitHeight) {
        return last.centreY();
      }
      double mx = 0;
      double my = 0;
      for (Glyph g : glyphs) {
        mx += g.centreX() / n;
        my += g.centreY() / n;
      }
      double sxy = 0;
      double sxx = 0;
      for (Glyph g : glyphs) {
        sxy += (g.centreX() - mx) * (g.centreY() - my);
        sxx += (g.centreX() - mx) * (g.centreX() - mx);
      }
      double slope = Math.clamp(sxx == 0 ? 0 : sxy / sxx, -MAX_SLOPE, MAX_SLOPE);
      return my + slope * (x - mx);
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
    List<Line> lines = new ArrayList<>();
    double middle = m.width / 2.0;
    chains.sort(Comparator.comparingDouble(ch -> ch.yAt(middle)));
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

  private static boolean plausible(InkComponents k, int c) {
    return k.area(c) >= MnistStyle.MIN_SPECK_PIXELS && !k.line(c) && !k.smear(c)
        && Integer.bitCount(k.touch(c)) <= 1;
  }

  private static List<Chain> chain(List<Glyph> seeds) {
    seeds.sort(Comparator.comparingDouble(Glyph::centreX));
    List<Chain> chains = new ArrayList<>();
    for (Glyph g : seeds) {
      Chain best = null;
      double bestOff = Double.MAX_VALUE;
      for (Chain ch : chains) {
        double off = Math.abs(g.centreY() - ch.yAt(g.centreX()));
        if (off <= LINE_TOLERANCE * Math.max(ch.digitHeight, g.height()) && off < bestOff) {
          best = ch;
          bestOff = off;
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
      int bestOverlap = 0;
      for (Chain ch : chains) {
        for (Glyph g : ch.glyphs) {
          int overlap = Math.min(g.right, part.right) - Math.max(g.left, part.left) + 1;
          int gap = Math.max(0, Math.max(part.top - g.bottom, g.top - part.bottom) - 1);
          int height = Math.max(g.bottom, part.bottom) - Math.min(g.top, part.top) + 1;
          boolean fits = overlap >= PART_OVERLAP * part.width()
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
