package org.lotteryscaling.jobs;

import static org.apache.spark.sql.functions.col;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.lotteryscaling.UserError;
import org.lotteryscaling.mechanism.ActivationCurves;
import org.lotteryscaling.mechanism.AnalyzeSettings;
import org.lotteryscaling.mechanism.CanonicalPair;
import org.lotteryscaling.mechanism.Distillation;
import org.lotteryscaling.mechanism.Ensemble;
import org.lotteryscaling.mechanism.NeuronSymmetry;
import org.lotteryscaling.mechanism.TicketDecomposition;
import org.lotteryscaling.mechanism.WidthTwoPopulation;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.nn.Nonlinearity;
import org.lotteryscaling.results.DeltaTables;
import org.lotteryscaling.results.ExperimentFolder;
import org.lotteryscaling.results.OkNetworks;
import org.lotteryscaling.results.ResultsFolder;
import org.lotteryscaling.results.RowCodec;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.results.SparkErrors;
import org.lotteryscaling.results.StepTimes;
import org.lotteryscaling.results.StorageFolder;
import org.lotteryscaling.results.SweepColumns;
import org.lotteryscaling.results.Tables;
import org.lotteryscaling.tables.AlgorithmCurveRow;
import org.lotteryscaling.tables.AlgorithmRow;
import org.lotteryscaling.tables.DistilledRow;
import org.lotteryscaling.tables.EnsembleRow;
import org.lotteryscaling.tables.NeuronRow;
import org.lotteryscaling.tables.ResultTables;
import org.lotteryscaling.tables.Table;
import org.lotteryscaling.tables.TicketCorrelationRow;
import org.lotteryscaling.tables.TicketPairRow;
import org.lotteryscaling.tables.TicketRow;
import org.lotteryscaling.task.DataSampler;
import org.lotteryscaling.task.DataSettings;
import org.lotteryscaling.task.InputDistribution;
import org.lotteryscaling.task.Setting;
import org.lotteryscaling.task.Sweep;
import org.lotteryscaling.task.TaskSettings;
import org.lotteryscaling.task.Target;
import scala.Tuple2;

/**
 * `lottery analyze`: runs -> the mechanism tables of section 3 and appendices B-D (defined in
 * {@link ResultTables}). Per-network analyses (neurons, ticket pairs, distillation, ensembles) run on the
 * executors; the width-2 population of each (target, activation) (tickets, algorithms) on the driver,
 * where it is a few thousand rows of seven numbers. Each run's training points are regenerated from
 * the experiment's data settings; an analysis without its inputs is skipped with the reason printed,
 * and its table written empty, so no stale table outlives a rerun. A swept experiment is analysed
 * per setting, on that setting's data, and every table carries the sweep's columns.
 */
public final class AnalyzeJob {
  private AnalyzeJob() {}

  /** A table to write: its rows, or why it was skipped. */
  private record Output(Table<?> table, JavaRDD<? extends Record> rdd, List<? extends Record> rows,
      String skipped) {}

  public static void run(SparkSession spark, String uri, AnalyzeSettings settings, PrintWriter out) {
    ResultsFolder folder = ResultsFolder.open(spark, uri).requireWritable();
    StorageFolder dir = folder.dir();
    Dataset<Row> runs = okRuns(folder);
    Sweep sweep = ExperimentFolder.sweep(dir);
    Map<Table<?>, List<OutputAtSetting>> tables = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    for (Setting setting : sweep.isEmpty() ? List.of(Setting.NONE) : sweep.settings()) {
      AnalyzeSettings at = atSetting(dir, settings, setting);
      Dataset<Row> mine = runs.filter(SweepColumns.matches(setting));
      checkDataReproducesLosses(mine, at);
      for (Output t : analyses(mine, at, notes, prefix(setting))) {
        tables.computeIfAbsent(t.table(), k -> new ArrayList<>()).add(new OutputAtSetting(setting, t));
      }
    }
    // Two tables at a time: each is its own Spark jobs and commit, and the driver's share of one
    // (planning, Delta's log, a cold JVM's compiling) overlaps the other's jobs.
    List<Callable<String>> writes = new ArrayList<>();
    tables.forEach((table, parts) -> writes.add(() -> write(spark, dir, sweep, table, parts)));
    for (String report : Concurrently.run(2, writes)) {
      out.print(report);
    }
    for (String note : notes) {
      out.println("algorithms: skipped " + note);
    }
    out.flush();
    try (StepTimes.Step step = StepTimes.start(spark.sparkContext(), "analyze: summary")) {
      AnalyzeSummary.print(spark, dir, sweep, out);
    }
  }

