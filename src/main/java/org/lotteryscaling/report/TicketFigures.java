package org.lotteryscaling.report;

import static org.lotteryscaling.report.FigureData.groupBy;
import static org.lotteryscaling.report.ReportData.where;
import static org.lotteryscaling.report.ReportData.MAIN_ACTIVATION;
import static org.lotteryscaling.report.ReportData.MAIN_TARGET;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.lotteryscaling.report.ReportData.HistogramBin;
import org.lotteryscaling.report.ReportData.LossModes;
import org.lotteryscaling.report.ReportData.Neuron;
import org.lotteryscaling.stats.Quantiles;
import org.lotteryscaling.tables.ResultTables;

/**
 * Symmetric neurons and lottery tickets (section 3): figure 2a's neurons, the loss histograms and
 * their peaks of figures 2b and 3, and the same histograms for other targets (appendix A, figures 5
 * and 6).
 */
final class TicketFigures {
  private final FigureData data;
  private final Path dir;

  TicketFigures(FigureData data, Path figuresDir) {
    this.data = data;
    this.dir = figuresDir;
  }

  Figure figure2a() {
    String id = "fig2a";
    String title = "Figure 2a: first-layer (w, b) of the widest network";
    List<Neuron> all = data.neurons();
    if (all.isEmpty()) {
      return Figure.skipped(id, title, "no neurons rows for " + MAIN_TARGET + "/" + MAIN_ACTIVATION
          + ": " + data.whyMissing(ResultTables.NEURONS.name()));
    }
    int width = all.stream().mapToInt(Neuron::width).max().getAsInt();
    long seed = all.stream().filter(n -> n.width() == width).mapToLong(Neuron::seed).min().getAsLong();
    List<Neuron> net = where(all, n -> n.width() == width && n.seed() == seed);
    double[] w = net.stream().mapToDouble(Neuron::w).toArray();
    double[] b = net.stream().mapToDouble(Neuron::b).toArray();
    double[] mirrored = net.stream().mapToDouble(n -> -n.w()).toArray();
    XYChart chart = Charts.xy(title + " (N = " + width + ")", "w", "b", Charts.WIDTH, Charts.HEIGHT);
    chart.getStyler().setMarkerSize(net.size() > 2000 ? 2 : 5);
    Charts.scatter(chart, "neuron (w, b)", w, b);
    Charts.scatter(chart, "mirror image (-w, b)", mirrored, b).setMarkerColor(new Color(255, 127, 14, 120));
    double medianMirror = Quantiles.medianOfUnsorted(net.stream().mapToDouble(Neuron::mirrorDistance)
        .filter(Double::isFinite).toArray());
    Neuron first = net.get(0);
    String caption = String.format("Every hidden neuron (w, b) of the %s/%s network of width %d "
        + "(seed %d), with its mirror image (-w, b): a symmetric network puts a neuron near every "
        + "mirror image. Median distance from a mirror image to the nearest other neuron: %s.%s",
        MAIN_TARGET, MAIN_ACTIVATION, width, seed, Fmt.sci(medianMirror),
        Double.isFinite(first.score()) ? String.format(" %s of the neurons have a close mirror "
            + "partner against %s for a random control: symmetry score %s.", percent(first.share()),
            percent(first.controlShare()), Fmt.fixed(first.score())) : "");
    return Figure.drawn(id, title, caption, List.of(Charts.save(chart, dir, id)));
  }

  Figure figure2b() {
    String id = "fig2b";
    String title = "Figure 2b: width-2 loss histogram, " + MAIN_TARGET + "/" + MAIN_ACTIVATION;
    List<HistogramBin> bins = sortedBins(where(data.histograms(), h -> h.width() == 2));
    if (bins.isEmpty()) {
      return Figure.skipped(id, title, "no width-2 loss_histogram rows for " + MAIN_TARGET + "/"
          + MAIN_ACTIVATION + ": " + data.whyMissing(ResultTables.LOSS_HISTOGRAM.name()));
    }
    LossModes modes = data.modes(MAIN_TARGET, MAIN_ACTIVATION, 2);
    XYChart chart = histogramChart(title, bins, modes);
    String caption = "Histogram of log10 final training loss of the width-2 networks; dashed "
        + "verticals mark the peaks found in loss_modes. " + (modes == null
            ? "No loss_modes row (" + data.whyMissing(ResultTables.LOSS_MODES.name()) + ")."
            : String.format("%s peak(s) at log10 loss %s; %s of the networks are in the lowest-loss "
                + "peak (the lottery tickets).", modes.countText(), peakList(modes),
                percent(modes.lowestPeakShare())));
    return Figure.drawn(id, title, caption, List.of(Charts.save(chart, dir, id)));
  }

  private XYChart histogramChart(String title, List<HistogramBin> bins, LossModes modes) {
    XYChart chart = Charts.xy(title, "log10 training loss", "networks", Charts.PANEL_WIDTH,
        Charts.PANEL_HEIGHT);
    chart.getStyler().setLegendVisible(false);
    double[] edges = edgesOf(bins);
    double[] counts = bins.stream().mapToDouble(HistogramBin::count).toArray();
    Charts.histogram(chart, "networks", edges, counts);
    if (modes != null) {
      double top = 0;
      for (double c : counts) {
        top = Math.max(top, c);
      }
      for (int k = 0; k < modes.peakLog10().length; k++) {
        double x = modes.peakLog10()[k];
        Charts.dashed(chart, "peak " + (k + 1), new double[] {x, x}, new double[] {0, top},
            k == 0 ? new Color(214, 39, 40) : Color.GRAY);
      }
    }
    return chart;
  }

