package org.lotteryscaling.jobs;

import static org.apache.spark.sql.functions.col;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.lotteryscaling.UserError;
import org.lotteryscaling.mechanism.ActivationCurves;
import org.lotteryscaling.mechanism.CanonicalPair;
import org.lotteryscaling.mechanism.Distillation;
import org.lotteryscaling.mechanism.Ensemble;
import org.lotteryscaling.mechanism.LossPeaks;
import org.lotteryscaling.mechanism.NeuronSymmetry;
import org.lotteryscaling.mechanism.Pca;
import org.lotteryscaling.mechanism.SwapClusters;
import org.lotteryscaling.mechanism.TicketDecomposition;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.stats.Quantiles;
import org.lotteryscaling.task.DataSampler;
import org.lotteryscaling.task.Target;
import scala.Tuple2;

/**
 * `lottery analyze`: runs -> the mechanism tables of section 3 and appendices B-D (schemas in
 * {@link Tables}). Per-network analyses (neurons, ticket pairs, distillation, ensembles) run on the
 * executors; the width-2 population of each (target, activation) (tickets, algorithms) on the driver,
 * where it is a few thousand rows of seven numbers. Each run's training points are regenerated from
 * the experiment's data settings; an analysis without its inputs is skipped with the reason printed,
 * and its table written empty, so no stale table outlives a rerun.
 */
public final class AnalyzeJob {
  private AnalyzeJob() {}

  /** A table to write: its rows, or why it was skipped. */
  private record Table(String name, StructType schema, JavaRDD<Row> rdd, List<Row> rows,
      String skipped) {}

  public static void run(SparkSession spark, String uri, AnalyzeSettings settings, PrintWriter out) {
    ResultsFolder folder = ResultsFolder.open(spark, uri).requireWritable();
    StorageFolder dir = folder.dir();
    Dataset<Row> runs = okRuns(folder);
    checkDataReproducesLosses(runs, settings);
    WidthTwo widthTwo = widthTwo(runs, settings);
    List<Table> tables = List.of(
        neurons(runs, settings),
        widthTwo.tickets(), widthTwo.algorithms(), widthTwo.curves(),
        ticketPairs(runs, settings), ticketCorrelation(runs, settings),
        distilled(runs, settings),
        ensembles(runs, settings));
    for (Table t : tables) {
      write(spark, dir, t, out);
    }
    for (String note : widthTwo.notes()) {
      out.println("algorithms: skipped " + note);
    }
    AnalyzeSummary.print(spark, dir, out);
  }

  // ---- reading

  /** The ok rows of DIR/runs ({@link OkNetworks}); a folder without a readable runs table is refused in one line. */
  static Dataset<Row> okRuns(ResultsFolder folder) {
    Dataset<Row> runs = folder.runs();
    try {
      runs.limit(1).count(); // surface a corrupt table here, as one line
      return OkNetworks.of(runs);
    } catch (Exception e) { // Spark's own exceptions are checked (SparkException) or not
      throw ResultsFolder.unreadable("cannot read " + folder.dir().resolve(Tables.RUNS), e);
    }
  }

  /**
   * The analyses regenerate each run's training points; if the data settings are not the
   * experiment's, every number would be silently wrong, so a few runs' stored losses are checked.
   */
  private static void checkDataReproducesLosses(Dataset<Row> runs, AnalyzeSettings s) {
    for (Row row : runs.limit(3).collectAsList()) {
      double stored = row.getDouble(row.fieldIndex("train_loss"));
      double again = network(row).meanSquaredError(activation(row),
          DataSampler.train(target(row), s.data()));
      if (Math.abs(again - stored) > 1e-6 * Math.abs(stored) + 1e-300) {
        throw new UserError(String.format(Locale.ROOT,
            "the training data regenerated from the data settings (%d points on [%s, %s], data seed %d)"
                + " does not reproduce the stored train_loss of %s/%s/N=%d/seed=%d (%.6e vs %.6e):"
                + " pass the experiment's data settings",
            s.trainPoints(), s.low(), s.high(), s.dataSeed(), target(row), activation(row),
            row.getInt(row.fieldIndex("width")), row.getLong(row.fieldIndex("seed")), again, stored));
      }
    }
  }

  // ---- neurons (figure 2a)