  /** Every analysis of one setting's networks, in the order the tables are written. */
  private static List<Output> analyses(Dataset<Row> runs, AnalyzeSettings settings,
      List<String> notes, String prefix) {
    WidthTwo widthTwo = widthTwo(runs, settings);
    widthTwo.notes().forEach(note -> notes.add(prefix + note));
    return List.of(
        neurons(runs, settings),
        widthTwo.tickets(), widthTwo.algorithms(), widthTwo.curves(),
        ticketPairs(runs, settings), ticketCorrelation(runs, settings),
        distilled(runs, settings),
        ensembles(runs, settings));
  }

  /** A table's output at one setting of the sweep (NONE without a sweep). */
  private record OutputAtSetting(Setting setting, Output output) {}

  /**
   * The analysis settings at one setting of a swept experiment: the data and leaky slope its
   * networks trained with, the swept keys' values applied over the given data settings (the
   * experiment's unless overridden), so each setting's training points are regenerated exactly
   * and each network is evaluated as it trained.
   */
  private static AnalyzeSettings atSetting(StorageFolder dir, AnalyzeSettings settings,
      Setting setting) {
    if (setting.isEmpty()) {
      return settings;
    }
    TaskSettings experiment = ExperimentFolder.read(dir).settings();
    TaskSettings base = new TaskSettings(experiment.experimentSeed(), settings.data(),
        experiment.model(), experiment.training());
    TaskSettings at = setting.applyTo(base);
    return settings.at(at.data(), at.model().leakySlope());
  }

  /** How a message names a setting: "[data.high=1 data.low=-1] ", or nothing without a sweep. */
  private static String prefix(Setting setting) {
    return setting.isEmpty() ? "" : "[" + setting + "] ";
  }

  // ---- reading

  /** The ok rows of DIR/runs ({@link OkNetworks}); a folder without a readable runs table is refused in one line. */
  static Dataset<Row> okRuns(ResultsFolder folder) {
    Dataset<Row> runs = folder.runs();
    try {
      runs.limit(1).count(); // surface a corrupt table here, as one line
      return OkNetworks.of(runs);
    } catch (Exception e) { // Spark's own exceptions are checked (SparkException) or not
      throw SparkErrors.unreadable("cannot read " + folder.dir().resolve(Tables.RUNS), e);
    }
  }

  /**
   * The analyses regenerate each run's training points; if the data settings are not the
   * experiment's, every number would be silently wrong, so a few runs' stored losses are checked.
   */
  private static void checkDataReproducesLosses(Dataset<Row> runs, AnalyzeSettings s) {
    for (Row row : runs.limit(3).collectAsList()) {
      double stored = row.<Double>getAs("train_loss");
      double again = network(row).meanSquaredError(s.nonlinearity(activation(row)),
          DataSampler.train(target(row), s.data()));
      if (Math.abs(again - stored) > 1e-6 * Math.abs(stored) + 1e-300) {
        throw new UserError(String.format(Locale.ROOT,
            "the training data regenerated from the data settings (%s) with leaky slope %s"
                + " does not reproduce the stored train_loss of %s/%s/N=%d/seed=%d (%.6e vs %.6e):"
                + " pass the experiment's data settings",
            describe(s.data()), s.leakySlope(), target(row), activation(row),
            row.<Integer>getAs("width"), row.<Long>getAs("seed"), again, stored));
      }
    }
  }

  /** "1000 points uniform on [-2.0, 2.0], noise 0.0, data seed 0" for the check's message. */
  private static String describe(DataSettings d) {
    String inputs = d.distribution() == InputDistribution.NORMAL
        ? "normal (mean " + d.mean() + ", std " + d.std() + ")"
        : "uniform on [" + d.low() + ", " + d.high() + "]";
    return d.trainPoints() + " points " + inputs + ", noise " + d.noise() + ", data seed "
        + d.dataSeed();
  }

