package org.lotteryscaling.report;

import static org.lotteryscaling.report.ReportData.where;
import static org.lotteryscaling.report.ReportTables.MAIN_ACTIVATION;
import static org.lotteryscaling.report.ReportTables.MAIN_TARGET;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.lotteryscaling.report.ReportData.Algorithm;
import org.lotteryscaling.report.ReportData.Distilled;
import org.lotteryscaling.report.ReportData.Ensemble;
import org.lotteryscaling.report.ReportData.HistogramBin;
import org.lotteryscaling.report.ReportData.LossModes;
import org.lotteryscaling.report.ReportData.LossSummary;
import org.lotteryscaling.report.ReportData.NetworkLoss;
import org.lotteryscaling.report.ReportData.Neuron;
import org.lotteryscaling.report.ReportData.ScalingFit;
import org.lotteryscaling.report.ReportData.Synergy;
import org.lotteryscaling.report.ReportData.Ticket;
import org.lotteryscaling.report.ReportData.TicketCorrelation;
import org.lotteryscaling.report.ReportData.TicketPair;

/**
 * The paper's figures drawn from the tables: each method draws one figure into figures/ or says
 * why the run lacks its data. Numbers in captions come from the tables, never from re-training.
 */
public final class PaperFigures {
  /** Resampled pairs per width for the N/2 + N/2 prediction of figure 4 (the paper's recipe). */
  static final int ENSEMBLE_DRAWS = 2000;

  private final ReportData data;
  private final Path dir;

  private PaperFigures(ReportData data, Path figuresDir) {
    this.data = data;
    this.dir = figuresDir;
  }

  /** Draws every figure into {@code figuresDir}; the list holds drawn and skipped figures in order. */
  public static List<Figure> render(ReportData data, Path figuresDir) {
    PaperFigures f = new PaperFigures(data, figuresDir);
    return List.of(f.figure1c(), f.figure2a(), f.figure2b(), f.figure3(), f.figure4(),
        f.figure5(), f.figure6(), f.figure7(), f.figure8(), f.figure9(), f.figure10(),
        f.figure11(), f.figure12(), f.figure13(), f.figureEnsembles());
  }

  // ---- Section 2: the scaling law -------------------------------------------------------------

  Figure figure1c() {
    String id = "fig1c";
    String title = "Figure 1c: median loss against width, " + MAIN_TARGET;
    List<LossSummary> rows = where(data.summaries(), s -> s.target().equals(MAIN_TARGET));
    if (rows.isEmpty()) {
      return Figure.skipped(id, title, "no loss_summary rows for " + MAIN_TARGET + ": "
          + data.whyMissing(ReportTables.LOSS_SUMMARY));
    }
    XYChart chart = Charts.xy(title, "width N", "median training loss", Charts.WIDTH, Charts.HEIGHT);
    chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
    StringBuilder caption = new StringBuilder("Median final training loss over seeds against "
        + "width N for " + MAIN_TARGET + ", one series per activation, log-log; dashed: the fitted "
        + "law; dashed grey: N^-1 and N^-4 guides from the "
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
      XYSeries line = Charts.line(chart, e.getKey(), n, m);
      line.setLineColor(Charts.PALETTE[series % 10]);
      line.setMarkerColor(Charts.PALETTE[series % 10]);
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
      ScalingFit fit = data.paperRangeFit(MAIN_TARGET, e.getKey());
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
            .append(data.whyMissing(ReportTables.SCALING_FIT)).append(").");
      }
      series++;
    }
    if (series == 0) {
      return Figure.skipped(id, title, "every median loss for " + MAIN_TARGET + " is non-positive or not finite");
    }
    if (maxWidth > anchorWidth) {
      for (double alpha : new double[] {1, 4}) {
        double[] gx = {anchorWidth, maxWidth};
        double[] gy = {anchorLoss, anchorLoss * Math.pow(maxWidth / anchorWidth, -alpha)};
        Charts.dashed(chart, "N^-" + (int) alpha, gx, gy, alpha == 1 ? Color.GRAY : Color.DARK_GRAY);
      }
    }
    return Figure.drawn(id, title, caption.toString(), List.of(Charts.save(chart, dir, id)));
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

