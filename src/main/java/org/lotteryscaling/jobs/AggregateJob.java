package org.lotteryscaling.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lotteryscaling.UserError;
import org.lotteryscaling.results.DeltaTables;
import org.lotteryscaling.results.ExperimentFolder;
import org.lotteryscaling.results.OkNetworks;
import org.lotteryscaling.results.ResultsFolder;
import org.lotteryscaling.results.RowCodec;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.results.StepTimes;
import org.lotteryscaling.results.SweepColumns;
import org.lotteryscaling.results.Tables;
import org.lotteryscaling.stats.AggregateSettings;
import org.lotteryscaling.stats.JointLawFit;
import org.lotteryscaling.stats.LawSelection;
import org.lotteryscaling.stats.LogBins;
import org.lotteryscaling.stats.LossHistogram;
import org.lotteryscaling.stats.LossModes;
import org.lotteryscaling.stats.LossSummary;
import org.lotteryscaling.stats.OffsetPowerLawFit;
import org.lotteryscaling.stats.PowerLawFit;
import org.lotteryscaling.stats.SynergyTest;
import org.lotteryscaling.stats.WidthLosses;
import org.lotteryscaling.tables.FitAxis;
import org.lotteryscaling.tables.LossHistogramRow;
import org.lotteryscaling.tables.LossModesRow;
import org.lotteryscaling.tables.LossSummaryRow;
import org.lotteryscaling.tables.ResultTables;
import org.lotteryscaling.tables.ScalingFitRow;
import org.lotteryscaling.tables.SynergyRow;
import org.lotteryscaling.tables.Table;
import org.lotteryscaling.task.Seeds;
import org.lotteryscaling.task.Setting;
import org.lotteryscaling.task.SettingKey;
import org.lotteryscaling.task.Sweep;

/**
 * runs -> loss_summary, loss_histogram, loss_modes, scaling_fit, synergy (defined in
 * {@link ResultTables}).
 *
 * <p>Spark groups the final losses per (target, activation, width, setting), then per (target,
 * activation): one row per (target, activation) holding every width's and setting's ok losses,
 * train and test (a paper-size grid: 9 widths x 1000 seeds, 144 kB). Each table is a flatMap of
 * the stats code over those rows on the executors; no loss reaches the driver.
 *
 * <p>scaling_fit fits each law twice, to the train and to the test losses ({@link
 * LossGroup#test}), and beside the power laws holds the offset law along the width ({@link
 * #widthFitRows}) and, with data.points swept, the joint law ({@link #jointFitRows}), each with
 * the law selection of {@link LawSelection}.
 *
 * <p>In a swept experiment (a sweep in DIR/experiment.conf) every statistic is per (target,
 * activation, setting) and every table's rows carry the sweep's columns after their own
 * ({@link SweepColumns}); scaling_fit also carries the axis of each fit ({@link FitAxis}) before
 * them, and gains fits along each swept axis at fixed width ({@link #axisFitRows}). Without a
 * sweep the tables are exactly what they were before sweeps existed.
 */
public final class AggregateJob {
  private AggregateJob() {}

  /** Aggregates DIR/runs on a session for {@code master}; returns the rows written per table. */
  public static Map<String, Long> run(String master, String dir, AggregateSettings settings) {
    return run(Spark.session("lottery-aggregate", master), dir, settings);
  }