  private static Table neurons(Dataset<Row> runs, AnalyzeSettings s) {
    JavaRDD<Row> wide = runs.filter(col("width").geq(s.neuronMinWidth())).javaRDD();
    if (wide.isEmpty()) {
      return skipped(Tables.NEURONS, Tables.NEURONS_SCHEMA,
          "no network of width >= " + s.neuronMinWidth());
    }
    return table(Tables.NEURONS, Tables.NEURONS_SCHEMA, wide.flatMap(row -> neuronRows(row).iterator()));
  }

  private static List<Row> neuronRows(Row row) {
    Network n = network(row);
    NeuronSymmetry sym = NeuronSymmetry.of(n, NeuronSymmetry.DEFAULT_RATIO,
        NeuronSymmetry.DEFAULT_CONTROL_DRAWS, row.getLong(row.fieldIndex("seed")));
    double[][] w = n.wMatrix();
    List<Row> out = new ArrayList<>(n.width());
    for (int i = 0; i < n.width(); i++) {
      out.add(RowFactory.create(target(row).id(), activation(row).id(), n.width(),
          row.getLong(row.fieldIndex("seed")), i, list(w[i]), n.b(i), n.v(i),
          sym.mirrorDistance()[i], sym.mirrorPartner()[i], sym.close(i), sym.threshold(),
          sym.share(), sym.controlShare(), sym.score(), sym.symmetric()));
    }
    return out;
  }

  // ---- tickets, algorithms, algorithm_curves (section 3, appendix B)

  private record WidthTwo(Table tickets, Table algorithms, Table curves, List<String> notes) {}

  private static WidthTwo widthTwo(Dataset<Row> runs, AnalyzeSettings s) {
    List<Row> rows = runs.filter(col("width").equalTo(2).and(col("train_loss").gt(0)))
        .drop("curve_step", "curve_loss").collectAsList();
    if (rows.isEmpty()) {
      String why = "no width-2 runs";
      return new WidthTwo(skipped(Tables.TICKETS, Tables.TICKETS_SCHEMA, why),
          skipped(Tables.ALGORITHMS, Tables.ALGORITHMS_SCHEMA, why),
          skipped(Tables.ALGORITHM_CURVES, Tables.ALGORITHM_CURVES_SCHEMA, why), List.of());
    }
    Map<String, List<Row>> groups = new TreeMap<>();
    for (Row r : rows) {
      groups.computeIfAbsent(target(r).id() + "/" + activation(r).id(), k -> new ArrayList<>()).add(r);
    }
    List<Row> tickets = new ArrayList<>();
    List<Row> algorithms = new ArrayList<>();
    List<Row> curves = new ArrayList<>();
    List<String> skips = new ArrayList<>();
    for (List<Row> group : groups.values()) {
      group.sort(Comparator.comparingLong(r -> r.getLong(r.fieldIndex("seed"))));
      String why = widthTwoGroup(group, s, tickets, algorithms, curves);
      if (why != null) {
        skips.add(why);
      }
    }
    String algorithmsSkipped = algorithms.isEmpty() ? String.join("; ", skips) : null;
    String curvesSkipped = curves.isEmpty()
        ? (algorithmsSkipped != null ? algorithmsSkipped : "no one-input target among the algorithms")
        : null;
    return new WidthTwo(table(Tables.TICKETS, Tables.TICKETS_SCHEMA, tickets),
        algorithmsSkipped != null ? skipped(Tables.ALGORITHMS, Tables.ALGORITHMS_SCHEMA, algorithmsSkipped)
            : table(Tables.ALGORITHMS, Tables.ALGORITHMS_SCHEMA, algorithms),
        curvesSkipped != null ? skipped(Tables.ALGORITHM_CURVES, Tables.ALGORITHM_CURVES_SCHEMA, curvesSkipped)
            : table(Tables.ALGORITHM_CURVES, Tables.ALGORITHM_CURVES_SCHEMA, curves),
        algorithmsSkipped == null ? skips : List.of());
  }