  Figure figure3() {
    String id = "fig3";
    String title = "Figure 3: loss histograms per width, " + MAIN_TARGET + "/" + MAIN_ACTIVATION;
    Map<Integer, List<HistogramBin>> byWidth = groupBy(data.histograms(), HistogramBin::width);
    if (byWidth.isEmpty()) {
      return Figure.skipped(id, title, "no loss_histogram rows for " + MAIN_TARGET + "/"
          + MAIN_ACTIVATION + ": " + data.whyMissing(ResultTables.LOSS_HISTOGRAM.name()));
    }
    double lo = byWidth.values().stream().flatMap(List::stream).mapToDouble(HistogramBin::log10Low).min().getAsDouble();
    double hi = byWidth.values().stream().flatMap(List::stream).mapToDouble(HistogramBin::log10High).max().getAsDouble();
    List<String> panels = new ArrayList<>();
    List<String> peaks = new ArrayList<>();
    for (Map.Entry<Integer, List<HistogramBin>> e : byWidth.entrySet()) {
      LossModes modes = data.modes(MAIN_TARGET, MAIN_ACTIVATION, e.getKey());
      XYChart chart = histogramChart("N = " + e.getKey(), sortedBins(e.getValue()), modes);
      chart.getStyler().setXAxisMin(lo).setXAxisMax(hi);
      panels.add(Charts.save(chart, dir, id + "-N" + e.getKey()));
      peaks.add("N=" + e.getKey() + ": " + (modes == null ? "?" : modes.countText()));
    }
    String caption = "Histograms of log10 final training loss, one panel per width, on the "
        + "shared log bins of loss_histogram (same x range in every panel); dashed: peaks. "
        + "Peaks per width (in brackets, where the count changes with the kernel bandwidth, its "
        + "range from half to twice loss_modes' bandwidth h): " + String.join(", ", peaks)
        + ". The paper: several peaks for "
        + "N <= 4, one peak for N >= 10.";
    return Figure.drawn(id, title, caption, panels);
  }


  // ---- Appendix A: loss histograms of other targets ------------------------------------------

  Figure figure5() {
    return histogramsPerTarget("fig5", "Figure 5: loss histograms per unary target", false);
  }

  Figure figure6() {
    return histogramsPerTarget("fig6", "Figure 6: loss histograms per multiplication arity", true);
  }

  private Figure histogramsPerTarget(String id, String title, boolean multiplication) {
    List<HistogramBin> all = data.all().histograms();
    List<String> targets = FigureData.appendixTargets(all.stream().map(HistogramBin::target)
        .distinct().toList(), multiplication);
    if (targets.isEmpty()) {
      return Figure.skipped(id, title, FigureData.appendixWhy(multiplication,
          ResultTables.LOSS_HISTOGRAM.name(), data.all().unavailable().get(ResultTables.LOSS_HISTOGRAM.name())));
    }
    List<String> panels = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String target : targets) {
      String activation = FigureData.activationFor(target, all.stream()
          .filter(h -> h.target().equals(target)).map(HistogramBin::activation).toList());
      Map<Integer, List<HistogramBin>> byWidth = groupBy(where(all,
          h -> h.target().equals(target) && h.activation().equals(activation)), HistogramBin::width);
      XYChart chart = Charts.xy(target + " (" + activation + ")", "log10 training loss", "networks",
          Charts.PANEL_WIDTH, Charts.PANEL_HEIGHT);
      List<String> peaks = new ArrayList<>();
      for (Map.Entry<Integer, List<HistogramBin>> e : byWidth.entrySet()) {
        List<HistogramBin> b = sortedBins(e.getValue());
        Charts.histogram(chart, "N=" + e.getKey(), edgesOf(b),
            b.stream().mapToDouble(HistogramBin::count).toArray());
        LossModes m = data.modes(target, activation, e.getKey());
        peaks.add("N=" + e.getKey() + " " + (m == null ? "?" : m.countText()));
      }
      panels.add(Charts.save(chart, dir, id + "-" + target));
      notes.add(target + ": " + String.join(", ", peaks));
    }
    String caption = "Histograms of log10 final training loss per target, one step outline per "
        + "width on the target's shared bins. Peaks per width (loss_modes): "
        + String.join("; ", notes) + ".";
    return Figure.drawn(id, title, caption, panels);
  }


  // ---- helpers --------------------------------------------------------------------------------

  private static List<HistogramBin> sortedBins(List<HistogramBin> bins) {
    return bins.stream().sorted(Comparator.comparingDouble(HistogramBin::log10Low)).toList();
  }

  private static double[] edgesOf(List<HistogramBin> sorted) {
    double[] edges = new double[sorted.size() + 1];
    for (int k = 0; k < sorted.size(); k++) {
      edges[k] = sorted.get(k).log10Low();
    }
    edges[sorted.size()] = sorted.get(sorted.size() - 1).log10High();
    return edges;
  }

  private static String peakList(LossModes m) {
    List<String> xs = new ArrayList<>();
    for (double p : m.peakLog10()) {
      xs.add(Fmt.fixed(p));
    }
    return String.join(", ", xs);
  }

  private static String percent(double share) {
    return Double.isNaN(share) ? "n/a" : String.format("%.0f%%", 100 * share);
  }
}