  // ---- neurons (figure 2a)

  private static Output neurons(Dataset<Row> runs, AnalyzeSettings s) {
    JavaRDD<Row> wide = runs.filter(col("width").geq(s.neuronMinWidth())).javaRDD();
    if (wide.isEmpty()) {
      return skipped(ResultTables.NEURONS, "no network of width >= " + s.neuronMinWidth());
    }
    return table(ResultTables.NEURONS, wide.flatMap(row -> neuronRows(row).iterator()));
  }

  private static List<NeuronRow> neuronRows(Row row) {
    Network n = network(row);
    NeuronSymmetry sym = NeuronSymmetry.of(n, NeuronSymmetry.DEFAULT_RATIO,
        NeuronSymmetry.DEFAULT_CONTROL_DRAWS, row.<Long>getAs("seed"));
    double[][] w = n.wMatrix();
    List<NeuronRow> out = new ArrayList<>(n.width());
    for (int i = 0; i < n.width(); i++) {
      out.add(new NeuronRow(target(row).id(), activation(row).id(), n.width(),
          row.<Long>getAs("seed"), i, w[i], n.b(i), n.v(i),
          sym.mirrorDistance()[i], sym.mirrorPartner()[i], sym.close(i), sym.threshold(),
          sym.share(), sym.controlShare(), sym.score(), sym.symmetric()));
    }
    return out;
  }

  // ---- tickets, algorithms, algorithm_curves (section 3, appendix B)

  private record WidthTwo(Output tickets, Output algorithms, Output curves, List<String> notes) {}

  private static WidthTwo widthTwo(Dataset<Row> runs, AnalyzeSettings s) {
    List<Row> rows = runs.filter(col("width").equalTo(2).and(col("train_loss").gt(0)))
        .drop("curve_step", "curve_loss").collectAsList();
    if (rows.isEmpty()) {
      String why = "no width-2 runs";
      return new WidthTwo(skipped(ResultTables.TICKETS, why),
          skipped(ResultTables.ALGORITHMS, why),
          skipped(ResultTables.ALGORITHM_CURVES, why), List.of());
    }
    Map<String, List<Row>> groups = new TreeMap<>();
    for (Row r : rows) {
      groups.computeIfAbsent(target(r).id() + "/" + activation(r).id(), k -> new ArrayList<>()).add(r);
    }
    List<TicketRow> tickets = new ArrayList<>();
    List<AlgorithmRow> algorithms = new ArrayList<>();
    List<AlgorithmCurveRow> curves = new ArrayList<>();
    List<String> skips = new ArrayList<>();
    for (List<Row> group : groups.values()) {
      group.sort(Comparator.comparingLong(r -> r.<Long>getAs("seed")));
      String why = widthTwoGroup(group, s, tickets, algorithms, curves);
      if (why != null) {
        skips.add(why);
      }
    }
    String algorithmsSkipped = algorithms.isEmpty() ? String.join("; ", skips) : null;
    String curvesSkipped = curves.isEmpty()
        ? (algorithmsSkipped != null ? algorithmsSkipped : "no one-input target among the algorithms")
        : null;
    return new WidthTwo(table(ResultTables.TICKETS, tickets),
        algorithmsSkipped != null ? skipped(ResultTables.ALGORITHMS, algorithmsSkipped)
            : table(ResultTables.ALGORITHMS, algorithms),
        curvesSkipped != null ? skipped(ResultTables.ALGORITHM_CURVES, curvesSkipped)
            : table(ResultTables.ALGORITHM_CURVES, curves),
        algorithmsSkipped == null ? skips : List.of());
  }

