package org.lotteryscaling.jobs;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.lotteryscaling.UserError;
import org.lotteryscaling.report.Report;
import org.lotteryscaling.report.ReportData.Algorithm;
import org.lotteryscaling.report.ReportData.CurvePoint;
import org.lotteryscaling.report.ReportData.Distilled;
import org.lotteryscaling.report.ReportData.Ensemble;
import org.lotteryscaling.report.ReportData.HistogramBin;
import org.lotteryscaling.report.ReportData.LossModes;
import org.lotteryscaling.report.ReportData.LossSummary;
import org.lotteryscaling.report.ReportData.NetworkLoss;
import org.lotteryscaling.report.ReportData.Neuron;
import org.lotteryscaling.report.ReportData.OffsetFit;
import org.lotteryscaling.report.ReportData.ScalingFit;
import org.lotteryscaling.report.ReportData.Synergy;
import org.lotteryscaling.report.ReportData.Ticket;
import org.lotteryscaling.report.ReportData.TicketCorrelation;
import org.lotteryscaling.report.ReportData.TicketPair;
import org.lotteryscaling.report.ReportData;
import org.lotteryscaling.report.SweptData.RunLosses;
import org.lotteryscaling.report.SweptData;
import org.lotteryscaling.results.ExperimentFolder;
import org.lotteryscaling.results.ResultsFolder;
import org.lotteryscaling.results.RowCodec;
import org.lotteryscaling.results.StepTimes;
import org.lotteryscaling.results.StorageFolder;
import org.lotteryscaling.results.SweepColumns;
import org.lotteryscaling.results.TableReader;
import org.lotteryscaling.stats.PowerLawFit;
import org.lotteryscaling.tables.AlgorithmRow;
import org.lotteryscaling.tables.ColumnName;
import org.lotteryscaling.tables.FitAxis;
import org.lotteryscaling.tables.NeuronRow;
import org.lotteryscaling.tables.NullWhenAbsent;
import org.lotteryscaling.tables.ResultTables;
import org.lotteryscaling.tables.ScalingFitRow;
import org.lotteryscaling.tables.Table;
import org.lotteryscaling.tables.TicketRow;
import org.lotteryscaling.task.AtSetting;
import org.lotteryscaling.task.Setting;
import org.lotteryscaling.task.SettingKey;
import org.lotteryscaling.task.Sweep;

/**
 * `report --results DIR`: reads the result tables of DIR (never re-trains) and renders
 * DIR/report/index.html with its figures and claims table. The tables are defined in
 * {@link ResultTables}; the report's values are read from them by column name (TableReader).
 */
public final class ReportJob {
  private ReportJob() {}

  public static final String REPORT_DIR = "report";

