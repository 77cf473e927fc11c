package org.lotteryscaling.report;

import static org.lotteryscaling.report.ReportData.where;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lotteryscaling.report.ReportData.LossSummary;
import org.lotteryscaling.report.SweptData.AxisFit;
import org.lotteryscaling.report.SweptData.RunLosses;
import org.lotteryscaling.stats.PowerLawFit;
import org.lotteryscaling.stats.Quantiles;
import org.lotteryscaling.task.Setting;
import org.lotteryscaling.task.SettingKey;
import org.lotteryscaling.task.Sweep;
import org.lotteryscaling.tables.ResultTables;

/**
 * The figures of a swept experiment: per setting the width law (figure 1c's chart, one panel per
 * target), and per swept axis the median losses against the axis at each width, training and test,
 * with the fits of scaling_fit along it, and per setting the paper's figures from its rows.
 */
public final class SweepFigures {
  private final SweptData data;
  private final Path dir;

  SweepFigures(SweptData data, Path figuresDir) {
    this.data = data;
    this.dir = figuresDir;
  }

  /**
   * Every figure in page order: the axes' figures, then per setting its width law and the paper's
   * figures drawn from that setting's rows alone (in figures/STEM/, each id and title naming the
   * setting).
   */
  static List<Figure> render(SweptData data, Path figuresDir) {
    SweepFigures f = new SweepFigures(data, figuresDir);
    List<Figure> out = new ArrayList<>(f.axisFigures());
    for (Setting s : data.settings()) {
      out.add(f.widthLaw(s));
      out.addAll(f.paperFigures(s));
    }
    return out;
  }

