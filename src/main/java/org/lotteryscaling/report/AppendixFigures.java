package org.lotteryscaling.report;

import static org.lotteryscaling.report.FigureData.groupBy;
import static org.lotteryscaling.report.ReportData.where;
import static org.lotteryscaling.report.ReportData.MAIN_ACTIVATION;
import static org.lotteryscaling.report.ReportData.MAIN_TARGET;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.lotteryscaling.report.ReportData.Algorithm;
import org.lotteryscaling.report.ReportData.Distilled;
import org.lotteryscaling.report.ReportData.Ensemble;
import org.lotteryscaling.report.ReportData.Ticket;
import org.lotteryscaling.report.ReportData.TicketCorrelation;
import org.lotteryscaling.report.ReportData.TicketPair;
import org.lotteryscaling.stats.LogBins;
import org.lotteryscaling.stats.Quantiles;
import org.lotteryscaling.stats.SharedSmallPoints;
import org.lotteryscaling.stats.WidthLosses;
import org.lotteryscaling.tables.ResultTables;

/**
 * The appendices' mechanisms: algorithms of width 2 (B: figures 9 to 11), tickets in wide networks
 * (C: figure 12), distillation (D: figure 13) and, beyond the paper, real N/2 + N/2 ensembles.
 */
final class AppendixFigures {
  private final FigureData data;
  private final Path dir;

  AppendixFigures(FigureData data, Path figuresDir) {
    this.data = data;
    this.dir = figuresDir;
  }

