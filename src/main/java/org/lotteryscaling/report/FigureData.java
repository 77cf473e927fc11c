package org.lotteryscaling.report;

import static org.lotteryscaling.report.ReportData.where;
import static org.lotteryscaling.report.ReportData.MAIN_ACTIVATION;
import static org.lotteryscaling.report.ReportData.MAIN_TARGET;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lotteryscaling.report.ReportData.Algorithm;
import org.lotteryscaling.report.ReportData.Distilled;
import org.lotteryscaling.report.ReportData.HistogramBin;
import org.lotteryscaling.report.ReportData.LossModes;
import org.lotteryscaling.report.ReportData.LossSummary;
import org.lotteryscaling.report.ReportData.NetworkLoss;
import org.lotteryscaling.report.ReportData.Neuron;
import org.lotteryscaling.report.ReportData.Synergy;
import org.lotteryscaling.report.ReportData.Ticket;
import org.lotteryscaling.report.ReportData.TicketCorrelation;
import org.lotteryscaling.report.ReportData.TicketPair;
import org.lotteryscaling.stats.WidthLosses;

/**
 * What the figures draw: the report's data with the rows of the paper's main target chosen once
 * ({@code summaries} for MAIN_TARGET under every activation, the rest for
 * MAIN_TARGET/MAIN_ACTIVATION), and the look-ups several figures share. {@code all} keeps every
 * row, for the appendix figures over other targets.
 */
record FigureData(ReportData all, List<LossSummary> summaries, List<Neuron> neurons,
    List<HistogramBin> histograms, List<Synergy> synergy, List<Ticket> tickets,
    List<Algorithm> algorithms, List<TicketPair> ticketPairs,
    List<TicketCorrelation> correlations, List<Distilled> distilled) {

  static FigureData of(ReportData all) {
    return new FigureData(all,
        where(all.summaries(), s -> s.target().equals(MAIN_TARGET)),
        where(all.neurons(), r -> isMain(r.target(), r.activation())),
        where(all.histograms(), r -> isMain(r.target(), r.activation())),
        where(all.synergy(), r -> isMain(r.target(), r.activation())),
        where(all.tickets(), r -> isMain(r.target(), r.activation())),
        where(all.algorithms(), r -> isMain(r.target(), r.activation())),
        where(all.ticketPairs(), r -> isMain(r.target(), r.activation())),
        where(all.correlations(), r -> isMain(r.target(), r.activation())),
        where(all.distilled(), r -> isMain(r.target(), r.activation())));
  }

  private static boolean isMain(String target, String activation) {
    return target.equals(MAIN_TARGET) && activation.equals(MAIN_ACTIVATION);
  }

  String whyMissing(String table) {
    return all.whyMissing(table);
  }

  /** The loss_modes row of (target, activation, width), or null. */
  LossModes modes(String target, String activation, int width) {
    return all.modes().stream().filter(m -> m.target().equals(target)
        && m.activation().equals(activation) && m.width() == width).findFirst().orElse(null);
  }

  /** The main target's synergy row at width N, or null. */
  Synergy synergy(int width) {
    return synergy.stream().filter(r -> r.width() == width).findFirst().orElse(null);
  }

  /**
   * The main target's networks per width, as the aggregate job groups them: every run counted, the
   * ok ones' losses ({@link NetworkLoss#ok}) ascending; widths ascending.
   */
  Map<Integer, WidthLosses> mainLosses() {
    return mainLosses(all.runs());
  }

  static Map<Integer, WidthLosses> mainLosses(List<NetworkLoss> runs) {
    Map<Integer, List<NetworkLoss>> byWidth = groupBy(where(runs,
        r -> isMain(r.target(), r.activation()) && r.width() >= 1), NetworkLoss::width);
    Map<Integer, WidthLosses> out = new TreeMap<>();
    byWidth.forEach((w, rows) -> out.put(w, new WidthLosses(w, rows.size(),
        rows.stream().filter(NetworkLoss::ok).mapToDouble(NetworkLoss::trainLoss).toArray())));
    return out;
  }

  /** Appendix figures need a target beyond x2 (unary) or any mulK (multiplication). */
  static List<String> appendixTargets(List<String> present, boolean multiplication) {
    List<String> chosen = present.stream().filter(t -> t.startsWith("mul") == multiplication)
        .sorted().toList();
    boolean beyondMain = chosen.stream().anyMatch(t -> !t.equals(MAIN_TARGET));
    return beyondMain ? chosen : List.of();
  }

  static String appendixWhy(boolean multiplication, String table, String why) {
    return (multiplication ? "no mul2..mul5 target" : "no unary target besides " + MAIN_TARGET)
        + " in " + table + " (run conf/appendix-" + (multiplication ? "multiplication" : "unary")
        + ".conf)" + (why == null ? "" : ": " + why);
  }

  /** silu when the target has it (the paper's appendix uses silu), else the first one present. */
  static String activationFor(String target, List<String> activations) {
    return activations.contains(MAIN_ACTIVATION) ? MAIN_ACTIVATION
        : activations.stream().sorted().findFirst().orElseThrow();
  }

  /** Each count over the total (0 when the total is 0). */
  static double[] shares(double[] counts) {
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

  /** Groups rows by key, keys in their natural order. */
  static <T, K extends Comparable<K>> Map<K, List<T>> groupBy(List<T> rows, Function<T, K> key) {
    return rows.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
  }
}
