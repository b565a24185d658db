package io.lenetedge.edge.read;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.image.Candidates;
import io.lenetedge.image.GrayImage;
import io.lenetedge.image.MnistStyle;
import io.lenetedge.testkit.NumberPages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How {@link SplitVerifier}'s weights are made: every glyph of generated pages that the reader
 * could read as one digit or as two, its features as the reader computes them, labelled by how
 * many of the page's digits are centred inside it; then an L2-regularised logistic regression
 * (Newton's method). Pages of MNIST <em>training</em> digits only.
 */
final class SplitVerifierFit {
  /** L2 penalty on every weight but the bias. */
  static final double PENALTY = 0.01;

  /** One glyph: its features and whether it is two digits. */
  record Sample(SplitVerifier.Features features, boolean two) {}

  private SplitVerifierFit() {}

  /**
   * The samples of pages {@code 0 .. pages-1} of {@code seed}, prepared as {@code --read number}
   * prepares them and classified by {@code model}.
   */
  static List<Sample> collect(LabeledImages digits, long seed, int pages, DigitClassifier model) {
    NumberPages generator = new NumberPages(digits, seed);
    Preparation preparation = Preparations.number(null);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < pages; i++) {
      NumberPages.Page page = generator.page(i);
      Candidates c = preparation.prepare(new GrayImage(page.width(), page.height(), page.pixels()));
      float[][] p = model.classify(c.inputs());
      int first = 0;
      for (Candidates.Line line : c.lines()) {
        for (Candidates.Glyph glyph : line.glyphs()) {
          SplitVerifier.Features f =
              CandidateReader.splitQuestion(glyph, p, first, line.digitHeight());
          first += CandidateReader.size(glyph);
          int inside = f == null ? 0 : digitsInside(glyph, page.boxes());
          if (inside == 1 || inside == 2) {
            samples.add(new Sample(f, inside == 2));
          }
        }
      }
    }
    return samples;
  }

  /** How many digit boxes have their centre inside the glyph read whole (5 px of slack in y). */
  private static int digitsInside(Candidates.Glyph glyph, List<int[]> boxes) {
    MnistStyle.Prepared whole = glyph.alternatives().stream()
        .filter(a -> a.digits().size() == 1).findFirst().orElseThrow().digits().get(0);
    int n = 0;
    for (int[] b : boxes) {
      double cx = b[0] + b[2] / 2.0;
      double cy = b[1] + b[3] / 2.0;
      if (cx >= whole.x() && cx < whole.x() + whole.width() && cy >= whole.y() - 5
          && cy < whole.y() + whole.height() + 5) {
        n++;
      }
    }
    return n;
  }

  /** The weights (in {@link SplitVerifier#weights()}' order, bias last) that fit {@code samples}. */
  static double[] fit(List<Sample> samples) {
    int d = samples.get(0).features().vector().length + 1;
    double[][] x = new double[samples.size()][];
    for (int i = 0; i < x.length; i++) {
      double[] v = samples.get(i).features().vector();
      x[i] = Arrays.copyOf(v, d);
      x[i][d - 1] = 1;
    }
    double[] w = new double[d];
    for (int iteration = 0; iteration < 50; iteration++) {
      double[] gradient = new double[d];
      double[][] hessian = new double[d][d];
      for (int i = 0; i < x.length; i++) {
        double z = 0;
        for (int j = 0; j < d; j++) {
          z += w[j] * x[i][j];
        }
        double p = 1 / (1 + Math.exp(-z));
        double y = samples.get(i).two() ? 1 : 0;
        for (int j = 0; j < d; j++) {
          gradient[j] += (p - y) * x[i][j];
          for (int k = 0; k < d; k++) {
            hessian[j][k] += p * (1 - p) * x[i][j] * x[i][k];
          }
        }
      }
      for (int j = 0; j < d; j++) {
        gradient[j] += j < d - 1 ? PENALTY * w[j] : 0;
        hessian[j][j] += PENALTY;
      }
      double[] step = solve(hessian, gradient);
      for (int j = 0; j < d; j++) {
        w[j] -= step[j];
      }
    }
    return w;
  }

  /** The share of {@code samples} that {@code weights} decide right. */
  static double accuracy(List<Sample> samples, double[] weights) {
    int right = 0;
    for (Sample s : samples) {
      right += (SplitVerifier.logOdds(weights, s.features()) > 0) == s.two() ? 1 : 0;
    }
    return right / (double) samples.size();
  }

  /** Solves {@code a x = b} by Gaussian elimination with partial pivoting. */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] t = m[c];
      m[c] = m[pivot];
      m[pivot] = t;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) {
          m[r][k] -= f * m[c][k];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= m[r][k] * x[k];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }
}
