package org.lotteryscaling.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.lotteryscaling.nn.TrainStatus;
import org.lotteryscaling.report.ReportData.HistogramBin;
import org.lotteryscaling.report.ReportData.LossModes;
import org.lotteryscaling.report.ReportData.LossSummary;
import org.lotteryscaling.report.ReportData.NetworkLoss;
import org.lotteryscaling.report.ReportData.ScalingFit;
import org.lotteryscaling.report.ReportData.Synergy;
import org.lotteryscaling.tables.FitAxis;
import org.lotteryscaling.task.Setting;
import org.lotteryscaling.task.SettingKey;
import org.lotteryscaling.task.Sweep;
import org.lotteryscaling.tables.ResultTables;

/**
 * What the report of a swept experiment draws (a config with {@code sweep}): per setting of the
 * grid, that setting's rows as a {@link ReportData} of their own (width law, claims), its networks'
 * test losses, and the fits of scaling_fit along a swept axis at fixed width. Analyses do not run
 * on swept experiments, so every setting's mechanism tables are unavailable, saying so.
 */
public record SweptData(ReportData all, Sweep sweep, Map<Setting, ReportData> bySetting,
    Map<Setting, List<RunLosses>> runs, List<AxisFit> axisFits) {

  /** Why a swept experiment has no mechanism figures and claims. */
  public static final String NO_ANALYSES = "analyses (lottery analyze) do not run on swept "
      + "experiments, so there are no mechanism tables";

  /** A row of a table with the setting its sweep columns hold. */
  public record AtSetting<T>(Setting setting, T row) {}

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
   * rows with the axis they are fitted along ({@link FitAxis#WIDTH} for the width law). Settings are
   * in the sweep's grid order; a row of a setting outside the sweep is left out.
   */
  public static SweptData of(String resultsName, Sweep sweep, List<AtSetting<RunLosses>> runs,
      List<AtSetting<LossSummary>> summaries, List<AtSetting<HistogramBin>> histograms,
      List<AtSetting<LossModes>> modes, List<AtSetting<ScalingFit>> widthFits,
      List<AxisFit> axisFits, List<AtSetting<Synergy>> synergy, Map<String, String> unavailable) {
    Map<String, String> withoutAnalyses = new TreeMap<>(unavailable);
    for (var table : ResultTables.MECHANISMS) {
      withoutAnalyses.put(table.name(), NO_ANALYSES);
    }
    Map<Setting, List<RunLosses>> runsBySetting = split(sweep, runs, r -> r);
    Map<Setting, List<NetworkLoss>> networks = split(sweep, runs, RunLosses::network);
    Map<Setting, List<LossSummary>> summaryBy = split(sweep, summaries, r -> r);
    Map<Setting, List<HistogramBin>> histogramBy = split(sweep, histograms, r -> r);
    Map<Setting, List<LossModes>> modesBy = split(sweep, modes, r -> r);
    Map<Setting, List<ScalingFit>> fitsBy = split(sweep, widthFits, r -> r);
    Map<Setting, List<Synergy>> synergyBy = split(sweep, synergy, r -> r);
    Map<Setting, ReportData> bySetting = new LinkedHashMap<>();
    for (Setting s : sweep.settings()) {
      bySetting.put(s, new ReportData(resultsName, networks.get(s), summaryBy.get(s),
          histogramBy.get(s), modesBy.get(s), fitsBy.get(s), synergyBy.get(s), List.of(), List.of(),
          List.of(), List.of(), List.of(), List.of(), List.of(), withoutAnalyses));
    }
    ReportData all = new ReportData(resultsName, rows(runs, RunLosses::network), rows(summaries, r -> r),
        rows(histograms, r -> r), rows(modes, r -> r), rows(widthFits, r -> r), rows(synergy, r -> r),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), withoutAnalyses);
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