  // ---- Section 3: symmetric neurons and lottery tickets ----------------------------------------

  Figure figure2a() {
    String id = "fig2a";
    String title = "Figure 2a: first-layer (w, b) of the widest network";
    List<Neuron> all = where(data.neurons(),
        n -> n.target().equals(MAIN_TARGET) && n.activation().equals(MAIN_ACTIVATION));
    if (all.isEmpty()) {
      return Figure.skipped(id, title, "no neurons rows for " + MAIN_TARGET + "/" + MAIN_ACTIVATION
          + ": " + data.whyMissing(ReportTables.NEURONS));
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
    double medianMirror = Fmt.median(net.stream().mapToDouble(Neuron::mirrorDistance)
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
    List<HistogramBin> bins = bins(MAIN_TARGET, MAIN_ACTIVATION, 2);
    if (bins.isEmpty()) {
      return Figure.skipped(id, title, "no width-2 loss_histogram rows for " + MAIN_TARGET + "/"
          + MAIN_ACTIVATION + ": " + data.whyMissing(ReportTables.LOSS_HISTOGRAM));
    }
    LossModes modes = modes(MAIN_TARGET, MAIN_ACTIVATION, 2);
    XYChart chart = histogramChart(title, bins, modes);
    String caption = "Histogram of log10 final training loss of the width-2 networks; dashed "
        + "verticals mark the peaks found in loss_modes. " + (modes == null
            ? "No loss_modes row (" + data.whyMissing(ReportTables.LOSS_MODES) + ")."
            : String.format("%d peak(s) at log10 loss %s; %s of the networks are in the lowest-loss "
                + "peak (the lottery tickets).", modes.peaks(), peakList(modes),
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
    Map<Integer, List<HistogramBin>> byWidth = groupBy(where(data.histograms(),
        h -> h.target().equals(MAIN_TARGET) && h.activation().equals(MAIN_ACTIVATION)),
        HistogramBin::width);
    if (byWidth.isEmpty()) {
      return Figure.skipped(id, title, "no loss_histogram rows for " + MAIN_TARGET + "/"
          + MAIN_ACTIVATION + ": " + data.whyMissing(ReportTables.LOSS_HISTOGRAM));
    }
    double lo = byWidth.values().stream().flatMap(List::stream).mapToDouble(HistogramBin::log10Low).min().getAsDouble();
    double hi = byWidth.values().stream().flatMap(List::stream).mapToDouble(HistogramBin::log10High).max().getAsDouble();
    List<String> panels = new ArrayList<>();
    List<String> peaks = new ArrayList<>();
    for (Map.Entry<Integer, List<HistogramBin>> e : byWidth.entrySet()) {
      LossModes modes = modes(MAIN_TARGET, MAIN_ACTIVATION, e.getKey());
      XYChart chart = histogramChart("N = " + e.getKey(), sortedBins(e.getValue()), modes);
      chart.getStyler().setXAxisMin(lo).setXAxisMax(hi);
      panels.add(Charts.save(chart, dir, id + "-N" + e.getKey()));
      peaks.add("N=" + e.getKey() + ": " + (modes == null ? "?" : modes.peaks()));
    }
    String caption = "Histograms of log10 final training loss, one panel per width, on the "
        + "shared log bins of loss_histogram (same x range in every panel); dashed: peaks. "
        + "Peaks per width: " + String.join(", ", peaks) + ". The paper: several peaks for "
        + "N <= 4, one peak for N >= 10.";
    return Figure.drawn(id, title, caption, panels);
  }

  // ---- Section 4: ensembling against synergy ---------------------------------------------------

  Figure figure4() {
    String id = "fig4";
    String title = "Figure 4: width N against the N/2 + N/2 ensembling prediction";
    Map<Integer, double[]> losses = okLosses(MAIN_TARGET, MAIN_ACTIVATION);
    List<String> panels = new ArrayList<>();
    List<String> verdicts = new ArrayList<>();
    for (Map.Entry<Integer, double[]> e : losses.entrySet()) {
      int n = e.getKey();
      double[] half = losses.get(n / 2);
      if (n % 2 != 0 || half == null || half.length < 2 || e.getValue().length < 1) {
        continue;
      }
      double[] predicted = harmonicEnsembles(half, ENSEMBLE_DRAWS, n);
      double[] range = Charts.log10Range(e.getValue(), predicted);
      int bins = 30;
      double[] edges = Charts.edges(range[0], range[1], bins);
      XYChart chart = Charts.xy("N = " + n, "log10 training loss", "share of networks",
          Charts.PANEL_WIDTH, Charts.PANEL_HEIGHT);
      Charts.histogram(chart, "N = " + n, edges, shares(Charts.log10Counts(e.getValue(), range[0], range[1], bins)));
      Charts.histogram(chart, (n / 2) + " + " + (n / 2), edges, shares(Charts.log10Counts(predicted, range[0], range[1], bins)));
      panels.add(Charts.save(chart, dir, id + "-N" + n));
      Synergy s = data.synergy().stream().filter(r -> r.target().equals(MAIN_TARGET)
          && r.activation().equals(MAIN_ACTIVATION) && r.width() == n).findFirst().orElse(null);
      verdicts.add(s == null ? "N=" + n + ": no synergy row"
          : String.format("N=%d: %s (log10 median ratio %s, KS %s, p %s)", n, s.verdict(),
              Fmt.fixed(s.log10Ratio()), Fmt.fixed(s.ksStatistic()), Fmt.sci(s.ksPValue())));
    }
    if (panels.isEmpty()) {
      return Figure.skipped(id, title, "runs has no width N together with N/2 (both with "
          + "finished networks) for " + MAIN_TARGET + "/" + MAIN_ACTIVATION
          + (data.runs().isEmpty() ? ": " + data.whyMissing(ReportTables.RUNS) : ""));
    }
    String caption = "Per width N: the distribution of trained width-N losses against the "
        + "paper's ensembling prediction 1/(1/L1 + 1/L2), L1 and L2 drawn independently from the "
        + "trained width-N/2 losses (" + ENSEMBLE_DRAWS + " draws). Equal histograms mean plain "
        + "ensembling; a trained histogram to the left means synergy. From the synergy table: "
        + String.join("; ", verdicts) + ".";
    return Figure.drawn(id, title, caption, panels);
  }

  /** The paper's recipe: harmonic combination of two losses drawn with replacement from {@code half}. */
  static double[] harmonicEnsembles(double[] half, int draws, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] out = new double[draws];
    for (int k = 0; k < draws; k++) {
      double l1 = half[random.nextInt(half.length)];
      double l2 = half[random.nextInt(half.length)];
      out[k] = 1.0 / (1.0 / l1 + 1.0 / l2);
    }
    return out;
  }

  // ---- Appendix A: other targets --------------------------------------------------------------

  Figure figure5() {
    return histogramsPerTarget("fig5", "Figure 5: loss histograms per unary target", false);
  }

  Figure figure6() {
    return histogramsPerTarget("fig6", "Figure 6: loss histograms per multiplication arity", true);
  }

  Figure figure7() {
    return scalingPerTarget("fig7", "Figure 7: median loss against width per unary target", false);
  }

  Figure figure8() {
    return scalingPerTarget("fig8", "Figure 8: median loss against width per multiplication arity", true);
  }

  /** Appendix figures need a target beyond x2 (unary) or any mulK (multiplication). */
  private List<String> appendixTargets(List<String> present, boolean multiplication) {
    List<String> chosen = present.stream().filter(t -> t.startsWith("mul") == multiplication).sorted().toList();
    boolean beyondMain = chosen.stream().anyMatch(t -> !t.equals(MAIN_TARGET));
    return beyondMain ? chosen : List.of();
  }

  private static String appendixWhy(boolean multiplication, String table, String why) {
    return (multiplication ? "no mul2..mul5 target" : "no unary target besides " + MAIN_TARGET)
        + " in " + table + " (run conf/appendix-" + (multiplication ? "multiplication" : "unary")
        + ".conf)" + (why == null ? "" : ": " + why);
  }

  private Figure histogramsPerTarget(String id, String title, boolean multiplication) {
    List<String> targets = appendixTargets(data.histograms().stream().map(HistogramBin::target)
        .distinct().toList(), multiplication);
    if (targets.isEmpty()) {
      return Figure.skipped(id, title, appendixWhy(multiplication, ReportTables.LOSS_HISTOGRAM,
          data.unavailable().get(ReportTables.LOSS_HISTOGRAM)));
    }
    List<String> panels = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String target : targets) {
      String activation = activationFor(target, data.histograms().stream()
          .filter(h -> h.target().equals(target)).map(HistogramBin::activation).toList());
      Map<Integer, List<HistogramBin>> byWidth = groupBy(where(data.histograms(),
          h -> h.target().equals(target) && h.activation().equals(activation)), HistogramBin::width);
      XYChart chart = Charts.xy(target + " (" + activation + ")", "log10 training loss", "networks",
          Charts.PANEL_WIDTH, Charts.PANEL_HEIGHT);
      List<String> peaks = new ArrayList<>();
      for (Map.Entry<Integer, List<HistogramBin>> e : byWidth.entrySet()) {
        List<HistogramBin> b = sortedBins(e.getValue());
        Charts.histogram(chart, "N=" + e.getKey(), edgesOf(b),
            b.stream().mapToDouble(HistogramBin::count).toArray());
        LossModes m = modes(target, activation, e.getKey());
        peaks.add("N=" + e.getKey() + " " + (m == null ? "?" : m.peaks()));
      }
      panels.add(Charts.save(chart, dir, id + "-" + target));
      notes.add(target + ": " + String.join(", ", peaks));
    }
    String caption = "Histograms of log10 final training loss per target, one step outline per "
        + "width on the target's shared bins. Peaks per width (loss_modes): "
        + String.join("; ", notes) + ".";
    return Figure.drawn(id, title, caption, panels);
  }

  private Figure scalingPerTarget(String id, String title, boolean multiplication) {
    List<String> targets = appendixTargets(data.summaries().stream().map(LossSummary::target)
        .distinct().toList(), multiplication);
    if (targets.isEmpty()) {
      return Figure.skipped(id, title, appendixWhy(multiplication, ReportTables.LOSS_SUMMARY,
          data.unavailable().get(ReportTables.LOSS_SUMMARY)));
    }
    XYChart chart = Charts.xy(title, "width N", "median training loss", Charts.WIDTH, Charts.HEIGHT);
    chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
    List<String> notes = new ArrayList<>();
    for (String target : targets) {
      String activation = activationFor(target, data.summaries().stream()
          .filter(s -> s.target().equals(target)).map(LossSummary::activation).toList());
      List<LossSummary> s = where(data.summaries(), r -> r.target().equals(target)
          && r.activation().equals(activation) && r.median() > 0 && Double.isFinite(r.median()));
      if (s.isEmpty()) {
        continue;
      }
      Charts.line(chart, target, s.stream().mapToDouble(LossSummary::width).toArray(),
          s.stream().mapToDouble(LossSummary::median).toArray());
      ScalingFit fit = data.paperRangeFit(target, activation);
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

  /** silu when the target has it (the paper's appendix uses silu), else the first one present. */
  private static String activationFor(String target, List<String> activations) {
    return activations.contains(MAIN_ACTIVATION) ? MAIN_ACTIVATION
        : activations.stream().sorted().findFirst().orElseThrow();
  }

  // ---- Appendix B: algorithms -----------------------------------------------------------------

  Figure figure9() {
    String id = "fig9";
    String title = "Figure 9: width-2 networks on their first two principal components";
    List<Ticket> tickets = where(data.tickets(), t -> t.target().equals(MAIN_TARGET)
        && t.activation().equals(MAIN_ACTIVATION) && Double.isFinite(t.pc1()) && Double.isFinite(t.pc2()));
    if (tickets.isEmpty()) {
      return Figure.skipped(id, title, "no tickets rows with principal components for "
          + MAIN_TARGET + "/" + MAIN_ACTIVATION + ": " + data.whyMissing(ReportTables.TICKETS));
    }
    XYChart chart = Charts.xy(title, "PC 1", "PC 2", Charts.WIDTH, Charts.HEIGHT);
    Map<Integer, List<Ticket>> byAlgorithm = groupBy(tickets, Ticket::algorithm);
    List<String> sizes = new ArrayList<>();
    for (Map.Entry<Integer, List<Ticket>> e : byAlgorithm.entrySet()) {
      Charts.scatter(chart, "algorithm " + e.getKey(),
          e.getValue().stream().mapToDouble(Ticket::pc1).toArray(),
          e.getValue().stream().mapToDouble(Ticket::pc2).toArray());
      sizes.add(e.getKey() + ": " + e.getValue().size());
    }
    String caption = String.format("Each of the %d width-2 %s/%s networks as a point of R^7 "
        + "projected on its first two principal components, coloured by the algorithm "
        + "(cluster) it belongs to. %d algorithms; networks per algorithm: %s. The paper finds 4 "
        + "modulo the swap of the two neurons.", tickets.size(), MAIN_TARGET, MAIN_ACTIVATION,
        byAlgorithm.size(), String.join(", ", sizes));
    return Figure.drawn(id, title, caption, List.of(Charts.save(chart, dir, id)));
  }

  Figure figure10() {
    return activationsPerAlgorithm("fig10", "Figure 10: post-activations against x per algorithm", false);
  }

  Figure figure11() {
    return activationsPerAlgorithm("fig11", "Figure 11: post- against pre-activations per algorithm", true);
  }

  private Figure activationsPerAlgorithm(String id, String title, boolean againstPre) {
    List<Algorithm> algorithms = where(data.algorithms(), a -> a.target().equals(MAIN_TARGET)
        && a.activation().equals(MAIN_ACTIVATION) && a.x().length > 1);
    if (algorithms.isEmpty()) {
      return Figure.skipped(id, title, "no algorithms rows with activation curves for "
          + MAIN_TARGET + "/" + MAIN_ACTIVATION + ": " + data.whyMissing(ReportTables.ALGORITHMS));
    }
    List<String> panels = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Algorithm a : algorithms.stream().sorted(Comparator.comparingInt(Algorithm::algorithm)).toList()) {
      String name = "algorithm " + a.algorithm() + (a.symmetric() ? " (symmetric)" : " (asymmetric)");
      XYChart chart = Charts.xy(name, againstPre ? "pre-activation w x + b" : "x",
          "post-activation", Charts.PANEL_WIDTH, Charts.PANEL_HEIGHT);
      if (againstPre) {
        Charts.line(chart, "neuron 1", a.pre1(), a.post1());
        Charts.line(chart, "neuron 2", a.pre2(), a.post2());
      } else {
        Charts.line(chart, "neuron 1", a.x(), a.post1());
        Charts.line(chart, "neuron 2", a.x(), a.post2());
      }
      chart.getStyler().setMarkerSize(0);
      panels.add(Charts.save(chart, dir, id + "-a" + a.algorithm()));
      notes.add(String.format("%d: %d networks, mean loss %s, %s", a.algorithm(), a.size(),
          Fmt.sci(a.meanLoss()), a.symmetric() ? "symmetric" : "asymmetric"));
    }
    String caption = (againstPre
        ? "The activation function as each algorithm's two neurons use it: post-activation "
            + "against pre-activation over the inputs x in [-2, 2]."
        : "Each algorithm's two neurons (its medoid network): post-activation against input x.")
        + " Algorithms: " + String.join("; ", notes) + ".";
    return Figure.drawn(id, title, caption, panels);
  }

  // ---- Appendix C: tickets in wide networks ---------------------------------------------------

  Figure figure12() {
    String id = "fig12";
    String title = "Figure 12: tickets of wide networks: R^2, correlations, error functions";
    List<TicketPair> pairs = where(data.ticketPairs(),
        p -> p.target().equals(MAIN_TARGET) && p.activation().equals(MAIN_ACTIVATION));
    List<TicketCorrelation> correlations = where(data.correlations(),
        c -> c.target().equals(MAIN_TARGET) && c.activation().equals(MAIN_ACTIVATION));
    if (pairs.isEmpty() && correlations.isEmpty()) {
      return Figure.skipped(id, title, "no ticket_pairs or ticket_correlation rows for "
          + MAIN_TARGET + "/" + MAIN_ACTIVATION + ": " + data.whyMissing(ReportTables.TICKET_PAIRS));
    }
    List<String> panels = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<Integer, List<TicketPair>> byWidth = groupBy(pairs, TicketPair::width);
    if (!byWidth.isEmpty()) {
      XYChart r2 = Charts.xy("ticket R^2 (first network per width)", "ticket, best first", "R^2",
          Charts.PANEL_WIDTH, Charts.PANEL_HEIGHT);
      for (Map.Entry<Integer, List<TicketPair>> e : byWidth.entrySet()) {
        List<TicketPair> net = firstNetwork(e.getValue());
        double[] values = net.stream().mapToDouble(TicketPair::r2).sorted().toArray();
        double[] best = new double[values.length];
        double[] rank = new double[values.length];
        for (int k = 0; k < values.length; k++) {
          best[k] = values[values.length - 1 - k];
          rank[k] = k + 1;
        }
        Charts.line(r2, "N=" + e.getKey(), rank, best);
        notes.add(String.format("N=%d: median R^2 %s", e.getKey(),
            Fmt.fixed(Fmt.median(e.getValue().stream().mapToDouble(TicketPair::r2).toArray()))));
      }
      panels.add(Charts.save(r2, dir, id + "-r2"));
      for (Map.Entry<Integer, List<TicketPair>> e : byWidth.entrySet()) {
        List<TicketPair> net = firstNetwork(e.getValue());
        XYChart errors = Charts.xy("error functions, N = " + e.getKey(), "x", "e_i(x)",
            Charts.PANEL_WIDTH, Charts.PANEL_HEIGHT);
        errors.getStyler().setLegendVisible(false).setMarkerSize(0);
        for (TicketPair p : net) {
          if (p.x().length > 1 && p.x().length == p.error().length) {
            Charts.line(errors, "pair " + p.pair(), p.x(), p.error());
          }
        }
        if (!errors.getSeriesMap().isEmpty()) {
          panels.add(Charts.save(errors, dir, id + "-errors-N" + e.getKey()));
        }
      }
    }
    Map<Integer, List<TicketCorrelation>> corrByWidth = groupBy(correlations, TicketCorrelation::width);
    for (Map.Entry<Integer, List<TicketCorrelation>> e : corrByWidth.entrySet()) {
      TicketCorrelation c = e.getValue().stream().min(Comparator.comparingLong(TicketCorrelation::seed)).get();
      if (c.size() >= 1 && c.matrix().length == c.size() * c.size()) {
        HeatMapChart heat = Charts.heatMap("error correlation, N = " + e.getKey(), Charts.PANEL_WIDTH,
            Charts.PANEL_HEIGHT);
        List<String> axis = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
          axis.add(String.valueOf(i + 1));
        }
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
          for (int j = 0; j < c.size(); j++) {
            cells.add(new Number[] {i, j, c.matrix()[i * c.size() + j]});
          }
        }
        heat.addSeries("correlation", axis, axis, cells);
        panels.add(Charts.save(heat, dir, id + "-corr-N" + e.getKey()));
      }
      notes.add(String.format("N=%d: effective independent tickets %s (median over %d networks)",
          e.getKey(), Fmt.fixed(Fmt.median(e.getValue().stream()
              .mapToDouble(TicketCorrelation::effectiveTickets).toArray())), e.getValue().size()));
    }
    if (panels.isEmpty()) {
      return Figure.skipped(id, title, "ticket rows hold no drawable R^2, error function or matrix");
    }
    String caption = "Wide networks split into symmetric neuron pairs (tickets): each ticket's R^2 "
        + "against the target after the best linear fit, the correlation matrix of the tickets' "
        + "error functions, and the error functions themselves (first network of each width). "
        + String.join("; ", notes) + ". The paper: about 1, 2 and 3 independent tickets at N = 10, 30, 50.";
    return Figure.drawn(id, title, caption, panels);
  }

  private static List<TicketPair> firstNetwork(List<TicketPair> pairs) {
    long seed = pairs.stream().mapToLong(TicketPair::seed).min().getAsLong();
    return where(pairs, p -> p.seed() == seed);
  }

  // ---- Appendix D: distillation, and real ensembles -------------------------------------------

  Figure figure13() {
    String id = "fig13";
    String title = "Figure 13: distilled against trained width-2 losses";
    double[] distilled = where(data.distilled(), d -> d.target().equals(MAIN_TARGET)
        && d.activation().equals(MAIN_ACTIVATION)).stream().mapToDouble(Distilled::loss)
        .filter(l -> l > 0 && Double.isFinite(l)).toArray();
    if (distilled.length == 0) {
      return Figure.skipped(id, title, "no distilled rows for " + MAIN_TARGET + "/" + MAIN_ACTIVATION
          + ": " + data.whyMissing(ReportTables.DISTILLED));
    }
    double[] trained = okLosses(MAIN_TARGET, MAIN_ACTIVATION).getOrDefault(2, new double[0]);
    double[] range = Charts.log10Range(distilled, trained);
    int bins = 40;
    double[] edges = Charts.edges(range[0], range[1], bins);
    XYChart chart = Charts.xy(title, "log10 training loss", "share of networks", Charts.WIDTH,
        Charts.HEIGHT);
    Charts.histogram(chart, "distilled from wide", edges, shares(Charts.log10Counts(distilled, range[0], range[1], bins)));
    if (trained.length > 0) {
      Charts.histogram(chart, "trained width 2", edges, shares(Charts.log10Counts(trained, range[0], range[1], bins)));
    }
    String caption = String.format("log10 loss of width-2 networks distilled from wide networks' "
        + "best tickets (%d networks; lowest %s, median %s) against trained width-2 networks "
        + "(%d networks; lowest %s, median %s). The paper's lowest distilled loss: 1.6e-19.",
        distilled.length, Fmt.sci(min(distilled)), Fmt.sci(Fmt.median(distilled)), trained.length,
        Fmt.sci(min(trained)), Fmt.sci(Fmt.median(trained)));
    return Figure.drawn(id, title, caption, List.of(Charts.save(chart, dir, id)));
  }

  Figure figureEnsembles() {
    String id = "ensembles";
    String title = "Beyond the paper: real N/2 + N/2 ensembles against the harmonic formula";
    List<Ensemble> rows = where(data.ensembles(), e -> e.actualLoss() > 0 && e.harmonicLoss() > 0
        && Double.isFinite(e.actualLoss()) && Double.isFinite(e.harmonicLoss()));
    if (rows.isEmpty()) {
      return Figure.skipped(id, title, "no ensembles rows: " + data.whyMissing(ReportTables.ENSEMBLES));
    }
    XYChart chart = Charts.xy(title, "harmonic prediction 1/(1/L1 + 1/L2)", "least-squares ensemble loss",
        Charts.WIDTH, Charts.HEIGHT);
    chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
    Map<String, List<Ensemble>> byGroup = groupBy(rows, e -> e.target() + "/" + e.activation() + " N=" + e.width());
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    List<String> notes = new ArrayList<>();
    for (Map.Entry<String, List<Ensemble>> e : byGroup.entrySet()) {
      double[] x = e.getValue().stream().mapToDouble(Ensemble::harmonicLoss).toArray();
      double[] y = e.getValue().stream().mapToDouble(Ensemble::actualLoss).toArray();
      Charts.scatter(chart, e.getKey(), x, y);
      lo = Math.min(lo, Math.min(min(x), min(y)));
      hi = Math.max(hi, Math.max(max(x), max(y)));
      notes.add(e.getKey() + ": median actual/harmonic " + Fmt.fixed(Fmt.median(
          e.getValue().stream().mapToDouble(r -> r.actualLoss() / r.harmonicLoss()).toArray())));
    }
    Charts.dashed(chart, "actual = harmonic", new double[] {lo, hi}, new double[] {lo, hi}, Color.GRAY);
    String caption = "Pairs of trained width-N/2 networks combined with least-squares output "
        + "weights: their actual loss against the harmonic formula the paper's figure 4 assumes. "
        + "Below the diagonal the real ensemble beats the formula. " + String.join("; ", notes) + ".";
    return Figure.drawn(id, title, caption, List.of(Charts.save(chart, dir, id)));
  }

  // ---- helpers --------------------------------------------------------------------------------

  private List<HistogramBin> bins(String target, String activation, int width) {
    return sortedBins(where(data.histograms(), h -> h.target().equals(target)
        && h.activation().equals(activation) && h.width() == width));
  }

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

  private LossModes modes(String target, String activation, int width) {
    return data.modes().stream().filter(m -> m.target().equals(target)
        && m.activation().equals(activation) && m.width() == width).findFirst().orElse(null);
  }

  /** Finished networks' losses per width for (target, activation), widths ascending. */
  Map<Integer, double[]> okLosses(String target, String activation) {
    Map<Integer, List<NetworkLoss>> byWidth = groupBy(where(data.runs(), r -> r.ok()
        && r.target().equals(target) && r.activation().equals(activation)), NetworkLoss::width);
    Map<Integer, double[]> out = new TreeMap<>();
    byWidth.forEach((w, rows) -> out.put(w, rows.stream().mapToDouble(NetworkLoss::trainLoss).toArray()));
    return out;
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

  private static double[] shares(double[] counts) {
    double total = 0;
    for (double c : counts) {
      total += c;
    }
    double[] out = new double[counts.length];
    for (int k = 0; k < counts.length; k++) {
      out[k] = total == 0 ? 0 : counts[k] / total;
    }
    return out;
  }

  private static double min(double[] xs) {
    double m = Double.NaN;
    for (double x : xs) {
      m = Double.isNaN(m) ? x : Math.min(m, x);
    }
    return m;
  }

  private static double max(double[] xs) {
    double m = Double.NaN;
    for (double x : xs) {
      m = Double.isNaN(m) ? x : Math.max(m, x);
    }
    return m;
  }

  /** Groups rows by key, keys in their natural order. */
  static <T, K extends Comparable<K>> Map<K, List<T>> groupBy(List<T> rows,
      java.util.function.Function<T, K> key) {
    return rows.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
  }
}