  /**
   * One (target, activation) group of width-2 runs as rows of tickets, algorithms and
   * algorithm_curves ({@link WidthTwoPopulation}); returns why its algorithms were skipped, or null.
   */
  private static String widthTwoGroup(List<Row> group, AnalyzeSettings s,
      List<TicketRow> tickets, List<AlgorithmRow> algorithms, List<AlgorithmCurveRow> curves) {
    Row first = group.get(0);
    Target target = target(first);
    Activation act = activation(first);
    int n = group.size();
    Network[] networks = new Network[n];
    double[] losses = new double[n];
    for (int i = 0; i < n; i++) {
      networks[i] = network(group.get(i));
      losses[i] = group.get(i).<Double>getAs("train_loss");
    }
    WidthTwoPopulation p = WidthTwoPopulation.of(networks, losses,
        first.<Integer>getAs("input_dim"), s.nonlinearity(act), s);
    for (WidthTwoPopulation.Algorithm a : p.algorithms()) {
      algorithms.add(new AlgorithmRow(target.id(), act.id(), a.id(), a.networks(),
          a.share(), a.centre(), a.centrePcs()[0], a.centrePcs()[1], a.meanLoss(),
          a.medianLoss(), a.centrePair().symmetric(), a.centrePair().relativeResidual(),
          group.get(a.medoid()).<Long>getAs("seed"), a.clusters(), a.silhouette(),
          a.explainedRatio(), s.algorithmLossCut()));
      ActivationCurves ac = a.curves();
      for (int neuron = 0; ac != null && neuron < 2; neuron++) {
        for (int g = 0; g < ac.x().length; g++) {
          curves.add(new AlgorithmCurveRow(target.id(), act.id(), a.id(), neuron,
              ac.x()[g], ac.pre()[neuron][g], ac.post()[neuron][g]));
        }
      }
    }
    for (int i = 0; i < n; i++) {
      Row r = group.get(i);
      CanonicalPair pair = p.pairs()[i];
      Network net = pair.network();
      int peak = p.peaks().peakOf()[i];
      double[] pcs = p.pcs()[i];
      int algorithm = p.algorithmOf()[i];
      tickets.add(new TicketRow(target.id(), act.id(),
          r.<Long>getAs("seed"), losses[i], r.<Double>getAs("test_loss"), peak,
          p.peaks().modeLog10()[peak], flatten(net.wMatrix()), net.bVector(), net.vVector(),
          net.c(), pair.wResidual(), pair.bResidual(), pair.vResidual(),
          pair.relativeResidual(), pair.symmetric(), algorithm < 0 ? null : algorithm,
          pcs == null ? null : pcs[0], pcs == null ? null : pcs[1]));
    }
    return p.skipped() == null ? null : target + "/" + act + ": " + p.skipped();
  }

  // ---- ticket_pairs, ticket_correlation (appendix C)

  private static JavaRDD<Row> ofWidths(Dataset<Row> runs, List<Integer> widths) {
    return runs.filter(col("width").isin(widths.toArray())).javaRDD();
  }

  private static Output ticketPairs(Dataset<Row> runs, AnalyzeSettings s) {
    return ofTicketWidths(runs, s, ResultTables.TICKET_PAIRS,
        rows -> rows.flatMap(row -> ticketPairRows(row, s).iterator()));
  }

  private static Output ticketCorrelation(Dataset<Row> runs, AnalyzeSettings s) {
    return ofTicketWidths(runs, s, ResultTables.TICKET_CORRELATION,
        rows -> rows.map(row -> {
          TicketDecomposition t = decompose(row, s, false);
          return new TicketCorrelationRow(target(row).id(), activation(row).id(),
              row.<Integer>getAs("width"), row.<Long>getAs("seed"),
              t.tickets().size(), t.pairing().exact(), flatten(t.correlation()),
              t.eigenvalues(), t.effectiveTickets());
        }));
  }

  /** A table computed from the networks of the ticket widths, or skipped when there are none. */
  private static Output ofTicketWidths(Dataset<Row> runs, AnalyzeSettings s, Table<?> table,
      java.util.function.Function<JavaRDD<Row>, JavaRDD<? extends Record>> analysis) {
    JavaRDD<Row> rows = ofWidths(runs, s.ticketWidths());
    if (rows.isEmpty()) {
      return skipped(table, "no network of the ticket widths " + s.ticketWidths());
    }
    return table(table, analysis.apply(rows));
  }