  /** The paper's figures at one setting, but figure 1c (its width law is drawn above). */
  private List<Figure> paperFigures(Setting setting) {
    String stem = stem(setting);
    Path dir = this.dir.resolve(stem);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the figures in " + dir, e);
    }
    List<Figure> out = new ArrayList<>();
    for (Figure fig : PaperFigures.render(data.bySetting().get(setting), dir)) {
      if (fig.id().equals(PaperFigures.WIDTH_LAW_ID)) {
        continue;
      }
      String id = fig.id() + "-" + stem;
      String title = fig.title() + ", " + setting;
      out.add(fig.isDrawn()
          ? Figure.drawn(id, title, fig.caption(),
              fig.panels().stream().map(p -> stem + "/" + p).toList())
          : Figure.skipped(id, title, fig.skipped()));
    }
    return out;
  }

  /** The file-name form of a setting: column_value pairs joined by '-', safe in any file system. */
  public static String stem(Setting setting) {
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < setting.keys().size(); k++) {
      parts.add(setting.keys().get(k).column() + "_"
          + setting.keys().get(k).format(setting.values().get(k)));
    }
    return String.join("-", parts).replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** The id of the width-law figure of {@code setting}. */
  public static String widthLawId(Setting setting) {
    return "width-law-" + stem(setting);
  }

  /** The id of the figure of losses along {@code axis} for one target and activation. */
  public static String axisId(Sweep.Axis axis, String target, String activation) {
    return "axis-" + axis.key().column() + "-" + target + "-" + activation;
  }

  Figure widthLaw(Setting setting) {
    String id = widthLawId(setting);
    String title = "Median loss against width, " + setting;
    ReportData d = data.bySetting().get(setting);
    List<String> targets = d.summaries().stream().map(LossSummary::target).distinct().sorted(
        Comparator.comparing((String t) -> !t.equals(ReportData.MAIN_TARGET))
            .thenComparing(Comparator.naturalOrder())).toList();
    if (targets.isEmpty()) {
      return Figure.skipped(id, title, "no loss_summary rows for " + setting + ": "
          + d.whyMissing(ResultTables.LOSS_SUMMARY.name()));
    }
    List<String> panels = new ArrayList<>();
    List<String> captions = new ArrayList<>();
    for (String target : targets) {
      ScalingFigures.WidthLaw law = ScalingFigures.widthLaw(d, target,
          where(d.summaries(), r -> r.target().equals(target)), target + ", " + setting,
          Charts.WIDTH, Charts.HEIGHT);
      if (law == null) {
        captions.add(target + ": every median loss is non-positive or not finite.");
        continue;
      }
      panels.add(Charts.save(law.chart(), dir, id + "-" + target));
      captions.add(law.caption());
    }
    if (panels.isEmpty()) {
      return Figure.skipped(id, title, "every median loss of " + setting
          + " is non-positive or not finite");
    }
    return Figure.drawn(id, title, "Setting " + setting + ", one panel per target, as figure 1c. "
        + String.join(" ", captions), panels);
  }

  // ---- losses along a swept axis -------------------------------------------------------------

  /**
   * One width's medians along an axis, at the axis's positions ascending (a {@link
   * Sweep.Axis#categorical} axis: at 0, 1, ... in the listed order of its points): training loss
   * from loss_summary (NaN where the setting has no row), test loss over the finished networks of
   * runs with a finite test loss (NaN where there is none), and the fit along the axis (kind
   * all), or null.
   */
  public record AxisSeries(int width, double[] x, double[] trainMedian, double[] testMedian,
      AxisFit fit) {}

  /** What the panel of (axis, target, activation, the other axes at {@code others}) draws. */
  public static List<AxisSeries> axisSeries(SweptData data, Sweep.Axis axis, String target,
      String activation, Setting others) {
    List<List<Number>> points = axis.categorical() ? axis.points() : axis.points().stream()
        .sorted(Comparator.comparingDouble(p -> p.get(0).doubleValue())).toList();
    List<Setting> line = points.stream().map(p -> data.at(axis, p, others)).toList();
    TreeSet<Integer> widths = new TreeSet<>();
    for (Setting s : line) {
      data.bySetting().get(s).summaries().stream()
          .filter(r -> r.target().equals(target) && r.activation().equals(activation))
          .forEach(r -> widths.add(r.width()));
    }
    double[] x = axis.categorical() ? IntStream.range(0, points.size()).asDoubleStream().toArray()
        : points.stream().mapToDouble(p -> p.get(0).doubleValue()).toArray();
    List<AxisSeries> out = new ArrayList<>();
    for (int width : widths) {
      double[] train = new double[line.size()];
      double[] test = new double[line.size()];
      for (int k = 0; k < line.size(); k++) {
        Setting s = line.get(k);
        train[k] = data.bySetting().get(s).summaries().stream()
            .filter(r -> r.target().equals(target) && r.activation().equals(activation)
                && r.width() == width)
            .mapToDouble(LossSummary::median).findFirst().orElse(Double.NaN);
        double[] tests = data.runs().get(s).stream()
            .filter(r -> r.ok() && r.target().equals(target) && r.activation().equals(activation)
                && r.width() == width && Double.isFinite(r.testLoss()))
            .mapToDouble(RunLosses::testLoss).sorted().toArray();
        test[k] = tests.length == 0 ? Double.NaN : Quantiles.median(tests);
      }
      AxisFit fit = data.axisFits().stream()
          .filter(f -> f.target().equals(target) && f.activation().equals(activation)
              && f.width() == width && f.axis() == axis.key()
              && f.kind().equals(PowerLawFit.Kind.ALL.id()) && f.others().equals(others))
          .findFirst().orElse(null);
      out.add(new AxisSeries(width, x, train, test, fit));
    }
    return out;
  }

  List<Figure> axisFigures() {
    List<Figure> out = new ArrayList<>();
    List<String[]> groups = data.all().summaries().stream()
        .map(r -> r.target() + "/" + r.activation()).distinct().sorted()
        .map(g -> g.split("/")).toList();
    for (Sweep.Axis axis : data.sweep().axes()) {
      if (axis.points().size() < 2) {
        continue;
      }
      if (groups.isEmpty()) {
        out.add(Figure.skipped("axis-" + axis.key().column(), "Median loss against "
            + axisName(axis), "no loss_summary rows: "
            + data.all().whyMissing(ResultTables.LOSS_SUMMARY.name())));
      }
      for (String[] g : groups) {
        out.add(axisFigure(axis, g[0], g[1]));
      }
    }
    return out;
  }

  private Figure axisFigure(Sweep.Axis axis, String target, String activation) {
    String id = axisId(axis, target, activation);
    String title = "Median loss against " + axisName(axis) + ", " + target + "/" + activation;
    boolean categorical = axis.categorical();
    boolean logX = !categorical && axis.fittable();
    List<String> panels = new ArrayList<>();
    List<String> fits = new ArrayList<>();
    for (Setting others : data.others(axis)) {
      List<AxisSeries> series = axisSeries(data, axis, target, activation, others);
      String where = others.isEmpty() ? "" : " at " + others;
      XYChart chart = Charts.xy(target + "/" + activation + where, categorical
          ? axisName(axis) + (shortLabels(axis) ? "" : ", points numbered as in the caption")
          : axis.key().key(),
          "median loss", Charts.WIDTH, Charts.HEIGHT);
      chart.getStyler().setXAxisLogarithmic(logX).setYAxisLogarithmic(true);
      if (categorical) {
        labelCategories(chart, axis);
      }
      int drawn = 0;
      for (int k = 0; k < series.size(); k++) {
        AxisSeries s = series.get(k);
        Color colour = Charts.PALETTE[k % 10];
        AxisFit fit = s.fit();
        String label = "N=" + s.width() + (fit == null ? "" : " alpha " + Fmt.fixed(fit.alpha())
            + " " + Fmt.interval(fit.alphaLow(), fit.alphaHigh()));
        fits.add("N=" + s.width() + where + ": " + (fit == null ? "no fit"
            : "alpha = " + Fmt.fixed(fit.alpha()) + ", 95% interval "
                + Fmt.interval(fit.alphaLow(), fit.alphaHigh())));
        double[][] train = positive(s.x(), s.trainMedian());
        if (train[0].length > 0) {
          XYSeries l = categorical ? Charts.scatter(chart, label, train[0], train[1])
              : Charts.line(chart, label, train[0], train[1]);
          l.setLineColor(colour);
          l.setMarkerColor(colour);
          drawn++;
        }
        double[][] test = positive(s.x(), s.testMedian());
        if (test[0].length > 0) {
          String name = "N=" + s.width() + " test";
          if (categorical) {
            XYSeries t = Charts.scatter(chart, name, test[0], test[1]);
            t.setMarker(SeriesMarkers.DIAMOND);
            t.setMarkerColor(colour);
          } else {
            Charts.dashed(chart, name, test[0], test[1], colour);
          }
          drawn++;
        }
      }
      if (drawn > 0) {
        panels.add(Charts.save(chart, dir, id + (others.isEmpty() ? "" : "-" + stem(others))));
      }
    }
    if (panels.isEmpty()) {
      return Figure.skipped(id, title, "no positive finite median loss of " + target + "/"
          + activation + " along " + axis.key().key());
    }
    String caption = (categorical
        ? "Median final training loss over seeds (circles, loss_summary) and median test loss of "
            + "the finished networks (diamonds, same colour; runs' test_loss) at each point of "
            + axisName(axis) + " (" + categories(axis) + "), one series per width N, log loss"
        : "Median final training loss over seeds (solid, loss_summary) and median test "
            + "loss of the finished networks (dashed, same colour; runs' test_loss) against "
            + axisName(axis) + ", one series per width N, "
            + (logX ? "log-log" : "log loss against linear " + axis.key().key()
                + " (not every value is positive)"))
        + (data.sweep().axes().size() > 1 ? ", one panel per value of the other swept keys" : "")
        + (categorical ? ". No power law is fitted across categories."
            : ". Fits median ~ C x^-alpha along " + axis.key().key() + " (scaling_fit, axis "
                + axis.key().key() + ", kind all, 95% bootstrap interval): "
                + String.join("; ", fits) + ".");
    return Figure.drawn(id, title, caption, panels);
  }

  /** Tick labels up to this long fit side by side under a figure; longer ones are numbered. */
  static final int CATEGORY_LABEL_MAX = 10;

  /**
   * Names a categorical axis's points on the x axis: point p is drawn at x = p and labelled with
   * its values, or with its number p + 1 (the caption says which is which) when a label is too long
   * to sit beside the others: XChart drops overlapping tick labels.
   */
  private static void labelCategories(XYChart chart, Sweep.Axis axis) {
    int n = axis.points().size();
    boolean named = shortLabels(axis);
    // one tick per point (the hint is the least spacing in pixels), and the legend outside so
    // it hides no point
    chart.getStyler().setXAxisMin(-0.5).setXAxisMax(n - 0.5)
        .setXAxisTickMarkSpacingHint(chart.getWidth() / (n + 2))
        .setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> {
          long p = Math.round(x);
          if (Math.abs(x - p) < 1e-9 && p >= 0 && p < n) {
            return named ? axis.label((int) p) : String.valueOf(p + 1);
          }
          // XChart draws no tick outside the points, but gives up on every label when two of
          // the ticks it formats read the same: keep the others distinct
          return String.valueOf(x);
        });
  }

  private static boolean shortLabels(Sweep.Axis axis) {
    return IntStream.range(0, axis.points().size())
        .allMatch(p -> axis.label(p).length() <= CATEGORY_LABEL_MAX);
  }

  /** "sgd; adam", or "1: 1.0, standard; 2: 0.1, standard" when numbered, in the order drawn. */
  private static String categories(Sweep.Axis axis) {
    boolean named = shortLabels(axis);
    return IntStream.range(0, axis.points().size())
        .mapToObj(p -> named ? axis.label(p) : (p + 1) + ": " + axis.label(p))
        .collect(java.util.stream.Collectors.joining("; "));
  }

  /** An axis by its first key, with the keys zipped with it. */
  static String axisName(Sweep.Axis axis) {
    return axis.key().key() + (axis.keys().size() == 1 ? ""
        : " (with " + String.join(", ", axis.keys().subList(1, axis.keys().size()).stream()
            .map(SettingKey::key).toList()) + ")");
  }

  /** The points whose y is positive and finite (drawable on a log axis): {x, y}. */
  private static double[][] positive(double[] x, double[] y) {
    int[] keep = IntStream.range(0, y.length)
        .filter(k -> y[k] > 0 && Double.isFinite(y[k])).toArray();
    return new double[][] {Arrays.stream(keep).mapToDouble(k -> x[k]).toArray(),
        Arrays.stream(keep).mapToDouble(k -> y[k]).toArray()};
  }
}