  /** One (target, activation) group of width-2 runs; returns why its algorithms were skipped, or null. */
  private static String widthTwoGroup(List<Row> group, AnalyzeSettings s, List<Row> tickets,
      List<Row> algorithms, List<Row> curves) {
    Row first = group.get(0);
    Target target = target(first);
    Activation act = activation(first);
    int d = first.getInt(first.fieldIndex("input_dim"));
    int n = group.size();
    double[] losses = new double[n];
    CanonicalPair[] pairs = new CanonicalPair[n];
    for (int i = 0; i < n; i++) {
      losses[i] = group.get(i).getDouble(group.get(i).fieldIndex("train_loss"));
      pairs[i] = CanonicalPair.of(network(group.get(i)));
    }
    LossPeaks peaks = LossPeaks.of(losses, s.peakBandwidth());

    List<Integer> clustered = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (losses[i] < s.algorithmLossCut()) {
        clustered.add(i);
      }
    }
    int[] algorithmOf = new int[n];
    double[][] pcs = new double[n][];
    Arrays.fill(algorithmOf, -1);
    String skipped = null;
    if (clustered.size() < 3) {
      skipped = String.format(Locale.ROOT, "%s/%s: %d width-2 networks below loss %s, need 3",
          target, act, clustered.size(), s.algorithmLossCut());
    } else {
      int m = clustered.size();
      double[][] points = new double[m][];
      double[] logLoss = new double[m];
      for (int k = 0; k < m; k++) {
        points[k] = pairs[clustered.get(k)].vector();
        logLoss[k] = Math.log10(losses[clustered.get(k)]);
      }
      SwapClusters c = SwapClusters.of(points, d, s.maxAlgorithms(), logLoss, 0L);
      Pca pca = Pca.of(c.aligned());
      for (int k = 0; k < m; k++) {
        algorithmOf[clustered.get(k)] = c.labels()[k];
        pcs[clustered.get(k)] = pca.scores(c.aligned()[k], 2);
      }
      double[] grid = ActivationCurves.grid(s.low(), s.high(), s.gridPoints());
      for (int a = 0; a < c.k(); a++) {
        List<Integer> members = new ArrayList<>();
        for (int k = 0; k < m; k++) {
          if (c.labels()[k] == a) {
            members.add(k);
          }
        }
        double[] memberLoss = new double[members.size()];
        int medoid = members.get(0);
        double sum = 0;
        for (int q = 0; q < members.size(); q++) {
          int k = members.get(q);
          memberLoss[q] = losses[clustered.get(k)];
          sum += memberLoss[q];
          if (SwapClusters.distance(c.aligned()[k], c.centers()[a], d)
              < SwapClusters.distance(c.aligned()[medoid], c.centers()[a], d)) {
            medoid = k;
          }
        }
        Arrays.sort(memberLoss);
        double[] centre = c.centers()[a];
        CanonicalPair centrePair = CanonicalPair.of(CanonicalPair.networkOf(d, centre));
        double[] centrePcs = pca.scores(centre, 2);
        Row medoidRow = group.get(clustered.get(medoid));
        algorithms.add(RowFactory.create(target.id(), act.id(), a, members.size(),
            (double) members.size() / m, list(centre), centrePcs[0], centrePcs[1],
            sum / members.size(), Quantiles.median(memberLoss), centrePair.symmetric(),
            centrePair.relativeResidual(), medoidRow.getLong(medoidRow.fieldIndex("seed")), c.k(),
            c.silhouette(), list(pca.explainedRatio()), s.algorithmLossCut()));
        if (d == 1) {
          ActivationCurves ac = ActivationCurves.of(
              CanonicalPair.networkOf(d, c.aligned()[medoid]), act, grid);
          for (int neuron = 0; neuron < 2; neuron++) {
            for (int g = 0; g < grid.length; g++) {
              curves.add(RowFactory.create(target.id(), act.id(), a, neuron, grid[g],
                  ac.pre()[neuron][g], ac.post()[neuron][g]));
            }
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      Row r = group.get(i);
      CanonicalPair p = pairs[i];
      Network net = p.network();
      int peak = peaks.peakOf()[i];
      tickets.add(RowFactory.create(target.id(), act.id(), r.getLong(r.fieldIndex("seed")),
          losses[i], r.getDouble(r.fieldIndex("test_loss")), peak, peaks.modeLog10()[peak],
          list(flatten(net.wMatrix())), list(net.bVector()), list(net.vVector()), net.c(),
          p.wResidual(), p.bResidual(), p.vResidual(), p.relativeResidual(), p.symmetric(),
          algorithmOf[i] < 0 ? null : algorithmOf[i],
          pcs[i] == null ? null : pcs[i][0], pcs[i] == null ? null : pcs[i][1]));
    }
    return skipped;
  }

  // ---- ticket_pairs, ticket_correlation (appendix C)

  private static JavaRDD<Row> ofWidths(Dataset<Row> runs, List<Integer> widths) {
    return runs.filter(col("width").isin(widths.toArray())).javaRDD();
  }

  private static Table ticketPairs(Dataset<Row> runs, AnalyzeSettings s) {
    return ofTicketWidths(runs, s, Tables.TICKET_PAIRS, Tables.TICKET_PAIRS_SCHEMA,
        rows -> rows.flatMap(row -> ticketPairRows(row, s).iterator()));
  }

  private static Table ticketCorrelation(Dataset<Row> runs, AnalyzeSettings s) {
    return ofTicketWidths(runs, s, Tables.TICKET_CORRELATION, Tables.TICKET_CORRELATION_SCHEMA,
        rows -> rows.map(row -> {
          TicketDecomposition t = decompose(row, s, false);
          return RowFactory.create(target(row).id(), activation(row).id(),
              row.getInt(row.fieldIndex("width")), row.getLong(row.fieldIndex("seed")),
              t.tickets().size(), t.pairing().exact(), list(flatten(t.correlation())),
              list(t.eigenvalues()), t.effectiveTickets());
        }));
  }

  /** A table computed from the networks of the ticket widths, or skipped when there are none. */
  private static Table ofTicketWidths(Dataset<Row> runs, AnalyzeSettings s, String name,
      StructType schema, java.util.function.Function<JavaRDD<Row>, JavaRDD<Row>> analysis) {
    JavaRDD<Row> rows = ofWidths(runs, s.ticketWidths());
    if (rows.isEmpty()) {
      return skipped(name, schema, "no network of the ticket widths " + s.ticketWidths());
    }
    return table(name, schema, analysis.apply(rows));
  }

  private static TicketDecomposition decompose(Row row, AnalyzeSettings s, boolean withCurves) {
    Target target = target(row);
    org.lotteryscaling.nn.Dataset grid = null;
    if (withCurves && target.dimension() == 1) {
      double[] x = ActivationCurves.grid(s.low(), s.high(), s.gridPoints());
      double[] y = new double[x.length];
      for (int g = 0; g < x.length; g++) {
        y[g] = target.apply(x, g);
      }
      grid = new org.lotteryscaling.nn.Dataset(1, x, y);
    }
    return TicketDecomposition.of(network(row), activation(row), DataSampler.train(target, s.data()),
        grid);
  }

  private static List<Row> ticketPairRows(Row row, AnalyzeSettings s) {
    TicketDecomposition t = decompose(row, s, true);
    Network n = network(row);
    double[] errorX = target(row).dimension() == 1
        ? ActivationCurves.grid(s.low(), s.high(), s.gridPoints()) : new double[0];
    double[][] w = n.wMatrix();
    List<Row> out = new ArrayList<>();
    for (int k = 0; k < t.tickets().size(); k++) {
      TicketDecomposition.Ticket p = t.tickets().get(k);
      int a = p.neuronA();
      int b = p.neuronB();
      out.add(RowFactory.create(target(row).id(), activation(row).id(), n.width(),
          row.getLong(row.fieldIndex("seed")), k, a, b, p.mirrorDistance(),
          list(w[a]), n.b(a), n.v(a), list(w[b]), n.b(b), n.v(b), p.r2(),
          p.scale(), p.offset(), p.errorRms(), list(errorX), list(p.errorCurve())));
    }
    return out;
  }

  // ---- distilled (appendix D)

  private static Table distilled(Dataset<Row> runs, AnalyzeSettings s) {
    JavaRDD<Row> rows = ofWidths(runs, List.of(s.distillWidth()));
    if (rows.isEmpty()) {
      return skipped(Tables.DISTILLED, Tables.DISTILLED_SCHEMA,
          "no network of width " + s.distillWidth());
    }
    return table(Tables.DISTILLED, Tables.DISTILLED_SCHEMA, rows.map(row -> {
      Target target = target(row);
      Activation act = activation(row);
      org.lotteryscaling.nn.Dataset train = DataSampler.train(target, s.data());
      Network wide = network(row);
      Distillation d = Distillation.of(wide,
          TicketDecomposition.of(wide, act, train, null), act, train);
      Network n = d.network();
      return RowFactory.create(target.id(), act.id(), wide.width(),
          row.getLong(row.fieldIndex("seed")), row.getDouble(row.fieldIndex("train_loss")),
          d.ticket().neuronA(), d.ticket().neuronB(), d.ticket().r2(), list(flatten(n.wMatrix())),
          list(n.bVector()), list(n.vVector()), n.c(), n.meanSquaredError(act, train),
          n.meanSquaredError(act, DataSampler.test(target, s.data())));
    }));
  }

  // ---- ensembles (beyond the paper)

  private static Table ensembles(Dataset<Row> runs, AnalyzeSettings s) {
    Dataset<Row> members = s.ensembleHalfWidths().isEmpty() ? runs
        : runs.filter(col("width").isin(s.ensembleHalfWidths().toArray()));
    JavaRDD<Row> rows = members.drop("curve_step", "curve_loss").javaRDD();
    if (rows.isEmpty()) {
      return skipped(Tables.ENSEMBLES, Tables.ENSEMBLES_SCHEMA,
          "no networks of the ensemble half widths " + s.ensembleHalfWidths());
    }
    // Seeds 2k and 2k + 1 of the same (target, activation, width) make one ensemble.
    JavaRDD<Row> out = rows
        .keyBy(r -> target(r).id() + "/" + activation(r).id() + "/" + r.getInt(r.fieldIndex("width"))
            + "/" + r.getLong(r.fieldIndex("seed")) / 2)
        .groupByKey()
        .flatMap((Tuple2<String, Iterable<Row>> pair) -> {
          List<Row> two = new ArrayList<>();
          pair._2().forEach(two::add);
          if (two.size() != 2) {
            return Collections.<Row>emptyIterator();
          }
          two.sort(Comparator.comparingLong(r -> r.getLong(r.fieldIndex("seed"))));
          return List.of(ensembleRow(two.get(0), two.get(1), s)).iterator();
        });
    return table(Tables.ENSEMBLES, Tables.ENSEMBLES_SCHEMA, out);
  }

  private static Row ensembleRow(Row a, Row b, AnalyzeSettings s) {
    Target target = target(a);
    Activation act = activation(a);
    org.lotteryscaling.nn.Dataset train = DataSampler.train(target, s.data());
    org.lotteryscaling.nn.Dataset test = DataSampler.test(target, s.data());
    Network na = network(a);
    Network nb = network(b);
    Ensemble e = Ensemble.fit(Ensemble.predictions(na, act, train),
        Ensemble.predictions(nb, act, train), train.yCopy());
    double testLoss = Ensemble.meanSquaredError(
        e.combine(Ensemble.predictions(na, act, test), Ensemble.predictions(nb, act, test)),
        test.yCopy());
    int half = na.width();
    return RowFactory.create(target.id(), act.id(), half, 2 * half, a.getLong(a.fieldIndex("seed")),
        b.getLong(b.fieldIndex("seed")), e.lossA(), e.lossB(), e.harmonicLoss(), e.loss(),
        e.loss() / e.harmonicLoss(), e.weightA(), e.weightB(), e.offset(), testLoss);
  }

  // ---- writing

  private static Table table(String name, StructType schema, JavaRDD<Row> rdd) {
    return new Table(name, schema, rdd, null, null);
  }

  private static Table table(String name, StructType schema, List<Row> rows) {
    return new Table(name, schema, null, rows, null);
  }

  private static Table skipped(String name, StructType schema, String why) {
    return new Table(name, schema, null, List.of(), why);
  }

  private static void write(SparkSession spark, StorageFolder dir, Table t, PrintWriter out) {
    long start = System.nanoTime();
    Dataset<Row> df = t.rdd() != null ? spark.createDataFrame(t.rdd(), t.schema())
        : spark.createDataFrame(t.rows(), t.schema());
    StorageFolder path = dir.resolve(t.name());
    DeltaTables.overwrite(df, path);
    if (t.skipped() != null) {
      out.println(t.name() + ": skipped, " + t.skipped() + " (written empty)");
    } else {
      out.printf(Locale.ROOT, "%s: %d rows -> %s (%.1f s)%n", t.name(),
          Tables.read(spark, dir, t.name()).count(), path, (System.nanoTime() - start) / 1e9);
    }
    out.flush();
  }

  // ---- row helpers

  static Network network(Row row) {
    return Tables.network(row);
  }

  static Target target(Row row) {
    return Target.parse(row.getString(row.fieldIndex("target")));
  }

  static Activation activation(Row row) {
    return Activation.parse(row.getString(row.fieldIndex("activation")));
  }

  /** Array columns go in as double[]: both the List and the RDD paths of createDataFrame take it. */
  private static double[] list(double[] xs) {
    return xs;
  }

  private static double[] flatten(double[][] m) {
    return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
  }
}
