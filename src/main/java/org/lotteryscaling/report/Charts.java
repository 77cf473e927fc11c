package org.lotteryscaling.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lotteryscaling.stats.LogBins;
import org.lotteryscaling.stats.LogLoss;

/** XChart plumbing shared by every figure: chart styles, log-histogram bars, PNG + SVG output. */
final class Charts {
  private Charts() {}

  static final int WIDTH = 640;
  static final int HEIGHT = 440;
  static final int PANEL_WIDTH = 420;
  static final int PANEL_HEIGHT = 320;

  /** A 10-colour palette that prints and reads well; series i gets colour i mod 10. */
  static final Color[] PALETTE = {
    new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
    new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75),
    new Color(227, 119, 194), new Color(127, 127, 127), new Color(188, 189, 34),
    new Color(23, 190, 207)};

  static {
    // Figures are drawn off-screen: no display is needed (CI, clusters).
    System.setProperty("java.awt.headless", "true");
  }

  static XYChart xy(String title, String xTitle, String yTitle, int width, int height) {
    XYChart chart = new XYChart(width, height);
    chart.setTitle(title);
    chart.setXAxisTitle(xTitle);
    chart.setYAxisTitle(yTitle);
    chart.getStyler().setChartBackgroundColor(Color.WHITE)
        .setPlotBackgroundColor(Color.WHITE)
        .setPlotBorderVisible(true)
        .setLegendPosition(Styler.LegendPosition.InsideNE)
        .setLegendBorderColor(Color.LIGHT_GRAY)
        .setSeriesColors(PALETTE)
        .setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14))
        .setMarkerSize(5);
    chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
    chart.getStyler().setLocale(java.util.Locale.ROOT);
    return chart;
  }

  static XYSeries line(XYChart chart, String name, double[] x, double[] y) {
    return series(chart, name, x, y, XYSeries.XYSeriesRenderStyle.Line, SeriesMarkers.CIRCLE);
  }

  static XYSeries dashed(XYChart chart, String name, double[] x, double[] y, Color color) {
    return stroked(chart, name, x, y, color, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
  }

  /** A dotted line, told apart from {@link #dashed}'s when both are drawn in one colour. */
  static XYSeries dotted(XYChart chart, String name, double[] x, double[] y, Color color) {
    return stroked(chart, name, x, y, color, new BasicStroke(2f, BasicStroke.CAP_ROUND,
        BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 4f}, 0f));
  }

  /**
   * A vertical bar from low to high at x (an interval), thin and left out of the legend; its name
   * must be unique in the chart.
   */
  static XYSeries intervalBar(XYChart chart, String name, double x, double low, double high,
      Color color) {
    XYSeries s = stroked(chart, name, new double[] {x, x}, new double[] {low, high}, color,
        new BasicStroke(1f));
    s.setShowInLegend(false);
    return s;
  }

  /** A line without markers in one colour and stroke. */
  private static XYSeries stroked(XYChart chart, String name, double[] x, double[] y, Color color,
      BasicStroke stroke) {
    XYSeries s = series(chart, name, x, y, XYSeries.XYSeriesRenderStyle.Line, SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(stroke);
    return s;
  }

  static XYSeries scatter(XYChart chart, String name, double[] x, double[] y) {
    return series(chart, name, x, y, XYSeries.XYSeriesRenderStyle.Scatter, SeriesMarkers.CIRCLE);
  }

  private static XYSeries series(XYChart chart, String name, double[] x, double[] y,
      XYSeries.XYSeriesRenderStyle style, org.knowm.xchart.style.markers.Marker marker) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(style);
    s.setMarker(marker);
    return s;
  }

  /**
   * A histogram as a step outline over bin edges: counts[k] between edges[k] and edges[k+1].
   * Drawn as an XY step series so several histograms overlay on one shared set of bins.
   */
  static XYSeries histogram(XYChart chart, String name, double[] edges, double[] counts) {
    // Bin edges are arbitrary reals: round the tick labels, not the data.
    chart.getStyler().setXAxisDecimalPattern("0.##");
    int bins = counts.length;
    double[] x = new double[2 * bins + 2];
    double[] y = new double[2 * bins + 2];
    x[0] = edges[0];
    for (int k = 0; k < bins; k++) {
      x[2 * k + 1] = edges[k];
      y[2 * k + 1] = counts[k];
      x[2 * k + 2] = edges[k + 1];
      y[2 * k + 2] = counts[k];
    }
    x[2 * bins + 1] = edges[bins];
    XYSeries s = series(chart, name, x, y, XYSeries.XYSeriesRenderStyle.Line, SeriesMarkers.NONE);
    s.setLineStyle(new BasicStroke(2f));
    return s;
  }

  /**
   * How many of {@code values} fall in each of the bins, binned as the loss_histogram table is
   * ({@link LogBins#bin} of {@link LogLoss#log10}); values outside the bins count in the end bins,
   * non-positive or non-finite ones not at all.
   */
  static double[] log10Counts(double[] values, LogBins bins) {
    double[] counts = new double[bins.bins()];
    for (double value : values) {
      if (value > 0 && Double.isFinite(value)) {
        double x = Math.max(bins.lo(), Math.min(bins.hi(), LogLoss.log10(value)));
        counts[bins.bin(x)]++;
      }
    }
    return counts;
  }

  /** The bins' edges, first to last. */
  static double[] edges(LogBins bins) {
    double[] e = new double[bins.bins() + 1];
    for (int k = 0; k <= bins.bins(); k++) {
      e[k] = bins.edge(k);
    }
    return e;
  }

  /**
   * {@code bins} equal log10 bins over [min, max] log10 of the positive finite values, widened to
   * whole quarter decades (a quarter decade when every value is the same); null if there are none.
   */
  static LogBins log10Bins(int bins, double[]... groups) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] values : groups) {
      for (double v : values) {
        if (v > 0 && Double.isFinite(v)) {
          lo = Math.min(lo, LogLoss.log10(v));
          hi = Math.max(hi, LogLoss.log10(v));
        }
      }
    }
    if (lo > hi) {
      return null;
    }
    lo = Math.floor(lo * 4) / 4;
    hi = Math.ceil(hi * 4) / 4;
    return new LogBins(lo, hi > lo ? hi : lo + 0.25, bins);
  }

  static HeatMapChart heatMap(String title, int width, int height) {
    HeatMapChart chart = new HeatMapChart(width, height, Styler.ChartTheme.XChart);
    chart.setTitle(title);
    chart.getStyler().setChartBackgroundColor(Color.WHITE)
        .setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    chart.getStyler().setRangeColors(new Color[] {
      new Color(49, 54, 149), new Color(255, 255, 255), new Color(165, 0, 38)});
    chart.getStyler().setMin(-1).setMax(1).setShowValue(false);
    chart.getStyler().setLocale(java.util.Locale.ROOT);
    return chart;
  }

  /**
   * A heat map of a row-major {@code size x size} correlation matrix on the colour scale -1..1.
   * XChart 3.8.8 indexes past its colour array for a value a few ulps below the scale's maximum
   * (a correlation of 0.9999999999999999 crashed the report), so such values are drawn as 1: no
   * colour of an 8-bit gradient can show the difference, and every other cell is drawn as it is.
   */
  static HeatMapChart correlationHeatMap(String title, double[] matrix, int size) {
    HeatMapChart chart = heatMap(title, PANEL_WIDTH, PANEL_HEIGHT);
    List<String> axis = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      axis.add(String.valueOf(i + 1));
    }
    List<Number[]> cells = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        cells.add(new Number[] {i, j, belowOneSnapped(matrix[i * size + j])});
      }
    }
    chart.addSeries("correlation", axis, axis, cells);
    return chart;
  }

  private static double belowOneSnapped(double value) {
    return value < 1 && value > 1 - 1e-12 ? 1.0 : value;
  }

  /** Saves {@code chart} as figures/{stem}.png and figures/{stem}.svg; returns the stem. */
  static String save(Chart<?, ?> chart, Path figuresDir, String stem) {
    try {
      BitmapEncoder.saveBitmap(chart, figuresDir.resolve(stem + ".png").toString(),
          BitmapEncoder.BitmapFormat.PNG);
      VectorGraphicsEncoder.saveVectorGraphic(chart, figuresDir.resolve(stem + ".svg").toString(),
          VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write figure " + stem + " in " + figuresDir, e);
    }
    return stem;
  }

  static double[] log10(double[] xs) {
    return Arrays.stream(xs).map(Math::log10).toArray();
  }
}