  private static TicketDecomposition decompose(Row row, AnalyzeSettings s, boolean withCurves) {
    Target target = target(row);
    org.lotteryscaling.nn.Dataset grid = null;
    if (withCurves && target.dimension() == 1) {
      double[] x = ActivationCurves.grid(s.gridLow(), s.gridHigh(), s.gridPoints());
      double[] y = new double[x.length];
      for (int g = 0; g < x.length; g++) {
        y[g] = target.apply(x, g);
      }
      grid = new org.lotteryscaling.nn.Dataset(1, x, y);
    }
    return TicketDecomposition.of(network(row), s.nonlinearity(activation(row)),
        DataSampler.train(target, s.data()),
        grid);
  }

  private static List<TicketPairRow> ticketPairRows(Row row, AnalyzeSettings s) {
    TicketDecomposition t = decompose(row, s, true);
    Network n = network(row);
    double[] errorX = target(row).dimension() == 1
        ? ActivationCurves.grid(s.gridLow(), s.gridHigh(), s.gridPoints()) : new double[0];
    double[][] w = n.wMatrix();
    List<TicketPairRow> out = new ArrayList<>();
    for (int k = 0; k < t.tickets().size(); k++) {
      TicketDecomposition.Ticket p = t.tickets().get(k);
      int a = p.neuronA();
      int b = p.neuronB();
      out.add(new TicketPairRow(target(row).id(), activation(row).id(), n.width(),
          row.<Long>getAs("seed"), k, a, b, p.mirrorDistance(),
          w[a], n.b(a), n.v(a), w[b], n.b(b), n.v(b), p.r2(),
          p.scale(), p.offset(), p.errorRms(), errorX, p.errorCurve()));
    }
    return out;
  }

  // ---- distilled (appendix D)

  private static Output distilled(Dataset<Row> runs, AnalyzeSettings s) {
    JavaRDD<Row> rows = ofWidths(runs, List.of(s.distillWidth()));
    if (rows.isEmpty()) {
      return skipped(ResultTables.DISTILLED, "no network of width " + s.distillWidth());
    }
    return table(ResultTables.DISTILLED, rows.map(row -> {
      Target target = target(row);
      Activation act = activation(row);
      org.lotteryscaling.nn.Dataset train = DataSampler.train(target, s.data());
      Network wide = network(row);
      Nonlinearity sigma = s.nonlinearity(act);
      Distillation d = Distillation.of(wide,
          TicketDecomposition.of(wide, sigma, train, null), sigma, train);
      Network n = d.network();
      return new DistilledRow(target.id(), act.id(), wide.width(),
          row.<Long>getAs("seed"), row.<Double>getAs("train_loss"),
          d.ticket().neuronA(), d.ticket().neuronB(), d.ticket().r2(), flatten(n.wMatrix()),
          n.bVector(), n.vVector(), n.c(), n.meanSquaredError(sigma, train),
          n.meanSquaredError(sigma, DataSampler.test(target, s.data())));
    }));
  }

  // ---- ensembles (beyond the paper)

  private static Output ensembles(Dataset<Row> runs, AnalyzeSettings s) {
    Dataset<Row> members = s.ensembleHalfWidths().isEmpty() ? runs
        : runs.filter(col("width").isin(s.ensembleHalfWidths().toArray()));
    JavaRDD<Row> rows = members.drop("curve_step", "curve_loss").javaRDD();
    if (rows.isEmpty()) {
      return skipped(ResultTables.ENSEMBLES,
          "no networks of the ensemble half widths " + s.ensembleHalfWidths());
    }
    // Seeds 2k and 2k + 1 of the same (target, activation, width) make one ensemble.
    JavaRDD<EnsembleRow> out = rows
        .keyBy(r -> target(r).id() + "/" + activation(r).id() + "/" + r.<Integer>getAs("width")
            + "/" + r.<Long>getAs("seed") / 2)
        .groupByKey()
        .flatMap((Tuple2<String, Iterable<Row>> pair) -> {
          List<Row> two = new ArrayList<>();
          pair._2().forEach(two::add);
          if (two.size() != 2) {
            return Collections.<EnsembleRow>emptyIterator();
          }
          two.sort(Comparator.comparingLong(r -> r.<Long>getAs("seed")));
          return List.of(ensembleRow(two.get(0), two.get(1), s)).iterator();
        });
    return table(ResultTables.ENSEMBLES, out);
  }