  public static Map<String, Long> run(SparkSession spark, String dir, AggregateSettings settings) {
    ResultsFolder folder = ResultsFolder.open(spark, dir).requireWritable();
    Sweep sweep = ExperimentFolder.sweep(folder.dir());
    Dataset<Row> runs = folder.runs();
    for (String column : SweepColumns.names(sweep)) {
      if (!List.of(runs.columns()).contains(column)) {
        throw new UserError(folder.dir().resolve(Tables.RUNS) + " has no column " + column
            + " of the sweep in " + ExperimentFolder.EXPERIMENT_FILE);
      }
    }
    Dataset<Row> groups = lossesByTargetAndActivation(runs, sweep).persist();
    try {
      // The five tables are independent: two at a time, so the driver's share of each (planning,
      // Delta's commit, a cold JVM's compiling) overlaps another's Spark jobs (docs/performance.md).
      Map<String, Long> written = new LinkedHashMap<>();
      List<Callable<Long>> writes = List.of(
          () -> write(folder, ResultTables.LOSS_SUMMARY, groups, sweep, g -> summaryRows(g, settings)),
          () -> write(folder, ResultTables.LOSS_HISTOGRAM, groups, sweep,
              g -> histogramRows(g, settings.bins())),
          () -> write(folder, ResultTables.LOSS_MODES, groups, sweep, AggregateJob::modeRows),
          () -> writeFits(folder, groups, sweep, settings),
          () -> write(folder, ResultTables.SYNERGY, groups, sweep, g -> synergyRows(g, settings)));
      List<String> names = List.of(ResultTables.LOSS_SUMMARY.name(), ResultTables.LOSS_HISTOGRAM.name(),
          ResultTables.LOSS_MODES.name(), ResultTables.SCALING_FIT.name(), ResultTables.SYNERGY.name());
      List<Long> counts = Concurrently.run(2, writes);
      for (int t = 0; t < names.size(); t++) {
        written.put(names.get(t), counts.get(t));
      }
      return written;
    } finally {
      groups.unpersist();
    }
  }

  /**
   * One row per (target, activation): widths = array of struct(width, the sweep's columns,
   * networks, train losses of ok networks, test losses of those whose test loss is finite), one
   * per (width, setting).
   */
  static Dataset<Row> lossesByTargetAndActivation(Dataset<Row> runs, Sweep sweep) {
    Column[] swept = SweepColumns.columns(sweep);
    // Spark orders NaN above +Infinity, so this leaves out NaN, infinite, null and negative losses.
    Column finiteTest = col("test_loss").geq(0).and(col("test_loss").lt(Double.POSITIVE_INFINITY));
    Dataset<Row> byWidth = runs
        .groupBy(concat(new Column[] {col("target"), col("activation"), col("width")}, swept))
        .agg(count(lit(1)).as("networks"),
            collect_list(when(OkNetworks.column(), col("train_loss"))).as("losses"),
            collect_list(when(OkNetworks.column().and(finiteTest), col("test_loss")))
                .as("test_losses"));
    Column[] fields = concat(concat(new Column[] {col("width")}, swept),
        new Column[] {col("networks"), col("losses"), col("test_losses")});
    return byWidth
        .groupBy(col("target"), col("activation"))
        .agg(collect_list(struct(fields)).as("widths"));
  }

  private interface GroupRows<R extends Record> extends java.io.Serializable {
    List<R> rows(LossGroup group);
  }

  /**
   * Writes {@code table}'s rows of every (target, activation, setting), with the sweep's columns,
   * sorted by its key then those columns, in one Parquet file; returns how many.
   */
  private static <R extends Record> long write(ResultsFolder folder, Table<R> table,
      Dataset<Row> groups, Sweep sweep, GroupRows<R> rows) {
    FlatMapFunction<Row, Row> perGroup = row -> {
      List<Row> out = new ArrayList<>();
      for (LossGroup g : LossGroup.all(row, sweep)) {
        for (R r : rows.rows(g)) {
          out.add(RowCodec.encode(table, sweep, g.setting(), r));
        }
      }
      return out.iterator();
    };
    return write(folder, table, groups.flatMap(perGroup, Encoders.row(RowCodec.schema(table, sweep))),
        sweep);
  }

  /** scaling_fit: every setting's width fits, then the fits along each swept axis. */
  private static long writeFits(ResultsFolder folder, Dataset<Row> groups, Sweep sweep,
      AggregateSettings settings) {
    FlatMapFunction<Row, Row> perGroup = row -> fitRows(LossGroup.all(row, sweep), sweep, settings)
        .stream().map(f -> RowCodec.encode(ResultTables.SCALING_FIT, sweep, f.setting(), f.fit(),
            f.axis())).iterator();
    return write(folder, ResultTables.SCALING_FIT, groups.flatMap(perGroup,
        Encoders.row(RowCodec.schema(ResultTables.SCALING_FIT, sweep))), sweep);
  }