  Figure figure9() {
    String id = "fig9";
    String title = "Figure 9: width-2 networks on their first two principal components";
    List<Ticket> tickets = where(data.tickets(),
        t -> Double.isFinite(t.pc1()) && Double.isFinite(t.pc2()));
    if (tickets.isEmpty()) {
      return Figure.skipped(id, title, "no tickets rows with principal components for "
          + MAIN_TARGET + "/" + MAIN_ACTIVATION + ": " + data.whyMissing(ResultTables.TICKETS.name()));
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
    List<Algorithm> algorithms = where(data.algorithms(), a -> a.x().length > 1);
    if (algorithms.isEmpty()) {
      return Figure.skipped(id, title, "no algorithms rows with activation curves for "
          + MAIN_TARGET + "/" + MAIN_ACTIVATION + ": " + data.whyMissing(ResultTables.ALGORITHMS.name()));
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
    // The curves' grid (analyze's --grid-points) spans the experiment's input range, data.low to
    // data.high of its config (of its setting, in a sweep): the same grid for every algorithm.
    double[] x = algorithms.get(0).x();
    String caption = (againstPre
        ? "The activation function as each algorithm's two neurons use it: post-activation "
            + "against pre-activation over the inputs x in "
            + Fmt.range(x[0], x[x.length - 1]) + "."
        : "Each algorithm's two neurons (its medoid network): post-activation against input x.")
        + " Algorithms: " + String.join("; ", notes) + ".";
    return Figure.drawn(id, title, caption, panels);
  }

  // ---- Appendix C: tickets in wide networks ---------------------------------------------------

  Figure figure12() {
    String id = "fig12";
    String title = "Figure 12: tickets of wide networks: R^2, correlations, error functions";
    List<TicketPair> pairs = data.ticketPairs();
    List<TicketCorrelation> correlations = data.correlations();
    if (pairs.isEmpty() && correlations.isEmpty()) {
      return Figure.skipped(id, title, "no ticket_pairs or ticket_correlation rows for "
          + MAIN_TARGET + "/" + MAIN_ACTIVATION + ": " + data.whyMissing(ResultTables.TICKET_PAIRS.name()));
    }
    List<String> panels = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<Integer, List<TicketPair>> byWidth = groupBy(pairs, TicketPair::width);
    if (!byWidth.isEmpty()) {
      XYChart r2 = Charts.xy("ticket R^2 (first network per width)", "ticket, best first", "R^2",
          Charts.PANEL_WIDTH, Charts.PANEL_HEIGHT);
      // ranks from 1 to N/2: on a log axis the 5 tickets of N = 10 and the 500 of N = 1000 both show
      r2.getStyler().setXAxisLogarithmic(true);
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
            Fmt.fixed(Quantiles.medianOfUnsorted(e.getValue().stream().mapToDouble(TicketPair::r2).toArray()))));
      }
      panels.add(Charts.save(r2, dir, id + "-r2"));
      for (Map.Entry<Integer, List<TicketPair>> e : byWidth.entrySet()) {
        List<TicketPair> net = firstNetwork(e.getValue());
        XYChart errors = Charts.xy("error functions, N = " + e.getKey(), "x", "e_i(x)",
            Charts.PANEL_WIDTH, Charts.PANEL_HEIGHT);
        errors.getStyler().setLegendVisible(false).setMarkerSize(0);
        for (TicketPair p : net) {
          if (p.pair() < MAX_DRAWN_TICKETS && p.x().length > 1 && p.x().length == p.error().length) {
            Charts.line(errors, "pair " + p.pair(), p.x(), p.error());
          }
        }
        if (!errors.getSeriesMap().isEmpty()) {
          panels.add(Charts.save(errors, dir, id + "-errors-N" + e.getKey()));
        }
        notes.add(sharedSmallErrors(e.getKey(), e.getValue(), net));
      }
    }
    Map<Integer, List<TicketCorrelation>> corrByWidth = groupBy(correlations, TicketCorrelation::width);
    for (Map.Entry<Integer, List<TicketCorrelation>> e : corrByWidth.entrySet()) {
      TicketCorrelation c = e.getValue().stream().min(Comparator.comparingLong(TicketCorrelation::seed)).get();
      if (c.size() >= 1 && c.matrix().length == c.size() * c.size()) {
        int shown = Math.min(c.size(), MAX_DRAWN_TICKETS);
        HeatMapChart heat = Charts.correlationHeatMap("error correlation, N = " + e.getKey()
            + (shown < c.size() ? " (best " + shown + ")" : ""),
            leadingBlock(c.matrix(), c.size(), shown), shown);
        panels.add(Charts.save(heat, dir, id + "-corr-N" + e.getKey()));
      }
      notes.add(String.format("N=%d: effective independent tickets %s (median over %d networks)",
          e.getKey(), Fmt.fixed(Quantiles.medianOfUnsorted(e.getValue().stream()
              .mapToDouble(TicketCorrelation::effectiveTickets).toArray())), e.getValue().size()));
    }
    if (panels.isEmpty()) {
      return Figure.skipped(id, title, "ticket rows hold no drawable R^2, error function or matrix");
    }
    String caption = "Wide networks split into symmetric neuron pairs (tickets): each ticket's R^2 "
        + "against the target after the best linear fit, the correlation matrix of the tickets' "
        + "error functions, and the error functions themselves (first network of each width; "
        + "of a wider network, its best " + MAX_DRAWN_TICKETS + " tickets by R^2). "
        + String.join("; ", notes) + ". The paper: about 1, 2 and 3 independent tickets at "
        + "N = 10, 30, 50, the error functions small at x = 0 and +-1.6.";
    return Figure.drawn(id, title, caption, panels);
  }

  /**
   * The R^2 from which a pair counts as a ticket where the error functions are compared: a pair
   * that fits the target poorly has the error of a constant fit, -(y - mean y), whose zeros (for x^2
   * on [-2, 2] at x = +-sqrt(4/3)) would otherwise stand for those of the tickets in a wide network,
   * most of whose pairs fit nothing.
   */
  static final double GOOD_TICKET_R2 = 0.9;

  /**
   * Where the width's error functions are small together (stats.SharedSmallPoints), over the
   * tickets with R^2 >= {@link #GOOD_TICKET_R2} of its networks whose grid is the first network's.
   */
  private static String sharedSmallErrors(int width, List<TicketPair> pairs, List<TicketPair> first) {
    double[] grid = first.isEmpty() ? new double[0] : first.get(0).x();
    List<TicketPair> onGrid = pairs.stream()
        .filter(p -> p.x().length > 1 && Arrays.equals(p.x(), grid)).toList();
    List<double[]> curves = onGrid.stream().filter(p -> p.r2() >= GOOD_TICKET_R2)
        .map(TicketPair::error).toList();
    String counted = String.format("%d of %d tickets with R^2 >= %s, %d networks", curves.size(),
        onGrid.size(), Fmt.fixed(GOOD_TICKET_R2),
        onGrid.stream().mapToLong(TicketPair::seed).distinct().count());
    if (curves.isEmpty()) {
      return "N=" + width + ": no error function to compare (" + counted + ")";
    }
    double[] small = SharedSmallPoints.of(grid, curves);
    return String.format("N=%d: the error functions (%s) are small together (median |e|/max|e| "
        + "at a minimum <= %s) %s", width, counted, Fmt.fixed(SharedSmallPoints.SMALL),
        small.length == 0 ? "nowhere" : "at x = " + Arrays.stream(small)
            .mapToObj(Fmt::fixed).collect(Collectors.joining(", ")));
  }

  /**
   * Figure 12 draws the error functions and correlations of at most this many tickets per network,
   * the best by R^2 (a width-1000 network has 500): beyond that the panels are unreadable.
   */
  static final int MAX_DRAWN_TICKETS = 50;

  /** The leading {@code shown} x {@code shown} block of a row-major size x size matrix. */
  static double[] leadingBlock(double[] matrix, int size, int shown) {
    double[] block = new double[shown * shown];
    for (int i = 0; i < shown; i++) {
      System.arraycopy(matrix, i * size, block, i * shown, shown);
    }
    return block;
  }

  private static List<TicketPair> firstNetwork(List<TicketPair> pairs) {
    long seed = pairs.stream().mapToLong(TicketPair::seed).min().getAsLong();
    return where(pairs, p -> p.seed() == seed);
  }

  // ---- Appendix D: distillation, and real ensembles -------------------------------------------

  Figure figure13() {
    String id = "fig13";
    String title = "Figure 13: distilled against trained width-2 losses";
    double[] distilled = data.distilled().stream().mapToDouble(Distilled::loss)
        .filter(l -> l > 0 && Double.isFinite(l)).toArray();
    if (distilled.length == 0) {
      return Figure.skipped(id, title, "no distilled rows for " + MAIN_TARGET + "/" + MAIN_ACTIVATION
          + ": " + data.whyMissing(ResultTables.DISTILLED.name()));
    }
    WidthLosses width2 = data.mainLosses().get(2);
    double[] trained = width2 == null ? new double[0] : width2.losses();
    LogBins bins = Charts.log10Bins(40, distilled, trained);
    double[] edges = Charts.edges(bins);
    XYChart chart = Charts.xy(title, "log10 training loss", "share of networks", Charts.WIDTH,
        Charts.HEIGHT);
    Charts.histogram(chart, "distilled from wide", edges, FigureData.shares(Charts.log10Counts(distilled, bins)));
    if (trained.length > 0) {
      Charts.histogram(chart, "trained width 2", edges, FigureData.shares(Charts.log10Counts(trained, bins)));
    }
    String caption = String.format("log10 loss of width-2 networks distilled from wide networks' "
        + "best tickets (%d networks; lowest %s, median %s) against trained width-2 networks "
        + "(%d networks; lowest %s, median %s). The paper's lowest distilled loss: 1.6e-19.",
        distilled.length, Fmt.sci(Quantiles.ofUnsorted(distilled, 0)),
        Fmt.sci(Quantiles.medianOfUnsorted(distilled)), trained.length,
        Fmt.sci(Quantiles.ofUnsorted(trained, 0)), Fmt.sci(Quantiles.medianOfUnsorted(trained)));
    return Figure.drawn(id, title, caption, List.of(Charts.save(chart, dir, id)));
  }

  Figure figureEnsembles() {
    String id = "ensembles";
    String title = "Beyond the paper: real N/2 + N/2 ensembles against the harmonic formula";
    List<Ensemble> rows = where(data.all().ensembles(), e -> e.actualLoss() > 0 && e.harmonicLoss() > 0
        && Double.isFinite(e.actualLoss()) && Double.isFinite(e.harmonicLoss()));
    if (rows.isEmpty()) {
      return Figure.skipped(id, title, "no ensembles rows: " + data.whyMissing(ResultTables.ENSEMBLES.name()));
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
      lo = Math.min(lo, Math.min(Quantiles.ofUnsorted(x, 0), Quantiles.ofUnsorted(y, 0)));
      hi = Math.max(hi, Math.max(Quantiles.ofUnsorted(x, 1), Quantiles.ofUnsorted(y, 1)));
      notes.add(e.getKey() + ": median actual/harmonic " + Fmt.fixed(Quantiles.medianOfUnsorted(
          e.getValue().stream().mapToDouble(r -> r.actualLoss() / r.harmonicLoss()).toArray())));
    }
    Charts.dashed(chart, "actual = harmonic", new double[] {lo, hi}, new double[] {lo, hi}, Color.GRAY);
    String caption = "Pairs of trained width-N/2 networks combined with least-squares output "
        + "weights: their actual loss against the harmonic formula the paper's figure 4 assumes. "
        + "Below the diagonal the real ensemble beats the formula. " + String.join("; ", notes) + ".";
    return Figure.drawn(id, title, caption, List.of(Charts.save(chart, dir, id)));
  }
}