  private static EnsembleRow ensembleRow(Row a, Row b, AnalyzeSettings s) {
    Target target = target(a);
    Activation act = activation(a);
    org.lotteryscaling.nn.Dataset train = DataSampler.train(target, s.data());
    org.lotteryscaling.nn.Dataset test = DataSampler.test(target, s.data());
    Network na = network(a);
    Network nb = network(b);
    Nonlinearity sigma = s.nonlinearity(act);
    Ensemble e = Ensemble.fit(Ensemble.predictions(na, sigma, train),
        Ensemble.predictions(nb, sigma, train), train.yCopy());
    double testLoss = Ensemble.meanSquaredError(
        e.combine(Ensemble.predictions(na, sigma, test), Ensemble.predictions(nb, sigma, test)),
        test.yCopy());
    int half = na.width();
    return new EnsembleRow(target.id(), act.id(), half, 2 * half,
        a.<Long>getAs("seed"), b.<Long>getAs("seed"), e.lossA(), e.lossB(),
        e.harmonicLoss(), e.loss(), e.loss() / e.harmonicLoss(), e.weightA(), e.weightB(),
        e.offset(), testLoss);
  }

  // ---- writing

  private static Output table(Table<?> table, JavaRDD<? extends Record> rdd) {
    return new Output(table, rdd, null, null);
  }

  private static Output table(Table<?> table, List<? extends Record> rows) {
    return new Output(table, null, rows, null);
  }

  private static Output skipped(Table<?> table, String why) {
    return new Output(table, null, List.of(), why);
  }

  /**
   * Writes one table in one commit: its rows at every setting, each with the sweep's columns
   * ({@link SweepColumns}); a setting where the analysis was skipped adds no rows and says why,
   * and a table skipped at every setting is written empty. Returns what to print about it, so
   * that tables written side by side print in order.
   */
  private static String write(SparkSession spark, StorageFolder dir, Sweep sweep, Table<?> table,
      List<OutputAtSetting> parts) {
    String name = table.name();
    try (StepTimes.Step step = StepTimes.start(spark.sparkContext(), "analyze: " + name)) {
      long start = System.nanoTime();
      StructType schema = RowCodec.schema(table, sweep);
      Dataset<Row> df = null;
      List<String> skipped = new ArrayList<>();
      for (OutputAtSetting part : parts) {
        Output t = part.output();
        Setting setting = part.setting();
        if (t.skipped() != null) {
          skipped.add(prefix(setting) + t.skipped());
          continue;
        }
        Dataset<Row> rows = t.rdd() != null
            ? spark.createDataFrame(t.rdd().map(r -> RowCodec.encode(table, sweep, setting, r)), schema)
            : spark.createDataFrame(
                t.rows().stream().map(r -> RowCodec.encode(table, sweep, setting, r)).toList(), schema);
        df = df == null ? rows : df.union(rows);
      }
      StorageFolder path = dir.resolve(name);
      DeltaTables.overwrite(df != null ? df : spark.createDataFrame(List.of(), schema), path);
      StringBuilder report = new StringBuilder();
      if (df == null) {
        report.append(name).append(": skipped, ").append(String.join("; ", skipped))
            .append(" (written empty)\n");
      } else {
        report.append(String.format(Locale.ROOT, "%s: %d rows -> %s (%.1f s)%n", name,
            Tables.read(spark, dir, name).count(), path, (System.nanoTime() - start) / 1e9));
        for (String why : skipped) {
          report.append(name).append(": skipped ").append(why).append('\n');
        }
      }
      return report.toString();
    }
  }

  // ---- row helpers

  static Network network(Row row) {
    return Tables.network(row);
  }

  static Target target(Row row) {
    return Target.parse(row.<String>getAs("target"));
  }

  static Activation activation(Row row) {
    return Activation.parse(row.<String>getAs("activation"));
  }

  private static double[] flatten(double[][] m) {
    return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
  }
}
