package org.lotteryscaling.report;

import static org.lotteryscaling.report.FigureData.groupBy;
import static org.lotteryscaling.report.ReportData.where;
import static org.lotteryscaling.report.ReportData.MAIN_ACTIVATION;
import static org.lotteryscaling.report.ReportData.MAIN_TARGET;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.XYSeries;
import org.lotteryscaling.report.ReportData.LossSummary;
import org.lotteryscaling.report.ReportData.OffsetFit;
import org.lotteryscaling.report.ReportData.ScalingFit;
import org.lotteryscaling.report.ReportData.Synergy;
import org.lotteryscaling.stats.LogBins;
import org.lotteryscaling.stats.Quantiles;
import org.lotteryscaling.stats.SynergyTest;
import org.lotteryscaling.stats.WidthLosses;
import org.lotteryscaling.task.Seeds;
import org.lotteryscaling.tables.ResultTables;

/**
 * The scaling law: figure 1c (section 2), figure 4 (section 4, ensembling against synergy) and its
 * other targets in appendix A (figures 7, 8).
 */
final class ScalingFigures {
  private final FigureData data;
  private final Path dir;

  ScalingFigures(FigureData data, Path figuresDir) {
    this.data = data;
    this.dir = figuresDir;
  }

  Figure figure1c() {
    String id = PaperFigures.WIDTH_LAW_ID;
    String title = "Figure 1c: median loss against width, " + MAIN_TARGET;
    List<LossSummary> rows = data.summaries();
    if (rows.isEmpty()) {
      return Figure.skipped(id, title, "no loss_summary rows for " + MAIN_TARGET + ": "
          + data.whyMissing(ResultTables.LOSS_SUMMARY.name()));
    }
    WidthLaw law = widthLaw(data.all(), MAIN_TARGET, rows, title, Charts.WIDTH, Charts.HEIGHT);
    if (law == null) {
      return Figure.skipped(id, title, "every median loss for " + MAIN_TARGET + " is non-positive or not finite");
    }
    return Figure.drawn(id, title, law.caption(), List.of(Charts.save(law.chart(), dir, id)));
  }

  /** A drawn width law: its chart and caption. */
  record WidthLaw(XYChart chart, String caption) {}

  /** Pixels added to figure 1c's width for its legend. */
  static final int LEGEND_WIDTH = 280;

