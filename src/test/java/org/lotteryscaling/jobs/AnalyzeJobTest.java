package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.UserError;
import org.lotteryscaling.cli.Lottery;
import org.lotteryscaling.mechanism.AnalyzeSettings;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.TrainSettings;
import org.lotteryscaling.results.RowCodec;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.results.Tables;
import org.lotteryscaling.results.TestFolders;
import org.lotteryscaling.tables.ResultTables;
import org.lotteryscaling.task.DataSettings;
import org.lotteryscaling.task.Target;
import org.lotteryscaling.task.TaskKey;
import org.lotteryscaling.task.TaskRunner;
import org.lotteryscaling.task.TaskSettings;

/** AnalyzeJob on local[2] over a small runs folder of briefly trained networks. */
class AnalyzeJobTest {
  static final DataSettings DATA = new DataSettings(120, 60, -2, 2, 3);
  static final TaskSettings SETTINGS = new TaskSettings(0, DATA, TrainSettings.paper().withSteps(300));

  @TempDir static Path dir;
  static SparkSession spark;
  static String printed;

  /** x2/silu at widths 2 (7 seeds), 10 and 50 (2 seeds each); mul2/silu at widths 2 and 10. */
  @BeforeAll
  static void trainAndAnalyze() {
    spark = Spark.session("analyze-test", "local[2]");
    List<Row> rows = new ArrayList<>();
    int[][] grid = {{2, 7}, {10, 2}, {50, 2}};
    for (int[] g : grid) {
      for (int seed = 0; seed < g[1]; seed++) {
        rows.add(train(new TaskKey(Target.X2, Activation.SILU, g[0], seed)));
      }
    }
    for (int seed = 0; seed < 4; seed++) {
      rows.add(train(new TaskKey(Target.MUL2, Activation.SILU, 2, seed)));
    }
    rows.add(train(new TaskKey(Target.MUL2, Activation.SILU, 10, 0)));
    spark.createDataFrame(rows, Tables.RUNS_SCHEMA).write().partitionBy(Tables.RUNS_PARTITIONS)
        .format("delta").save(TestFolders.path(dir, Tables.RUNS));
    StringWriter out = new StringWriter();
    AnalyzeJob.run(spark, dir.toString(), settings(10.0), new PrintWriter(out, true));
    printed = out.toString();
    System.out.println(printed);
  }

  static Row train(TaskKey key) {
    return Tables.runRow(key, TaskRunner.run(SETTINGS, key), "hash", "test");
  }

  static AnalyzeSettings settings(double lossCut) {
    AnalyzeSettings d = AnalyzeSettings.defaults(DATA);
    return new AnalyzeSettings(d.data(), d.leakySlope(),
        d.neuronMinWidth(), d.ticketWidths(), d.distillWidth(), d.ensembleHalfWidths(), lossCut,
        d.maxAlgorithms(), 21, d.peakBandwidth());
  }

