package io.lenetedge.testkit;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.image.Candidates;
import io.lenetedge.image.GrayImage;
import io.lenetedge.image.MnistStyle;
import io.lenetedge.image.PagePreparer;
import io.lenetedge.image.PieceClass;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Training sets for the number reader's two page models, made from generated pages of MNIST
 * <em>training</em> digits as {@code --read number} prepares them: the context view of each piece
 * of each way to read a glyph, labelled by the page's digit boxes. Written as the four IDX files
 * the trainer reads; the test files come from other pages than the training files.
 */
public final class PieceSets {
  /** A piece whose horizontal overlap with a digit's box, over their union, is at least this... */
  static final double MATCH = 0.75;
  /** ... and under this is a bad cut; between the two it is left out. */
  static final double MISS = 0.6;

  /** What a set holds. */
  public enum Kind {
    /**
     * For the piece verifier: every piece of a glyph that has more than one way to be read, as
     * {@link PieceClass#FRAGMENT}, {@link PieceClass#DIGIT} or {@link PieceClass#MERGED}.
     */
    VERIFIER,
    /** For the page digit model: every piece that is one whole digit, labelled with the digit. */
    DIGITS
  }

  private PieceSets() {}

  /**
   * The piece class of {@code p} on a page with digit boxes {@code boxes}: merged when two or
   * more boxes have their centre in it (5 px of slack in y), a fragment when none has or when the
   * one that has overlaps it under {@link #MISS}; -1 when it matches its box only roughly.
   */
  static int label(MnistStyle.Prepared p, List<int[]> boxes) {
    int inside = 0;
    int[] match = null;
    for (int[] b : boxes) {
      if (centreInside(b, p)) {
        inside++;
        match = b;
      }
    }
    if (inside != 1) {
      return inside == 0 ? PieceClass.FRAGMENT : PieceClass.MERGED;
    }
    double overlap = Math.min(p.x() + p.width(), match[0] + match[2]) - Math.max(p.x(), match[0]);
    double union = Math.max(p.x() + p.width(), match[0] + match[2]) - Math.min(p.x(), match[0]);
    double iou = overlap / union;
    return iou >= MATCH ? PieceClass.DIGIT : iou < MISS ? PieceClass.FRAGMENT : -1;
  }

  private static boolean centreInside(int[] b, MnistStyle.Prepared p) {
    double cx = b[0] + b[2] / 2.0;
    double cy = b[1] + b[3] / 2.0;
    return cx >= p.x() && cx < p.x() + p.width() && cy >= p.y() - 5
        && cy < p.y() + p.height() + 5;
  }

  /**
   * Writes a set of {@code kind} from pages {@code 0 .. pages-1} of {@code seed} (training files)
   * and of {@code seed + 1} (a tenth as many, test files) to {@code dir}.
   *
   * @param digits the MNIST training digits
   * @return how many examples of each label the training files hold
   */
  public static int[] write(LabeledImages digits, Kind kind, long seed, int pages, Path dir)
      throws IOException {
    Files.createDirectories(dir);
    write(digits, kind, seed + 1, Math.max(1, pages / 10), dir, "t10k");
    return write(digits, kind, seed, pages, dir, "train");
  }

  private static int[] write(LabeledImages digits, Kind kind, long seed, int pages, Path dir,
      String prefix) throws IOException {
    NumberPages generator = new NumberPages(digits, seed);
    PagePreparer preparer = new PagePreparer();
    ByteArrayOutputStream images = new ByteArrayOutputStream();
    ByteArrayOutputStream labels = new ByteArrayOutputStream();
    int[] counts = new int[10];
    for (int i = 0; i < pages; i++) {
      NumberPages.Page page = generator.page(i);
      Candidates c = preparer.prepare(new GrayImage(page.width(), page.height(), page.pixels()));
      String written = page.text().replace(" ", "").replace("\n", "");
      for (Candidates.Line line : c.lines()) {
        for (Candidates.Glyph glyph : line.glyphs()) {
          if (kind == Kind.VERIFIER && glyph.alternatives().size() < 2) {
            continue;
          }
          for (Candidates.Alternative a : glyph.alternatives()) {
            for (int d = 0; d < a.digits().size(); d++) {
              MnistStyle.Prepared p = a.digits().get(d);
              int label = label(p, page.boxes());
              if (kind == Kind.DIGITS) {
                label = label == PieceClass.DIGIT ? written.charAt(box(p, page.boxes())) - '0' : -1;
              }
              if (label >= 0) {
                counts[label]++;
                labels.write(label);
                for (float v : a.views().get(d)) {
                  images.write(Math.round(Math.max(0, Math.min(1, v)) * 255));
                }
              }
            }
          }
        }
      }
    }
    writeIdx(dir.resolve(prefix + "-images-idx3-ubyte"), 0x803,
        new int[] {labels.size(), MnistStyle.SIZE, MnistStyle.SIZE}, images);
    writeIdx(dir.resolve(prefix + "-labels-idx1-ubyte"), 0x801, new int[] {labels.size()}, labels);
    return counts;
  }

  /** The index of the box whose centre lies in {@code p}. */
  private static int box(MnistStyle.Prepared p, List<int[]> boxes) {
    for (int i = 0; i < boxes.size(); i++) {
      if (centreInside(boxes.get(i), p)) {
        return i;
      }
    }
    throw new IllegalStateException("a matched piece holds no box's centre");
  }

  private static void writeIdx(Path file, int magic, int[] dimensions, ByteArrayOutputStream data)
      throws IOException {
    try (OutputStream os = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(os)) {
      out.writeInt(magic);
      for (int d : dimensions) {
        out.writeInt(d);
      }
      data.writeTo(out);
    }
  }
}