  /**
   * Median loss against width for one target (its loss_summary {@code rows}), one series per
   * activation with the fit {@link ReportData#paperRangeFit} chooses from {@code all}'s fits, and
   * N^-1, N^-4 guides; null when no median is positive and finite.
   */
  static WidthLaw widthLaw(ReportData all, String target, List<LossSummary> rows, String title,
      int width, int height) {
    // the legend beside the plot, which keeps its width: inside, the legend hid medians in one
    // corner or another (seven series)
    XYChart chart = Charts.xy(title, "width N", "median training loss", width + LEGEND_WIDTH,
        height);
    chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true)
        .setLegendPosition(Styler.LegendPosition.OutsideE);
    StringBuilder caption = new StringBuilder("Median final training loss over seeds against "
        + "width N for " + target + ", one series per activation, log-log; vertical bars: the "
        + "95% bootstrap interval of each median (seeds resampled); dashed: the fitted power "
        + "law; dotted: the offset law E + A N^-alpha, drawn where the law selection (held-out "
        + "widths, docs/analyses.md) supports it over the power law; dashed grey: N^-1 and "
        + "N^-4 guides from the "
        + MAIN_ACTIVATION + " median at the first width >= " + ClaimsTable.PAPER_MIN_WIDTH
        + " (the narrowest width when there is none).");
    Map<String, List<LossSummary>> byActivation = groupBy(rows, LossSummary::activation);
    int series = 0;
    double anchorWidth = Double.NaN;
    double anchorLoss = Double.NaN;
    double maxWidth = 0;
    for (Map.Entry<String, List<LossSummary>> e : byActivation.entrySet()) {
      List<LossSummary> s = where(e.getValue(), r -> r.median() > 0 && Double.isFinite(r.median()));
      if (s.isEmpty()) {
        continue;
      }
      double[] n = s.stream().mapToDouble(LossSummary::width).toArray();
      double[] m = s.stream().mapToDouble(LossSummary::median).toArray();
      Color color = Charts.PALETTE[series % 10];
      XYSeries line = Charts.line(chart, e.getKey(), n, m);
      line.setLineColor(color);
      line.setMarkerColor(color);
      for (LossSummary r : s) {
        if (r.hasPositiveInterval()) {
          Charts.intervalBar(chart, e.getKey() + " interval N=" + r.width(), r.width(),
              r.medianLow(), r.medianHigh(), color);
        }
      }
      if (Double.isNaN(anchorWidth) || e.getKey().equals(MAIN_ACTIVATION)) {
        // Guides start where the paper's figure 1c starts (N = 10) when the run reaches it.
        int k = 0;
        while (k < n.length - 1 && n[k] < ClaimsTable.PAPER_MIN_WIDTH) {
          k++;
        }
        anchorWidth = n[k];
        anchorLoss = m[k];
      }
      maxWidth = Math.max(maxWidth, n[n.length - 1]);
      ScalingFit fit = all.paperRangeFit(target, e.getKey());
      if (fit != null) {
        double log10C = fit.prefactor() > 0 ? Math.log10(fit.prefactor()) : anchoredPrefactor(s, fit);
        double[] fx = {fit.widthFrom(), fit.widthTo()};
        double[] fy = {Math.pow(10, log10C) * Math.pow(fx[0], -fit.alpha()),
            Math.pow(10, log10C) * Math.pow(fx[1], -fit.alpha())};
        Charts.dashed(chart, e.getKey() + " fit N^-" + Fmt.fixed(fit.alpha()), fx, fy,
            Charts.PALETTE[series % 10]);
        caption.append(String.format(" %s: alpha = %s, 95%% interval %s over N = %d..%d.",
            e.getKey(), Fmt.fixed(fit.alpha()), Fmt.interval(fit.alphaLow(), fit.alphaHigh()),
            fit.widthFrom(), fit.widthTo()));
      } else {
        caption.append(" ").append(e.getKey()).append(": no scaling_fit row (")
            .append(all.whyMissing(ResultTables.SCALING_FIT.name())).append(").");
      }
      OffsetFit offset = all.chosenOffsetFit(target, e.getKey());
      if (offset != null && offset.at(offset.widthTo()) > 0 && offset.at(offset.widthFrom()) > 0) {
        double[] ox = logSpaced(offset.widthFrom(), offset.widthTo(), 24);
        double[] oy = new double[ox.length];
        for (int k = 0; k < ox.length; k++) {
          oy[k] = offset.at(ox[k]);
        }
        Charts.dotted(chart, e.getKey() + " offset fit E + A N^-" + Fmt.fixed(offset.alpha()),
            ox, oy, color);
        caption.append(String.format(" %s: the offset law is supported over N = %d..%d: E = %s"
            + " (95%% interval %s), alpha = %s (%s).", e.getKey(), offset.widthFrom(),
            offset.widthTo(), Fmt.sci(offset.offset()),
            Fmt.interval(offset.offsetLow(), offset.offsetHigh()), Fmt.fixed(offset.alpha()),
            Fmt.interval(offset.alphaLow(), offset.alphaHigh())));
      }
      series++;
    }
    if (series == 0) {
      return null;
    }
    if (maxWidth > anchorWidth) {
      for (double alpha : new double[] {1, 4}) {
        double[] gx = {anchorWidth, maxWidth};
        double[] gy = {anchorLoss, anchorLoss * Math.pow(maxWidth / anchorWidth, -alpha)};
        Charts.dashed(chart, "N^-" + (int) alpha, gx, gy, alpha == 1 ? Color.GRAY : Color.DARK_GRAY);
      }
    }
    return new WidthLaw(chart, caption.toString());
  }

  /** count points from {@code from} to {@code to}, evenly spaced on a log axis. */
  private static double[] logSpaced(double from, double to, int count) {
    double[] x = new double[count];
    for (int k = 0; k < count; k++) {
      x[k] = from * Math.pow(to / from, k / (count - 1.0));
    }
    x[count - 1] = to;
    return x;
  }

  /** log10 C that puts the fitted line through the medians of the fit's range (on average). */
  private static double anchoredPrefactor(List<LossSummary> s, ScalingFit fit) {
    double sum = 0;
    int count = 0;
    for (LossSummary r : s) {
      if (r.width() >= fit.widthFrom() && r.width() <= fit.widthTo()) {
        sum += Math.log10(r.median()) + fit.alpha() * Math.log10(r.width());
        count++;
      }
    }
    return count == 0 ? Math.log10(s.get(0).median()) + fit.alpha() * Math.log10(s.get(0).width())
        : sum / count;
  }

  // ---- Section 4: ensembling against synergy ---------------------------------------------------

  Figure figure4() {
    String id = "fig4";
    String title = "Figure 4: width N against the N/2 + N/2 ensembling prediction";
    Map<Integer, WidthLosses> losses = data.mainLosses();
    List<String> panels = new ArrayList<>();
    List<String> verdicts = new ArrayList<>();
    for (Map.Entry<Integer, WidthLosses> e : losses.entrySet()) {
      int n = e.getKey();
      double[] predicted = ensembleSample(losses, n);
      if (predicted == null) {
        continue;
      }
      double[] trained = e.getValue().losses();
      LogBins bins = Charts.log10Bins(30, trained, predicted);
      double[] edges = Charts.edges(bins);
      XYChart chart = Charts.xy("N = " + n, "log10 training loss", "share of networks",
          Charts.PANEL_WIDTH, Charts.PANEL_HEIGHT);
      Charts.histogram(chart, "N = " + n, edges,
          FigureData.shares(Charts.log10Counts(trained, bins)));
      Charts.histogram(chart, (n / 2) + " + " + (n / 2), edges,
          FigureData.shares(Charts.log10Counts(predicted, bins)));
      panels.add(Charts.save(chart, dir, id + "-N" + n));
      Synergy s = data.synergy(n);
      verdicts.add(s == null ? "N=" + n + ": no synergy row"
          : String.format("N=%d: %s (log10 median ratio %s, KS %s, p %s)%s", n, s.verdict(),
              Fmt.fixed(s.log10Ratio()), Fmt.fixed(s.ksStatistic()), Fmt.sci(s.ksPValue()),
              s.ensembledMedian() == Quantiles.median(predicted) ? ""
                  : " [from other draws than this panel's: aggregate --seed other than "
                      + Seeds.DEFAULT_RESAMPLING_SEED + "?]"));
    }
    if (panels.isEmpty()) {
      return Figure.skipped(id, title, "runs has no width N together with N/2 (both with "
          + "finished networks) for " + MAIN_TARGET + "/" + MAIN_ACTIVATION
          + (data.all().runs().isEmpty() ? ": " + data.whyMissing(ResultTables.RUNS.name()) : ""));
    }
    String caption = "Per width N: the distribution of trained width-N losses against the "
        + "paper's ensembling prediction 1/(1/L1 + 1/L2), L1 and L2 drawn independently from the "
        + "trained width-N/2 losses (one pair per finished N/2 network: the very sample the "
        + "synergy verdict was computed from, aggregate's default resampling seed "
        + Seeds.DEFAULT_RESAMPLING_SEED + "). Equal histograms mean plain "
        + "ensembling; a trained histogram to the left means synergy. From the synergy table: "
        + String.join("; ", verdicts) + ".";
    return Figure.drawn(id, title, caption, panels);
  }

  /**
   * The N/2 + N/2 ensembles figure 4 draws at width N of the main target: the synergy test's own
   * sample (its sampler and seed, aggregate's default seed, over the same ok losses); null where
   * the figure draws no panel (N odd, no finished width-N network, or fewer than two at N/2).
   */
  static double[] ensembleSample(Map<Integer, WidthLosses> losses, int n) {
    WidthLosses full = losses.get(n);
    WidthLosses half = losses.get(n / 2);
    if (n % 2 != 0 || full == null || half == null || half.ok() < 2 || full.ok() < 1) {
      return null;
    }
    return SynergyTest.ensembleLosses(half,
        SynergyTest.seed(Seeds.DEFAULT_RESAMPLING_SEED, MAIN_TARGET, MAIN_ACTIVATION, n));
  }

  // ---- Appendix A: other targets --------------------------------------------------------------

  Figure figure7() {
    return scalingPerTarget("fig7", "Figure 7: median loss against width per unary target", false);
  }

  Figure figure8() {
    return scalingPerTarget("fig8", "Figure 8: median loss against width per multiplication arity", true);
  }

  private Figure scalingPerTarget(String id, String title, boolean multiplication) {
    List<LossSummary> all = data.all().summaries();
    List<String> targets = FigureData.appendixTargets(all.stream().map(LossSummary::target)
        .distinct().toList(), multiplication);
    if (targets.isEmpty()) {
      return Figure.skipped(id, title, FigureData.appendixWhy(multiplication,
          ResultTables.LOSS_SUMMARY.name(), data.all().unavailable().get(ResultTables.LOSS_SUMMARY.name())));
    }
    XYChart chart = Charts.xy(title, "width N", "median training loss", Charts.WIDTH, Charts.HEIGHT);
    chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
    List<String> notes = new ArrayList<>();
    for (String target : targets) {
      String activation = FigureData.activationFor(target, all.stream()
          .filter(s -> s.target().equals(target)).map(LossSummary::activation).toList());
      List<LossSummary> s = where(all, r -> r.target().equals(target)
          && r.activation().equals(activation) && r.median() > 0 && Double.isFinite(r.median()));
      if (s.isEmpty()) {
        continue;
      }
      Charts.line(chart, target, s.stream().mapToDouble(LossSummary::width).toArray(),
          s.stream().mapToDouble(LossSummary::median).toArray());
      ScalingFit fit = data.all().paperRangeFit(target, activation);
      notes.add(target + " (" + activation + "): alpha = " + (fit == null ? "n/a"
          : Fmt.fixed(fit.alpha()) + " " + Fmt.interval(fit.alphaLow(), fit.alphaHigh())));
    }
    if (notes.isEmpty()) {
      return Figure.skipped(id, title, "every median loss is non-positive or not finite");
    }
    String caption = "Median final training loss against width, log-log, one series per target. "
        + "Fitted exponents (scaling_fit, 95% interval): " + String.join("; ", notes) + ".";
    return Figure.drawn(id, title, caption, List.of(Charts.save(chart, dir, id)));
  }
}
