package io.lenetedge.edge.bench;

import io.lenetedge.common.UserError;
import io.lenetedge.common.bench.BenchRow;
import io.lenetedge.common.bench.LatencyStats;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The latency distribution of each benchmark row as a percentile plot (latency against percentile,
 * both on log scales, the tail to the right), drawn with XChart into a PNG as the trainer draws its
 * learning curve. A bare ONNX Runtime row is dashed, in the colour of the runtime row it follows.
 */
public final class LatencyPlot {
  /** The right end of the percentile axis: 99.99 %, four nines. */
  private static final double NINES = 4;
  private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e),
      new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b),
      new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

  private LatencyPlot() {}

  public static void write(List<BenchRow> rows, String title, Path png) {
    XYChart chart = new XYChartBuilder().width(1000).height(600).title(title)
        .xAxisTitle("percentile").yAxisTitle("latency µs").build();
    XYStyler style = chart.getStyler();
    style.setLegendPosition(Styler.LegendPosition.OutsideE);
    style.setChartBackgroundColor(Color.WHITE);
    style.setYAxisLogarithmic(true);
    style.setYAxisDecimalPattern("#,##0.#");
    style.setXAxisMin(0.0);
    style.setXAxisMax(NINES);
    style.setxAxisTickLabelsFormattingFunction(LatencyPlot::percentileLabel);
    int colour = -1;
    for (BenchRow r : rows.stream().filter(BenchRow::ran).toList()) {
      boolean bare = r.provider().equals("bare-ort");
      colour += bare && colour >= 0 ? 0 : 1;
      double[] x = new double[LatencyStats.CURVE_PERCENTILES.length];
      double[] y = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = nines(LatencyStats.CURVE_PERCENTILES[i]);
        y[i] = Math.max(r.stats().curve()[i], 0.1);
      }
      XYSeries s = chart.addSeries(String.format(Locale.ROOT, "%s, %d thr, batch %d",
          r.provider(), r.threads(), r.batch()), x, y);
      Color c = COLORS[colour % COLORS.length];
      s.setLineColor(c);
      s.setMarkerColor(c);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setLineStyle(bare ? SeriesLines.DASH_DASH : SeriesLines.SOLID);
    }
    try {
      BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UserError(UserError.Kind.FAILED, "cannot write " + png + ": " + e.getMessage(), e);
    }
  }

  /**
   * A percentile's place on the x axis: log10(1 / (1 - p)), so 90 % is 1, 99 % is 2 and 99.9 % is
   * 3; 99.99 % and above (the max) sit at the right end.
   */
  static double nines(double percentile) {
    double p = Math.min(percentile, 99.99) / 100;
    return Math.log10(1 / (1 - p));
  }

  /** The tick label at {@code x}: whole nines only (0 %, 90 %, 99 %, ...), the rest unlabelled. */
  static String percentileLabel(double x) {
    if (Math.abs(x - Math.rint(x)) > 1e-9) {
      return "";
    }
    double p = 100 * (1 - Math.pow(10, -Math.rint(x)));
    return new java.math.BigDecimal(p).round(new java.math.MathContext(6)).stripTrailingZeros()
        .toPlainString() + " %";
  }
}
