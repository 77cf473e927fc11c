package org.lotteryscaling.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.lotteryscaling.task.AtSetting;
import org.lotteryscaling.nn.TrainStatus;
import org.lotteryscaling.report.ReportData.HistogramBin;
import org.lotteryscaling.report.ReportData.LossModes;
import org.lotteryscaling.report.ReportData.LossSummary;
import org.lotteryscaling.report.ReportData.NetworkLoss;
import org.lotteryscaling.report.ReportData.OffsetFit;
import org.lotteryscaling.report.ReportData.ScalingFit;
import org.lotteryscaling.report.ReportData.Synergy;
import org.lotteryscaling.tables.FitAxis;
import org.lotteryscaling.task.Setting;
import org.lotteryscaling.task.SettingKey;
import org.lotteryscaling.task.Sweep;

/**
 * What the report of a swept experiment draws (a config with {@code sweep}): per setting of the
 * grid, that setting's rows as a {@link ReportData} of their own (width law, claims), its networks'
 * test losses, its mechanism tables (analyze runs per setting), and the fits of scaling_fit along
 * a swept axis at fixed width. A setting's width law holds its power and offset fits, so its
 * figure draws the offset law where the law selection chose it, as the unswept figure 1c does.
 */
public record SweptData(ReportData all, Sweep sweep, Map<Setting, ReportData> bySetting,
    Map<Setting, List<RunLosses>> runs, List<AxisFit> axisFits) {

  /** The rows of the mechanism tables, each with its setting. */
  public record Mechanisms(List<AtSetting<ReportData.Neuron>> neurons,
      List<AtSetting<ReportData.Ticket>> tickets, List<AtSetting<ReportData.Algorithm>> algorithms,
      List<AtSetting<ReportData.CurvePoint>> curves,
      List<AtSetting<ReportData.TicketPair>> ticketPairs,
      List<AtSetting<ReportData.TicketCorrelation>> correlations,
      List<AtSetting<ReportData.Distilled>> distilled,
      List<AtSetting<ReportData.Ensemble>> ensembles) {
    /** No mechanism rows (a folder not analysed: the reader says why in its unavailable tables). */
    public static final Mechanisms NONE = new Mechanisms(List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of());
  }

  /** One trained network's final training and test loss (from runs). */
  public record RunLosses(String target, String activation, int width, long seed, String status,
      double trainLoss, double testLoss) {
    public boolean ok() {
      return TrainStatus.isOk(status, trainLoss);
    }

    NetworkLoss network() {
      return new NetworkLoss(target, activation, width, seed, status, trainLoss);
    }
  }

  /**
   * A power law median ~ prefactor x^-alpha along a swept axis (named by its first key) at a fixed
   * width, the other axes at {@code others}: kind "all" over every point of the axis, "local"
   * between two consecutive points.
   */
  public record AxisFit(String target, String activation, String kind, int width, SettingKey axis,
      Setting others, double alpha, double alphaLow, double alphaHigh, double prefactor) {}

  /**
   * The report data of a swept experiment from its tables' rows, each with its setting; scaling_fit
   * rows with the axis they are fitted along ({@link FitAxis#WIDTH} for the width law, its power
   * and offset forms apart). Settings are in the sweep's grid order; a row of a setting outside
   * the sweep is left out.
   */
  public static SweptData of(String resultsName, Sweep sweep, List<AtSetting<RunLosses>> runs,
      List<AtSetting<LossSummary>> summaries, List<AtSetting<HistogramBin>> histograms,
      List<AtSetting<LossModes>> modes, List<AtSetting<ScalingFit>> widthFits,
      List<AtSetting<OffsetFit>> widthOffsetFits, List<AxisFit> axisFits, List<AtSetting<Synergy>> synergy, Mechanisms mechanisms,
      Map<String, String> unavailable) {
    Map<String, String> unread = java.util.Collections.unmodifiableMap(new TreeMap<>(unavailable));
    Map<Setting, List<RunLosses>> runsBySetting = split(sweep, runs, r -> r);
    Map<Setting, List<NetworkLoss>> networks = split(sweep, runs, RunLosses::network);
    Map<Setting, List<LossSummary>> summaryBy = split(sweep, summaries, r -> r);
    Map<Setting, List<HistogramBin>> histogramBy = split(sweep, histograms, r -> r);
    Map<Setting, List<LossModes>> modesBy = split(sweep, modes, r -> r);
    Map<Setting, List<ScalingFit>> fitsBy = split(sweep, widthFits, r -> r);
    Map<Setting, List<OffsetFit>> offsetFitsBy = split(sweep, widthOffsetFits, r -> r);
    Map<Setting, List<Synergy>> synergyBy = split(sweep, synergy, r -> r);
    Map<Setting, List<ReportData.Neuron>> neuronsBy = split(sweep, mechanisms.neurons(), r -> r);
    Map<Setting, List<ReportData.Ticket>> ticketsBy = split(sweep, mechanisms.tickets(), r -> r);
    Map<Setting, List<ReportData.Algorithm>> algorithmsBy =
        split(sweep, mechanisms.algorithms(), r -> r);
    Map<Setting, List<ReportData.CurvePoint>> curvesBy = split(sweep, mechanisms.curves(), r -> r);
    Map<Setting, List<ReportData.TicketPair>> pairsBy =
        split(sweep, mechanisms.ticketPairs(), r -> r);
    Map<Setting, List<ReportData.TicketCorrelation>> correlationsBy =
        split(sweep, mechanisms.correlations(), r -> r);
    Map<Setting, List<ReportData.Distilled>> distilledBy =
        split(sweep, mechanisms.distilled(), r -> r);
    Map<Setting, List<ReportData.Ensemble>> ensemblesBy =
        split(sweep, mechanisms.ensembles(), r -> r);
    Map<Setting, ReportData> bySetting = new LinkedHashMap<>();
    for (Setting s : sweep.settings()) {
      bySetting.put(s, new ReportData(resultsName, networks.get(s), summaryBy.get(s),
          histogramBy.get(s), modesBy.get(s), fitsBy.get(s), offsetFitsBy.get(s), synergyBy.get(s), neuronsBy.get(s),
          ticketsBy.get(s), ReportData.withCurves(algorithmsBy.get(s), curvesBy.get(s)),
          pairsBy.get(s), correlationsBy.get(s), distilledBy.get(s), ensemblesBy.get(s), unread));
    }
    // Every setting's mechanism rows together would mix settings in one figure: "all" has none.
    ReportData all = new ReportData(resultsName, rows(runs, RunLosses::network), rows(summaries, r -> r),
        rows(histograms, r -> r), rows(modes, r -> r), rows(widthFits, r -> r),
        rows(widthOffsetFits, r -> r), rows(synergy, r -> r),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), unread);
    return new SweptData(all, sweep, bySetting, runsBySetting, List.copyOf(axisFits));
  }

  /** Every setting of the grid with its rows (an empty list where it has none). */
  private static <T, R> Map<Setting, List<R>> split(Sweep sweep, List<AtSetting<T>> rows,
      Function<T, R> as) {
    Map<Setting, List<R>> out = new LinkedHashMap<>();
    sweep.settings().forEach(s -> out.put(s, new ArrayList<>()));
    for (AtSetting<T> r : rows) {
      List<R> mine = out.get(r.setting());
      if (mine != null) {
        mine.add(as.apply(r.row()));
      }
    }
    out.replaceAll((s, list) -> List.copyOf(list));
    return out;
  }

  private static <T, R> List<R> rows(List<AtSetting<T>> rows, Function<T, R> as) {
    return rows.stream().map(r -> as.apply(r.row())).toList();
  }

  /** The settings of the grid, in its order. */
  public List<Setting> settings() {
    return List.copyOf(bySetting.keySet());
  }

  /**
   * The setting whose axis {@code axis} is at {@code point} and whose other keys are as in
   * {@code others}, its keys in the sweep's order.
   */
  public Setting at(Sweep.Axis axis, List<Number> point, Setting others) {
    List<SettingKey> keys = sweep.keys();
    List<Number> values = new ArrayList<>();
    for (SettingKey key : keys) {
      int k = axis.keys().indexOf(key);
      values.add(k >= 0 ? point.get(k) : others.value(key));
    }
    return new Setting(keys, values);
  }

  /** The values of every axis but {@code axis}: the product of the others ([NONE] if none). */
  public List<Setting> others(Sweep.Axis axis) {
    return new Sweep(sweep.axes().stream().filter(a -> a != axis).toList()).settings();
  }
}