  @Test
  void everyMechanismTableExistsWithItsSchema() {
    for (org.lotteryscaling.tables.Table<?> table : ResultTables.MECHANISMS) {
      StructType read = TestFolders.read(spark, dir, table.name()).schema();
      StructField[] expected = RowCodec.schema(table).fields();
      assertEquals(expected.length, read.fields().length, table.name());
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i].name(), read.fields()[i].name(), table.name());
        assertEquals(expected[i].dataType().simpleString(), read.fields()[i].dataType().simpleString(),
            table.name() + "." + expected[i].name());
      }
    }
  }

  @Test
  void rowCountsFollowTheRunsAndTheWidthsEachAnalysisUses() {
    // neurons: width >= 10: x2 2 x 10 + 2 x 50, mul2 1 x 10.
    assertEquals(2 * 10 + 2 * 50 + 10, count(ResultTables.NEURONS.name()));
    assertEquals(7 + 4, count(ResultTables.TICKETS.name()));
    // ticket widths 10, 30, 50: 2 + 2 x2 networks and 1 mul2; 5 + 25 pairs each.
    assertEquals(5, count(ResultTables.TICKET_CORRELATION.name()));
    assertEquals(2 * 5 + 2 * 25 + 5, count(ResultTables.TICKET_PAIRS.name()));
    assertEquals(2, count(ResultTables.DISTILLED.name()));
    // Seed pairs (0,1), (2,3), (4,5) at width 2 (seed 6 is alone), one each at 10 and 50; mul2 (0,1), (2,3).
    assertEquals(3 + 1 + 1 + 2, count(ResultTables.ENSEMBLES.name()));
    long clustered = TestFolders.read(spark, dir, ResultTables.TICKETS.name())
        .filter("algorithm IS NOT NULL").count();
    assertEquals(11, clustered, "a loss cut of 10 clusters every width-2 network");
    assertEquals(clustered, TestFolders.read(spark, dir, ResultTables.ALGORITHMS.name())
        .selectExpr("sum(networks)").first().getLong(0));
    // Curves only for the one-input target: 2 neurons x 21 grid points per x2 algorithm.
    long x2Algorithms = TestFolders.read(spark, dir, ResultTables.ALGORITHMS.name())
        .filter("target = 'x2'").count();
    assertEquals(x2Algorithms * 2 * 21, count(ResultTables.ALGORITHM_CURVES.name()));
  }

  @Test
  void numbersAreConsistentAcrossTables() {
    for (Row r : TestFolders.read(spark, dir, ResultTables.ENSEMBLES.name()).collectAsList()) {
      double ensemble = r.getDouble(r.fieldIndex("ensemble_loss"));
      double best = Math.min(r.getDouble(r.fieldIndex("loss_a")), r.getDouble(r.fieldIndex("loss_b")));
      assertTrue(ensemble <= best * (1 + 1e-9), "least squares can take either member alone");
    }
    for (Row r : TestFolders.read(spark, dir, ResultTables.TICKETS.name()).collectAsList()) {
      List<Double> w = r.getList(r.fieldIndex("w"));
      assertTrue(w.get(0) <= w.get(w.size() / 2), "canonical order");
    }
    String correlation = ResultTables.TICKET_CORRELATION.name();
    for (Row r : TestFolders.read(spark, dir, correlation).collectAsList()) {
      double n = r.getDouble(r.fieldIndex("effective_tickets"));
      assertTrue(n >= 1 - 1e-9 && n <= r.getInt(r.fieldIndex("tickets")) + 1e-9);
    }
    assertTrue(printed.contains("lottery tickets"), printed);
    assertTrue(printed.contains("distilled width-2 networks"), printed);
  }

  @Test
  void missingInputsAreSkippedWithAReason(@TempDir Path other) {
    // Only width-3 runs: nothing but ensembles has its input.
    List<Row> rows = List.of(train(new TaskKey(Target.X2, Activation.RELU, 3, 0)),
        train(new TaskKey(Target.X2, Activation.RELU, 3, 1)));
    spark.createDataFrame(rows, Tables.RUNS_SCHEMA).write().format("delta").save(TestFolders.path(other, Tables.RUNS));
    StringWriter out = new StringWriter();
    AnalyzeJob.run(spark, other.toString(), settings(10.0), new PrintWriter(out, true));
    String text = out.toString();
    assertTrue(text.contains("neurons: skipped, no network of width >= 10"), text);
    assertTrue(text.contains("tickets: skipped, no width-2 runs"), text);
    assertTrue(text.contains("distilled: skipped, no network of width 50"), text);
    assertTrue(text.contains("ensembles: 1 rows"), text);
    assertEquals(0, TestFolders.read(spark, other, ResultTables.NEURONS.name()).count());
  }

  @Test
  void aFolderWithoutRunsIsNotAResultsFolder(@TempDir Path empty) throws Exception {
    UserError e = assertThrows(UserError.class,
        () -> AnalyzeJob.run(spark, empty.toString(), settings(10.0), new PrintWriter(new StringWriter())));
    assertTrue(e.getMessage().startsWith("not a results folder"), e.getMessage());
    StringWriter err = new StringWriter();
    int code = Lottery.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
        "analyze", "--results", empty.toString());
    assertEquals(Lottery.USAGE_ERROR, code);
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertTrue(err.toString().startsWith("lottery: not a results folder"), err.toString());

    // A runs folder that is not Parquet.
    Files.createDirectories(empty.resolve("runs"));
    Files.writeString(empty.resolve("runs/part-0.parquet"), "not parquet");
    UserError corrupt = assertThrows(UserError.class,
        () -> AnalyzeJob.run(spark, empty.toString(), settings(10.0), new PrintWriter(new StringWriter())));
    assertFalse(corrupt.getMessage().contains("\n"), corrupt.getMessage());
  }

  @Test
  void dataSettingsThatAreNotTheExperimentsAreRejected() {
    AnalyzeSettings wrong = AnalyzeSettings.defaults(DataSettings.paper());
    UserError e = assertThrows(UserError.class,
        () -> AnalyzeJob.run(spark, dir.toString(), wrong, new PrintWriter(new StringWriter())));
    assertTrue(e.getMessage().contains("does not reproduce the stored train_loss"), e.getMessage());
  }

  private static long count(String table) {
    return TestFolders.read(spark, dir, table).count();
  }

  /** The tickets' peaks (now stats.LogLossPeaks with the tickets' rule) are the old finder's. */
  @Test
  void ticketPeaksAreTheOldFindersOnThisData() {
    List<Row> tickets = spark.sql("SELECT target, activation, train_loss, peak, peak_log10_loss FROM "
        + "delta.`" + dir.resolve(ResultTables.TICKETS.name()) + "` ORDER BY target, activation, seed").collectAsList();
    assertFalse(tickets.isEmpty());
    Map<String, List<Row>> groups = new java.util.TreeMap<>();
    for (Row r : tickets) {
      groups.computeIfAbsent(r.getString(0) + "/" + r.getString(1), k -> new ArrayList<>()).add(r);
    }
    for (List<Row> group : groups.values()) {
      double[] losses = group.stream().mapToDouble(r -> r.getDouble(2)).toArray();
      org.lotteryscaling.mechanism.LegacyLossPeaks old = org.lotteryscaling.mechanism.LegacyLossPeaks
          .of(losses, AnalyzeSettings.defaults(DATA).peakBandwidth());
      for (int i = 0; i < group.size(); i++) {
        assertEquals(old.peakOf()[i], group.get(i).getInt(3));
        assertEquals(old.modeLog10()[old.peakOf()[i]], group.get(i).getDouble(4), 0);
      }
    }
  }

  /**
   * Every column of the neurons, distilled and ensembles rows holds what its analysis computes
   * for that network, recomputed here from the stored network: a writer that swapped two columns
   * of one type (b and v, loss_a and loss_b, weight_a and offset, ...) fails.
   */
  @Test
  void mechanismColumnsHoldWhatTheirAnalysisComputes() {
    AnalyzeSettings s = settings(10.0);
    org.lotteryscaling.nn.Dataset train =
        org.lotteryscaling.task.DataSampler.train(Target.X2, s.data());
    org.lotteryscaling.nn.Dataset test =
        org.lotteryscaling.task.DataSampler.test(Target.X2, s.data());

    org.lotteryscaling.nn.Network wide = storedNetwork(10, 0);
    org.lotteryscaling.mechanism.NeuronSymmetry sym = org.lotteryscaling.mechanism.NeuronSymmetry.of(
        wide, org.lotteryscaling.mechanism.NeuronSymmetry.DEFAULT_RATIO,
        org.lotteryscaling.mechanism.NeuronSymmetry.DEFAULT_CONTROL_DRAWS, 0);
    List<Row> neurons = spark.sql("SELECT * FROM delta.`" + dir.resolve(ResultTables.NEURONS.name())
        + "` WHERE target = 'x2' AND width = 10 AND seed = 0 ORDER BY neuron").collectAsList();
    assertEquals(10, neurons.size());
    for (Row r : neurons) {
      int i = r.getAs("neuron");
      assertEquals(wide.w(i, 0), r.<Double>getList(r.fieldIndex("w")).get(0), 0);
      assertEquals(wide.b(i), (double) r.getAs("b"), 0);
      assertEquals(wide.v(i), (double) r.getAs("v"), 0);
      assertEquals(sym.mirrorDistance()[i], (double) r.getAs("mirror_distance"), 0);
      assertEquals(sym.mirrorPartner()[i], (int) r.getAs("mirror_partner"));
      assertEquals(sym.close(i), r.getAs("close"));
      assertEquals(sym.threshold(), (double) r.getAs("threshold"), 0);
      assertEquals(sym.share(), (double) r.getAs("share"), 0);
      assertEquals(sym.controlShare(), (double) r.getAs("control_share"), 0);
      assertEquals(sym.score(), (double) r.getAs("symmetry_score"), 0);
    }

    org.lotteryscaling.nn.Network fifty = storedNetwork(50, 1);
    org.lotteryscaling.mechanism.Distillation d = org.lotteryscaling.mechanism.Distillation.of(fifty,
        org.lotteryscaling.mechanism.TicketDecomposition.of(fifty, Activation.SILU, train, null),
        Activation.SILU, train);
    Row distilled = spark.sql("SELECT * FROM delta.`" + dir.resolve(ResultTables.DISTILLED.name())
        + "` WHERE seed = 1").first();
    assertEquals(d.ticket().neuronA(), (int) distilled.getAs("neuron_a"));
    assertEquals(d.ticket().neuronB(), (int) distilled.getAs("neuron_b"));
    assertEquals(d.ticket().r2(), (double) distilled.getAs("ticket_r2"), 0);
    assertEquals(d.network().c(), (double) distilled.getAs("c"), 0);
    assertEquals(d.network().v(0), distilled.<Double>getList(distilled.fieldIndex("v")).get(0), 0);
    assertEquals(d.network().v(1), distilled.<Double>getList(distilled.fieldIndex("v")).get(1), 0);
    assertEquals(d.network().meanSquaredError(Activation.SILU, train),
        (double) distilled.getAs("train_loss"), 0);
    assertEquals(d.network().meanSquaredError(Activation.SILU, test),
        (double) distilled.getAs("test_loss"), 0);

    org.lotteryscaling.nn.Network a = storedNetwork(2, 2);
    org.lotteryscaling.nn.Network b = storedNetwork(2, 3);
    org.lotteryscaling.mechanism.Ensemble e = org.lotteryscaling.mechanism.Ensemble.fit(
        org.lotteryscaling.mechanism.Ensemble.predictions(a, Activation.SILU, train),
        org.lotteryscaling.mechanism.Ensemble.predictions(b, Activation.SILU, train), train.yCopy());
    Row ensemble = spark.sql("SELECT * FROM delta.`" + dir.resolve(ResultTables.ENSEMBLES.name())
        + "` WHERE target = 'x2' AND half_width = 2 AND seed_a = 2").first();
    assertEquals(3L, (long) ensemble.getAs("seed_b"));
    assertEquals(e.lossA(), (double) ensemble.getAs("loss_a"), 0);
    assertEquals(e.lossB(), (double) ensemble.getAs("loss_b"), 0);
    assertEquals(e.harmonicLoss(), (double) ensemble.getAs("harmonic_loss"), 0);
    assertEquals(e.loss(), (double) ensemble.getAs("ensemble_loss"), 0);
    assertEquals(e.weightA(), (double) ensemble.getAs("weight_a"), 0);
    assertEquals(e.weightB(), (double) ensemble.getAs("weight_b"), 0);
    assertEquals(e.offset(), (double) ensemble.getAs("offset"), 0);
  }

  /** The x2/silu network of this width and seed, as runs stores it. */
  private static org.lotteryscaling.nn.Network storedNetwork(int width, long seed) {
    return Tables.network(spark.sql("SELECT * FROM delta.`" + dir.resolve(Tables.RUNS)
        + "` WHERE target = 'x2' AND activation = 'silu' AND width = " + width + " AND seed = " + seed)
        .first());
  }
}