  /**
   * Renders the report of {@code results} into {@code reportDir} (a local folder), or, when that
   * is null, into {@code DIR/report}: directly where DIR is on the local disk, else rendered in a
   * local temporary folder and copied to DIR/report through its file system (index.html last, so
   * a reader never finds a page whose figures are not there yet).
   */
  public static Rendered run(SparkSession spark, String results, java.nio.file.Path reportDir) {
    StorageFolder dir = StorageFolder.of(spark, results);
    Sweep sweep = ExperimentFolder.sweep(dir);
    Function<java.nio.file.Path, Report.Rendered> draw;
    try (StepTimes.Step step = StepTimes.start(spark.sparkContext(), "report: read tables")) {
      if (sweep.isEmpty()) {
        ReportData data = read(spark, dir);
        draw = folder -> Report.render(data, folder);
      } else {
        SweptData data = readSwept(spark, dir, sweep);
        draw = folder -> Report.render(data, folder);
      }
    }
    Function<java.nio.file.Path, Report.Rendered> render = folder -> {
      try (StepTimes.Step step = StepTimes.start(spark.sparkContext(), "report: figures and page")) {
        return draw.apply(folder);
      }
    };
    if (reportDir != null) {
      Report.Rendered r = render.apply(reportDir);
      return new Rendered(r, r.index().toString());
    }
    StorageFolder target = dir.resolve(REPORT_DIR);
    if (target.isLocal()) {
      Report.Rendered r = render.apply(target.localPath());
      return new Rendered(r, r.index().toString());
    }
    java.nio.file.Path local = null;
    try {
      local = Files.createTempDirectory("lottery-report");
      Report.Rendered r = render.apply(local);
      target.putFromLocal(local.resolve(Report.FIGURES));
      target.putFromLocal(r.index());
      return new Rendered(r, target.resolve(r.index().getFileName().toString()).toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the report: " + e.getMessage(), e);
    } finally {
      deleteQuietly(local);
    }
  }

  /** What was rendered, and where its page is (a local path or a URI). */
  public record Rendered(Report.Rendered report, String index) {}

  private static void deleteQuietly(java.nio.file.Path tree) {
    if (tree == null) {
      return;
    }
    try (Stream<java.nio.file.Path> paths = Files.walk(tree)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder left behind costs nothing but space
    }
  }

  /** The folder's tables as plain values; a folder without result tables is a user error. */
  public static ReportData read(SparkSession spark, StorageFolder dir) {
    ResultsFolder.requireResultTables(dir);
    TableReader t = new TableReader(spark, dir);
    ReportData data;
    // Two tables at a time: each read is a few small Spark jobs (Delta's snapshot, the scan) and
    // driver work in between, which overlap (docs/performance.md).
    try (Concurrently.Pool reads = new Concurrently.Pool(2)) {
      var runs = reads.submit(() -> t.read(ResultTables.RUNS, NetworkLoss.class));
      var summary = reads.submit(() -> t.read(ResultTables.LOSS_SUMMARY, LossSummary.class));
      var histogram = reads.submit(() -> t.read(ResultTables.LOSS_HISTOGRAM, HistogramBin.class));
      var modes = reads.submit(() -> t.read(ResultTables.LOSS_MODES, LossModes.class));
      var fits = reads.submit(() -> t.read(ResultTables.SCALING_FIT, FitOfTrainLoss.class,
          ReportJob::fitsOfTrainLoss));
      var synergy = reads.submit(() -> t.read(ResultTables.SYNERGY, Synergy.class));
      var neurons = reads.submit(() -> t.read(ResultTables.NEURONS, NeuronRow.class,
          n -> widestFirstNetwork(n, Sweep.NONE)).stream().map(ReportJob::neuron).toList());
      var tickets = reads.submit(() -> t.read(ResultTables.TICKETS, TicketRow.class).stream()
          .map(ReportJob::ticket).toList());
      var algorithms = reads.submit(() -> t.read(ResultTables.ALGORITHMS, AlgorithmRow.class)
          .stream().map(ReportJob::algorithm).toList());
      var curves = reads.submit(() -> t.read(ResultTables.ALGORITHM_CURVES, CurvePoint.class));
      var pairs = reads.submit(() -> t.read(ResultTables.TICKET_PAIRS, TicketPair.class));
      var correlation = reads.submit(() -> t.read(ResultTables.TICKET_CORRELATION,
          TicketCorrelation.class));
      var distilled = reads.submit(() -> t.read(ResultTables.DISTILLED, Distilled.class));
      var ensembles = reads.submit(() -> t.read(ResultTables.ENSEMBLES, Ensemble.class));
      data = new ReportData(
          dir.name(),
          Concurrently.get(runs),
          Concurrently.get(summary),
          Concurrently.get(histogram),
          Concurrently.get(modes),
          Concurrently.get(fits).stream().filter(FitOfTrainLoss::isPower)
              .map(FitOfTrainLoss::power).toList(),
          Concurrently.get(fits).stream().filter(FitOfTrainLoss::isOffsetOverAllWidths)
              .map(FitOfTrainLoss::offsetLaw).toList(),
          Concurrently.get(synergy),
          Concurrently.get(neurons),
          Concurrently.get(tickets),
          ReportData.withCurves(Concurrently.get(algorithms), Concurrently.get(curves)),
          Concurrently.get(pairs),
          Concurrently.get(correlation),
          Concurrently.get(distilled),
          Concurrently.get(ensembles),
          t.unavailable());
    }
    if (data.runs().isEmpty() && t.exists(ResultTables.RUNS.name())) {
      throw new UserError(dir + " is not a results folder this version can read: "
          + data.whyMissing(ResultTables.RUNS.name()));
    }
    return data;
  }

  /**
   * The tables of a swept experiment's folder, each read once with its sweep columns and split per
   * setting in {@link SweptData#of}; scaling_fit's rows by their axis (the width law, or a fit along
   * a swept key).
   */
  public static SweptData readSwept(SparkSession spark, StorageFolder dir, Sweep sweep) {
    ResultsFolder.requireResultTables(dir);
    TableReader t = new TableReader(spark, dir);
    List<AtSetting<RunLosses>> runs = withSetting(t, ResultTables.RUNS, RunLosses.class, sweep);
    List<AtSetting<ScalingFit>> widthFits = new ArrayList<>();
    List<AtSetting<OffsetFit>> widthOffsetFits = new ArrayList<>();
    List<SweptData.AxisFit> axisFits = new ArrayList<>();
    for (FitAlong fit : t.read(ResultTables.SCALING_FIT, FitOfTrainLoss.class,
        TableReader.sweptColumns(ResultTables.SCALING_FIT, sweep), ReportJob::fitsOfTrainLoss,
        (record, row) -> new FitAlong(record, SweepColumns.settingOf(row, sweep),
            RowCodec.decode(row, FitAxis.class)))) {
      boolean alongWidth = FitAxis.WIDTH.equals(fit.axis().axis());
      if (fit.fit().isOffsetOverAllWidths()) {
        if (alongWidth) {
          widthOffsetFits.add(new AtSetting<>(fit.setting(), fit.fit().offsetLaw()));
        }
        continue;
      }
      if (!fit.fit().isPower()) {
        continue;
      }
      ScalingFit f = fit.fit().power();
      if (alongWidth) {
        widthFits.add(new AtSetting<>(fit.setting(), f));
      } else if (SettingKey.of(fit.axis().axis()) != null) {
        axisFits.add(new SweptData.AxisFit(f.target(), f.activation(), f.kind(), f.widthFrom(),
            SettingKey.of(fit.axis().axis()), fit.setting(), f.alpha(), f.alphaLow(),
            f.alphaHigh(), f.prefactor()));
      }
    }
    SweptData data = SweptData.of(dir.name(), sweep, runs,
        withSetting(t, ResultTables.LOSS_SUMMARY, LossSummary.class, sweep),
        withSetting(t, ResultTables.LOSS_HISTOGRAM, HistogramBin.class, sweep),
        withSetting(t, ResultTables.LOSS_MODES, LossModes.class, sweep),
        widthFits, widthOffsetFits, axisFits,
        withSetting(t, ResultTables.SYNERGY, Synergy.class, sweep), mechanisms(t, sweep),
        t.unavailable());
    if (runs.isEmpty() && t.exists(ResultTables.RUNS.name())) {
      throw new UserError(dir + " is not a results folder this version can read: "
          + data.all().whyMissing(ResultTables.RUNS.name()));
    }
    return data;
  }

  /** The mechanism tables of a swept experiment, each row with its setting. */
  private static SweptData.Mechanisms mechanisms(TableReader t, Sweep sweep) {
    return new SweptData.Mechanisms(
        converted(t.read(ResultTables.NEURONS, NeuronRow.class, sweep,
            n -> widestFirstNetwork(n, sweep)), ReportJob::neuron),
        converted(t.read(ResultTables.TICKETS, TicketRow.class, sweep, f -> f), ReportJob::ticket),
        converted(t.read(ResultTables.ALGORITHMS, AlgorithmRow.class, sweep, f -> f),
            ReportJob::algorithm),
        withSetting(t, ResultTables.ALGORITHM_CURVES, CurvePoint.class, sweep),
        withSetting(t, ResultTables.TICKET_PAIRS, TicketPair.class, sweep),
        withSetting(t, ResultTables.TICKET_CORRELATION, TicketCorrelation.class, sweep),
        withSetting(t, ResultTables.DISTILLED, Distilled.class, sweep),
        withSetting(t, ResultTables.ENSEMBLES, Ensemble.class, sweep));
  }

  private static <A, B> List<AtSetting<B>> converted(List<AtSetting<A>> rows,
      Function<A, B> convert) {
    return rows.stream().map(r -> new AtSetting<>(r.setting(), convert.apply(r.row()))).toList();
  }

  /**
   * A scaling_fit row of the train loss as the unswept report reads it: a power law (the claims'
   * and figures' fits) or an offset law (drawn in figure 1c where the law selection chose it). A
   * folder aggregated before scaling_fit had forms and losses reads "" for them: power, train.
   */
  public record FitOfTrainLoss(String target, String activation, @NullWhenAbsent String form,
      String kind, @ColumnName("width_min") int widthFrom, @ColumnName("width_max") int widthTo,
      double alpha, double alphaLow, double alphaHigh, double prefactor,
      @NullWhenAbsent double offset, @NullWhenAbsent double offsetLow,
      @NullWhenAbsent double offsetHigh, @NullWhenAbsent boolean chosen) {

    boolean isPower() {
      return form.isEmpty() || form.equals(ScalingFitRow.POWER);
    }

    /** The offset law over every width (kind all): the one figure 1c draws where it was chosen. */
    boolean isOffsetOverAllWidths() {
      return form.equals(ScalingFitRow.OFFSET) && kind.equals(PowerLawFit.Kind.ALL.id());
    }

    ScalingFit power() {
      return new ScalingFit(target, activation, kind, widthFrom, widthTo, alpha, alphaLow,
          alphaHigh, prefactor);
    }

    OffsetFit offsetLaw() {
      return new OffsetFit(target, activation, widthFrom, widthTo, alpha, alphaLow, alphaHigh,
          prefactor, offset, offsetLow, offsetHigh, chosen);
    }
  }

  /** scaling_fit's rows of the train loss (every row of a folder whose rows have no loss column). */
  static Dataset<Row> fitsOfTrainLoss(Dataset<Row> fits) {
    if (!List.of(fits.columns()).contains(ScalingFitRow.LOSS_COLUMN)) {
      return fits;
    }
    return fits.filter(functions.col(ScalingFitRow.LOSS_COLUMN).equalTo(ScalingFitRow.TRAIN));
  }

  /**
   * The rows of scaling_fit the report draws and states its claims from: power laws of the train
   * loss. A folder aggregated before scaling_fit had forms and losses holds only those.
   */
  static Dataset<Row> powerFitsOfTrainLoss(Dataset<Row> fits) {
    List<String> columns = List.of(fits.columns());
    if (!columns.contains(ScalingFitRow.FORM_COLUMN) || !columns.contains(ScalingFitRow.LOSS_COLUMN)) {
      return fits;
    }
    return fits.filter(functions.col(ScalingFitRow.FORM_COLUMN).equalTo(ScalingFitRow.POWER)
        .and(functions.col(ScalingFitRow.LOSS_COLUMN).equalTo(ScalingFitRow.TRAIN)));
  }

  /** A scaling_fit row of a swept experiment: the fit, its sweep columns, its axis. */
  private record FitAlong(FitOfTrainLoss fit, Setting setting, FitAxis axis) {}

  private static <T extends Record> List<AtSetting<T>> withSetting(TableReader t, Table<?> table,
      Class<T> type, Sweep sweep) {
    return t.read(table, type, sweep, frame -> frame);
  }

  /**
   * The neurons of one network per (target, activation) and setting of the sweep: the widest, its
   * lowest seed. That is all figure 2a and its claim use, and it keeps a 1000-seed run's neurons
   * off the driver.
   */
  private static Dataset<Row> widestFirstNetwork(Dataset<Row> neurons, Sweep sweep) {
    List<String> group = new ArrayList<>(List.of("target", "activation"));
    group.addAll(List.of(SweepColumns.names(sweep)));
    Dataset<Row> widest = neurons.groupBy(columns(group))
        .agg(functions.max("width").as("width"));
    group.add("width");
    Dataset<Row> atWidest = neurons.join(widest, group.toArray(String[]::new));
    Dataset<Row> first = atWidest.groupBy(columns(group))
        .agg(functions.min("seed").as("seed"));
    group.add("seed");
    return atWidest.join(first, group.toArray(String[]::new));
  }

  private static Column[] columns(List<String> names) {
    return names.stream().map(functions::col).toArray(Column[]::new);
  }

  /** A neuron as figure 2a draws it: the first input coordinate of its w. */
  private static Neuron neuron(NeuronRow r) {
    return new Neuron(r.target(), r.activation(), r.width(), r.seed(),
        r.w().length == 0 ? Double.NaN : r.w()[0], r.b(), r.v(), r.mirrorDistance(), r.share(),
        r.controlShare(), r.symmetryScore());
  }

  /** A width-2 network with its algorithm -1 and principal components NaN above the loss cut. */
  private static Ticket ticket(TicketRow r) {
    return new Ticket(r.target(), r.activation(), r.seed(), r.trainLoss(), r.peak(),
        r.algorithm() == null ? -1 : r.algorithm(), r.pc1() == null ? Double.NaN : r.pc1(),
        r.pc2() == null ? Double.NaN : r.pc2(), canonicalParameters(r), r.wResidual(),
        r.bResidual(), r.vResidual());
  }

  /**
   * A width-2 network's (w1, w2, b1, b2, v1, v2, c) from the tickets columns w (2 x d,
   * neuron-major: first input coordinate of each neuron), b, v and c; empty when any is missing.
   */
  private static double[] canonicalParameters(TicketRow r) {
    double[] w = r.w();
    double[] b = r.b();
    double[] v = r.v();
    if (w.length < 2 || w.length % 2 != 0 || b.length != 2 || v.length != 2) {
      return new double[0];
    }
    int d = w.length / 2;
    return new double[] {w[0], w[d], b[0], b[1], v[0], v[1], r.c()};
  }

  /** An algorithm without its curves (ReportData.withCurves adds them). */
  private static Algorithm algorithm(AlgorithmRow r) {
    return new Algorithm(r.target(), r.activation(), r.algorithm(), r.networks(), r.meanLoss(),
        r.symmetric(), new double[0], new double[0], new double[0], new double[0], new double[0]);
  }
}
