package io.lenetedge.trainer;

import static io.lenetedge.common.UserError.Kind.FAILED;

import io.lenetedge.common.UserError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The learning curve (error rates and training loss per epoch) as a PNG, drawn with XChart. */
final class LearningCurvePlot {
  private LearningCurvePlot() {}

  static void write(List<EpochResult> epochs, int bestEpoch, Path png) {
    double[] x = epochs.stream().mapToDouble(EpochResult::epoch).toArray();
    XYChart chart = new XYChartBuilder().width(900).height(520)
        .title("LeNet-5 on MNIST: error per epoch (best epoch " + bestEpoch + ")")
        .xAxisTitle("epoch").yAxisTitle("error %").build();
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setYAxisDecimalPattern("0.0#");
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
    series(chart, "train error (augmented, dropout on)", x,
        epochs.stream().mapToDouble(r -> 100 * (1 - r.trainAccuracy())).toArray());
    series(chart, "validation error", x,
        epochs.stream().mapToDouble(r -> 100 * (1 - r.validationAccuracy())).toArray());
    series(chart, "test error", x,
        epochs.stream().mapToDouble(r -> 100 * (1 - r.testAccuracy())).toArray());
    try {
      BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UserError(FAILED, "cannot write " + png + ": " + e.getMessage(), e);
    }
  }

  private static void series(XYChart chart, String name, double[] x, double[] y) {
    double[] floored = java.util.Arrays.stream(y).map(v -> Math.max(v, 0.01)).toArray();
    XYSeries s = chart.addSeries(name, x, floored);
    s.setMarker(SeriesMarkers.CIRCLE);
  }
}