  /**
   * The rows are computed on the executors and brought to the driver (a few per group, whatever
   * the number of networks), then written from there as one sorted file: no shuffle, and their
   * count without reading the table back.
   */
  private static long write(ResultsFolder folder, Table<?> table, Dataset<Row> rows, Sweep sweep) {
    SparkSession spark = rows.sparkSession();
    try (StepTimes.Step step = StepTimes.start(spark.sparkContext(), "aggregate: " + table.name())) {
      List<Row> computed = rows.collectAsList();
      Column[] order = table.key(sweep).stream().map(c -> col(c)).toArray(Column[]::new);
      DeltaTables.overwrite(spark.createDataFrame(computed, rows.schema()).coalesce(1)
          .sortWithinPartitions(order), folder.dir().resolve(table.name()));
      return computed.size();
    }
  }

  private static Column[] concat(Column[] a, Column[] b) {
    Column[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /**
   * loss_summary's rows of one group; the medians' intervals resample the seeds of each width
   * with {@code settings.resamples()} replicates ({@link Seeds#median}, and {@link Seeds#testLoss}
   * of it for the test loss).
   */
  static List<LossSummaryRow> summaryRows(LossGroup g, AggregateSettings settings) {
    List<LossSummaryRow> out = new ArrayList<>();
    LossGroup test = g.test();
    for (WidthLosses w : g.widths()) {
      LossSummary s = LossSummary.of(w);
      long seed = Seeds.median(g.seed(settings.seed()), w.width());
      double[] median = LossSummary.medianInterval(w, settings.resamples(), seed);
      WidthLosses t = test.width(w.width());
      double testMedian = t == null || t.ok() == 0 ? Double.NaN : t.median();
      double[] testInterval = t == null ? new double[] {Double.NaN, Double.NaN}
          : LossSummary.medianInterval(t, settings.resamples(), Seeds.testLoss(seed));
      out.add(new LossSummaryRow(g.target(), g.activation(), w.width(), s.networks(), s.ok(),
          s.diverged(), orNull(s.min()), orNull(s.q10()), orNull(s.q25()), orNull(s.median()),
          orNull(s.q75()), orNull(s.q90()), orNull(s.max()), orNull(s.meanLog10()),
          orNull(s.sdLog10()), orNull(median[0]), orNull(median[1]), orNull(testMedian),
          orNull(testInterval[0]), orNull(testInterval[1])));
    }
    return out;
  }

  static List<LossHistogramRow> histogramRows(LossGroup g, int bins) {
    LogBins edges = LogBins.spanning(g.widths(), bins);
    List<LossHistogramRow> out = new ArrayList<>();
    if (edges == null) {
      return out;
    }
    for (WidthLosses w : g.widths()) {
      long[] counts = LossHistogram.of(edges, w).counts();
      for (int k = 0; k < counts.length; k++) {
        Double fraction = w.ok() == 0 ? null : (double) counts[k] / w.ok();
        out.add(new LossHistogramRow(g.target(), g.activation(), w.width(), k, edges.edge(k),
            edges.edge(k + 1), counts[k], fraction));
      }
    }
    return out;
  }

  static List<LossModesRow> modeRows(LossGroup g) {
    List<LossModesRow> out = new ArrayList<>();
    for (WidthLosses w : g.widths()) {
      LossModes m = LossModes.of(w);
      double[] locations = m.peaks().stream().mapToDouble(LossModes.Peak::log10Loss).toArray();
      long[] members = m.peaks().stream().mapToLong(LossModes.Peak::networks).toArray();
      LossModes.Peak lowest = m.lowest();
      out.add(new LossModesRow(g.target(), g.activation(), w.width(), w.networks(), w.ok(),
          orNull(m.bandwidth()), m.count(), m.countLow(), m.countHigh(), locations, members,
          lowest == null ? null : lowest.log10Loss(),
          lowest == null ? null : Math.pow(10, lowest.log10Loss()),
          lowest == null ? 0L : lowest.networks(), m.lotteryRate()));
    }
    return out;
  }

  /** The width fits of one group: those of its train losses, then those of its test losses. */
  static List<ScalingFitRow> fitRows(LossGroup g, AggregateSettings settings) {
    List<ScalingFitRow> out = new ArrayList<>(
        widthFitRows(g, ScalingFitRow.TRAIN, g.seed(settings.seed()), settings));
    out.addAll(widthFitRows(g.test(), ScalingFitRow.TEST, Seeds.testLoss(g.seed(settings.seed())),
        settings));
    return out;
  }

  /** The widths an offset law is fitted over at fewest: one more than its three parameters, to score it. */
  static final int OFFSET_MIN_WIDTHS = 4;

  /**
   * The fits along the width of one group's losses of {@code loss}, whose resampling stream is
   * {@code seed}: the power laws ({@link PowerLawFit#fits}), and over {@link #OFFSET_MIN_WIDTHS}
   * or more widths with ok networks the offset law ({@link OffsetPowerLawFit#bootstrap}, {@code
   * settings.lawResamples()} replicates, stream {@link Seeds#offsetFit}) with the selection
   * between it and the power law of kind all ({@link LawSelection#alongOneAxis}). The same again
   * over the widths of the power law of kind wide (N >= {@link PowerLawFit#WIDE_MIN_WIDTH}) where
   * it has that many: the paper's range, where a floor and a slower power law part.
   */
  static List<ScalingFitRow> widthFitRows(LossGroup g, String loss, long seed,
      AggregateSettings settings) {
    List<WidthLosses> used = g.widths().stream().filter(w -> w.ok() > 0).toList();
    List<WidthLosses> wide = used.stream()
        .filter(w -> w.width() >= PowerLawFit.WIDE_MIN_WIDTH).toList();
    OffsetRow offset = offsetRow(g, loss, PowerLawFit.Kind.ALL, used, Seeds.offsetFit(seed),
        settings);
    OffsetRow wideOffset = offsetRow(g, loss, PowerLawFit.Kind.WIDE, wide,
        Seeds.wideOffsetFit(seed), settings);
    List<ScalingFitRow> out = new ArrayList<>();
    for (PowerLawFit f : PowerLawFit.fits(g.widths(), settings.resamples(), seed)) {
      OffsetRow against = switch (f.kind()) {
        case ALL -> offset;
        case WIDE -> wideOffset;
        case LOCAL -> null;
      };
      LawSelection selection = against == null ? null : against.selection();
      out.add(powerRow(g.target(), g.activation(), loss, f.kind().id(), f.widthMin(),
          f.widthMax(), f.widths(), f.alpha(), f.alphaLow(), f.alphaHigh(), f.prefactor(),
          f.resamples(), selection == null ? null : heldOut(selection, LawSelection.Form.POWER),
          selection == null ? null : selection.chosen() == LawSelection.Form.POWER));
    }
    for (OffsetRow o : new OffsetRow[] {offset, wideOffset}) {
      if (o != null) {
        out.add(o.row());
      }
    }
    return out;
  }

  /** The offset row of a group and the selection it took part in. */
  private record OffsetRow(ScalingFitRow row, LawSelection selection) {}

  /**
   * The offset law of kind {@code kind} over {@code used}; null under {@link #OFFSET_MIN_WIDTHS}
   * widths or with a loss <= 0.
   */
  private static OffsetRow offsetRow(LossGroup g, String loss, PowerLawFit.Kind kind,
      List<WidthLosses> used, long seed, AggregateSettings settings) {
    if (used.size() < OFFSET_MIN_WIDTHS || !positive(used)) {
      return null;
    }
    double[] x = new double[used.size()];
    double[][] losses = new double[used.size()][];
    double[] medians = new double[used.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = used.get(i).width();
      losses[i] = used.get(i).losses();
      medians[i] = used.get(i).median();
    }
    OffsetPowerLawFit.Bootstrap b =
        OffsetPowerLawFit.bootstrap(x, losses, settings.lawResamples(), LAW_LEVEL, seed);
    LawSelection selection = LawSelection.alongOneAxis(x, medians);
    OffsetPowerLawFit f = b.fit();
    ScalingFitRow row = new ScalingFitRow(g.target(), g.activation(), loss, ScalingFitRow.OFFSET,
        kind.id(), used.get(0).width(), used.get(used.size() - 1).width(),
        used.size(), f.alpha(), b.alphaLow(), b.alphaHigh(), f.a(), b.resamples(), b.aLow(),
        b.aHigh(), f.e(), b.eLow(), b.eHigh(), null, null, null, null, null, null, f.objective(),
        f.converged(), b.unconverged(), heldOut(selection, LawSelection.Form.OFFSET),
        selection.chosen() == LawSelection.Form.OFFSET);
    return new OffsetRow(row, selection);
  }

  /**
   * The level of the offset and joint laws' intervals: their low and high columns are the same
   * 2.5% and 97.5% quantiles as the power laws'.
   */
  static final double LAW_LEVEL = 0.95;

  /** A power-law row of scaling_fit, with its law selection's columns (null: none made). */
  private static ScalingFitRow powerRow(String target, String activation, String loss,
      String kind, int widthMin, int widthMax, int widths, double alpha, double alphaLow,
      double alphaHigh, double prefactor, int resamples, Double heldOutError, Boolean chosen) {
    return new ScalingFitRow(target, activation, loss, ScalingFitRow.POWER, kind, widthMin,
        widthMax, widths, alpha, alphaLow, alphaHigh, prefactor, resamples, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, heldOutError, chosen);
  }

  /** The held-out error of {@code form} in the selection, or null where it was not scored. */
  private static Double heldOut(LawSelection selection, LawSelection.Form form) {
    return selection.scores().stream().filter(s -> s.form() == form).findFirst()
        .map(LawSelection.Score::heldOutError).orElse(null);
  }

  /** Whether every loss is > 0: the Huber fits take logs of the medians of any resample. */
  private static boolean positive(List<WidthLosses> widths) {
    return widths.stream().allMatch(w -> w.losses()[0] > 0);
  }

  /**
   * A row of scaling_fit of a swept experiment: the fit, its axis, and the setting it holds (for
   * a fit along an axis, the setting of the other keys: the axis's own columns are null).
   */
  record SweptFit(ScalingFitRow fit, FitAxis axis, Setting setting) {}

  /**
   * scaling_fit's rows of one (target, activation): each setting's width fits ({@link
   * #fitRows(LossGroup, AggregateSettings)}), then the fits along each fittable axis of the sweep.
   */
  static List<SweptFit> fitRows(List<LossGroup> groups, Sweep sweep, AggregateSettings settings) {
    List<SweptFit> out = new ArrayList<>();
    for (LossGroup g : groups) {
      for (ScalingFitRow f : fitRows(g, settings)) {
        out.add(new SweptFit(f, FitAxis.width(f.widthMin(), f.widthMax(), f.widths()), g.setting()));
      }
    }
    List<LossGroup> test = groups.stream().map(LossGroup::test).toList();
    for (Sweep.Axis axis : sweep.axes()) {
      if (fittableAlong(axis)) {
        out.addAll(axisFitRows(groups, axis, settings, ScalingFitRow.TRAIN));
        out.addAll(axisFitRows(test, axis, settings, ScalingFitRow.TEST));
        if (axis.key() == SettingKey.DATA_POINTS) {
          out.addAll(jointFitRows(groups, axis, settings, ScalingFitRow.TRAIN));
          out.addAll(jointFitRows(test, axis, settings, ScalingFitRow.TEST));
        }
      }
    }
    return out;
  }

  /** The seed of a stream of the train loss, or of the test loss ({@link Seeds#testLoss}). */
  private static long seedOf(String loss, long trainSeed) {
    return ScalingFitRow.TRAIN.equals(loss) ? trainSeed : Seeds.testLoss(trainSeed);
  }

  /** Whether a power law is fitted along {@code axis}: positions > 0, two or more, distinct. */
  static boolean fittableAlong(Sweep.Axis axis) {
    double[] x = axis.positions();
    return axis.fittable() && java.util.Arrays.stream(x).distinct().count() == x.length;
  }

  /**
   * The fits along {@code axis} of one (target, activation): median loss ~ prefactor * x^-alpha
   * over the axis's positions x, at each width and each setting of the other swept keys, over the
   * positions with ok networks ({@link PowerLawFit#along}: kind all, and local per consecutive
   * pair). Seeds are resampled within each position; the stream is {@link Seeds#axisFit}.
   */
  static List<SweptFit> axisFitRows(List<LossGroup> groups, Sweep.Axis axis,
      AggregateSettings settings, String loss) {
    Map<Setting, LossGroup[]> byRest = byRest(groups, axis);
    if (byRest.isEmpty()) {
      return List.of();
    }
    String target = groups.get(0).target();
    String activation = groups.get(0).activation();
    double[] positions = axis.positions();
    List<SweptFit> out = new ArrayList<>();
    byRest.forEach((rest, atPoint) -> {
      java.util.SortedSet<Integer> widths = new java.util.TreeSet<>();
      for (LossGroup g : atPoint) {
        if (g != null) {
          g.widths().forEach(w -> widths.add(w.width()));
        }
      }
      for (int width : widths) {
        List<Double> x = new ArrayList<>();
        List<WidthLosses> losses = new ArrayList<>();
        for (int p = 0; p < atPoint.length; p++) {
          WidthLosses w = atPoint[p] == null ? null : atPoint[p].width(width);
          if (w != null) {
            x.add(positions[p]);
            losses.add(w);
          }
        }
        long seed = seedOf(loss,
            Seeds.axisFit(settings.seed(), target, activation, rest, axis.key(), width));
        for (PowerLawFit.Along f : PowerLawFit.along(x.stream().mapToDouble(v -> v).toArray(),
            losses, settings.resamples(), seed)) {
          out.add(new SweptFit(powerRow(target, activation, loss, f.kind().id(), width, width, 1,
              f.alpha(), f.alphaLow(), f.alphaHigh(), f.prefactor(), f.resamples(), null, null),
              new FitAxis(axis.key().key(), f.xMin(), f.xMax(), f.points()), rest));
        }
      }
    });
    return out;
  }

  /** The groups by the setting of the other keys, then by their point on the axis. */
  private static Map<Setting, LossGroup[]> byRest(List<LossGroup> groups, Sweep.Axis axis) {
    Map<Setting, LossGroup[]> byRest = new LinkedHashMap<>();
    for (LossGroup g : groups) {
      int point = pointOf(axis, g.setting());
      if (point >= 0) {
        byRest.computeIfAbsent(without(g.setting(), axis),
            rest -> new LossGroup[axis.points().size()])[point] = g;
      }
    }
    return byRest;
  }

  /**
   * The cells a joint law needs at fewest: one more than its five parameters, to score it; and
   * two widths and two values of data.points, without which N or D has no exponent.
   */
  static final int JOINT_MIN_CELLS = 6;

  /**
   * The joint law E + A N^-alpha + B D^-beta of one (target, activation), over the grid of widths N
   * and values D of {@code axis} (data.points, zipped or not) at each setting of the other keys,
   * over the cells with ok networks ({@link JointLawFit#bootstrap}: seeds resampled within each
   * cell, {@code settings.lawResamples()} replicates, stream {@link Seeds#jointFit}), with the
   * selection among the forms of {@link LawSelection#joint}. One row of kind all; its FitAxis is
   * {@link FitAxis#joint}, and its setting the other keys'.
   */
  static List<SweptFit> jointFitRows(List<LossGroup> groups, Sweep.Axis axis,
      AggregateSettings settings, String loss) {
    Map<Setting, LossGroup[]> byRest = byRest(groups, axis);
    if (byRest.isEmpty()) {
      return List.of();
    }
    String target = groups.get(0).target();
    String activation = groups.get(0).activation();
    double[] positions = axis.positions();
    List<SweptFit> out = new ArrayList<>();
    byRest.forEach((rest, atPoint) -> {
      List<double[]> cells = new ArrayList<>(); // {width, points}
      List<WidthLosses> losses = new ArrayList<>();
      for (int p = 0; p < atPoint.length; p++) {
        if (atPoint[p] != null) {
          for (WidthLosses w : atPoint[p].widths()) {
            if (w.ok() > 0) {
              cells.add(new double[] {w.width(), positions[p]});
              losses.add(w);
            }
          }
        }
      }
      java.util.SortedSet<Double> widths = new java.util.TreeSet<>();
      java.util.SortedSet<Double> points = new java.util.TreeSet<>();
      cells.forEach(c -> {
        widths.add(c[0]);
        points.add(c[1]);
      });
      if (cells.size() < JOINT_MIN_CELLS || widths.size() < 2 || points.size() < 2
          || !positive(losses)) {
        return;
      }
      double[] n = new double[cells.size()];
      double[] d = new double[cells.size()];
      double[][] sample = new double[cells.size()][];
      double[] medians = new double[cells.size()];
      for (int i = 0; i < n.length; i++) {
        n[i] = cells.get(i)[0];
        d[i] = cells.get(i)[1];
        sample[i] = losses.get(i).losses();
        medians[i] = losses.get(i).median();
      }
      long seed = seedOf(loss, Seeds.jointFit(settings.seed(), target, activation, rest, axis.key()));
      JointLawFit.Bootstrap b =
          JointLawFit.bootstrap(n, d, sample, settings.lawResamples(), LAW_LEVEL, seed);
      LawSelection selection = LawSelection.joint(n, d, medians);
      JointLawFit f = b.fit();
      ScalingFitRow row = new ScalingFitRow(target, activation, loss, ScalingFitRow.JOINT,
          PowerLawFit.Kind.ALL.id(), widths.first().intValue(), widths.last().intValue(),
          widths.size(), f.alpha(), b.alphaLow(), b.alphaHigh(), f.a(), b.resamples(), b.aLow(),
          b.aHigh(), f.e(), b.eLow(), b.eHigh(), f.b(), b.bLow(), b.bHigh(), f.beta(),
          b.betaLow(), b.betaHigh(), f.objective(), f.converged(), b.unconverged(),
          heldOut(selection, LawSelection.Form.JOINT),
          selection.chosen() == LawSelection.Form.JOINT);
      out.add(new SweptFit(row, FitAxis.joint(axis.key().key(), points.first(), points.last(),
          points.size()), rest));
    });
    return out;
  }

  /** The index of the axis's point that {@code setting} lies on, or -1. */
  private static int pointOf(Sweep.Axis axis, Setting setting) {
    for (int p = 0; p < axis.points().size(); p++) {
      boolean on = true;
      for (int k = 0; k < axis.keys().size(); k++) {
        on &= axis.points().get(p).get(k).equals(setting.value(axis.keys().get(k)));
      }
      if (on) {
        return p;
      }
    }
    return -1;
  }

  /** {@code setting} without the axis's keys. */
  private static Setting without(Setting setting, Sweep.Axis axis) {
    List<SettingKey> keys = new ArrayList<>();
    List<Number> values = new ArrayList<>();
    for (int k = 0; k < setting.keys().size(); k++) {
      if (!axis.keys().contains(setting.keys().get(k))) {
        keys.add(setting.keys().get(k));
        values.add(setting.values().get(k));
      }
    }
    return new Setting(keys, values);
  }

  static List<SynergyRow> synergyRows(LossGroup g, AggregateSettings settings) {
    List<SynergyRow> out = new ArrayList<>();
    for (WidthLosses full : g.widths()) {
      WidthLosses half = full.width() % 2 == 0 ? g.width(full.width() / 2) : null;
      if (half == null || half.ok() == 0 || full.ok() == 0) {
        continue;
      }
      SynergyTest t = SynergyTest.of(half, full, SynergyTest.seed(settings.seed(), g.target(),
          g.activation(), full.width()));
      out.add(new SynergyRow(g.target(), g.activation(), t.width(), t.halfWidth(), t.pairs(),
          t.trained(), t.ensembleMedian(), t.trainedMedian(), t.log10Ratio(), t.ksStatistic(),
          t.pValue(), t.verdict().id()));
    }
    return out;
  }

  /** Undefined statistics (NaN) are written as SQL null. */
  private static Double orNull(double x) {
    return Double.isNaN(x) ? null : x;
  }
}
