package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.UserError;
import org.lotteryscaling.results.OkNetworks;
import org.lotteryscaling.results.RowCodec;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.results.Tables;
import org.lotteryscaling.results.TestFolders;
import org.lotteryscaling.stats.AggregateSettings;
import org.lotteryscaling.stats.Synthetic;
import org.lotteryscaling.tables.ResultTables;

/**
 * The aggregate job on local[2] over one synthetic runs folder with known answers:
 * <ul>
 *   <li>x2/silu: C N^-1 with lognormal noise at widths 5, 10, 20, 40;
 *   <li>x2/relu: width 2 a two-component mixture (120 tickets near 1e-6, 280 near 1e-2, 10 diverged),
 *       width 4 ten times better than ensembling two width-2 networks, width 8 exactly ensembling
 *       two width-4 networks, width 3 a single network;
 *   <li>sin/tanh: a single width;
 *   <li>cos/silu: width 2 all diverged (and one "ok" row with an infinite loss), width 4 fine.
 * </ul>
 */
class AggregateJobTest {
  private static final String SUMMARY = ResultTables.LOSS_SUMMARY.name();
  private static final String HISTOGRAM = ResultTables.LOSS_HISTOGRAM.name();
  private static final String MODES = ResultTables.LOSS_MODES.name();
  private static final String FIT = ResultTables.SCALING_FIT.name();
  private static final String SYNERGY = ResultTables.SYNERGY.name();

  static SparkSession spark;
  @TempDir static Path dir;
  static Map<String, Long> written;
  static double[] reluWidth2;

  @BeforeAll
  static void aggregateOnce() {
    spark = Spark.session("aggregate-test", "local[2]");
    Synthetic s = new Synthetic(42);
    SyntheticRuns runs = new SyntheticRuns();
    for (int n : new int[] {5, 10, 20, 40}) {
      runs.ok("x2", "silu", n, s.powerLaw(150, 0.5, 1, n, 0.7));
    }
    reluWidth2 = Synthetic.concat(s.logNormal(120, -6, 0.3), s.logNormal(280, -2, 0.3));
    runs.ok("x2", "relu", 2, reluWidth2).diverged("x2", "relu", 2, 10);
    double[] width4 = s.harmonicPairs(400, reluWidth2);
    for (int i = 0; i < width4.length; i++) {
      width4[i] /= 10;
    }
    runs.ok("x2", "relu", 4, width4);
    runs.ok("x2", "relu", 8, s.harmonicPairs(400, width4));
    runs.ok("x2", "relu", 3, 0.125);
    runs.ok("sin", "tanh", 7, s.logNormal(50, -3, 0.2));
    runs.diverged("cos", "silu", 2, 4).add("cos", "silu", 2, "ok", Double.POSITIVE_INFINITY);
    runs.ok("cos", "silu", 4, 1e-3, 2e-3, 4e-3);
    runs.write(spark, dir);
    written = AggregateJob.run(spark, dir.toString(), new AggregateSettings(20, 300, 0));
  }

  static List<Row> rows(String sql) {
    return spark.sql(sql).collectAsList();
  }

  static Row one(String table, String where) {
    TestFolders.read(spark, dir, table).createOrReplaceTempView("t_" + table);
    List<Row> r = rows("SELECT * FROM t_" + table + " WHERE " + where);
    assertEquals(1, r.size(), table + " where " + where);
    return r.get(0);
  }

  static <T> T get(Row r, String column) {
    return r.getAs(column);
  }

  @Test
  void everyTableIsWrittenWithItsDocumentedSchema() {
    assertEquals(ResultTables.AGGREGATES.stream().map(t -> t.name()).toList(),
        List.copyOf(written.keySet()));
    for (org.lotteryscaling.tables.Table<?> table : ResultTables.AGGREGATES) {
      assertEquals(RowCodec.schema(table).simpleString(),
          TestFolders.read(spark, dir, table.name()).schema().simpleString(), table.name());
      assertTrue(Files.isDirectory(dir.resolve(table.name()).resolve("_delta_log")), table.name());
    }
    // widths: 4 (x2/silu) + 4 (x2/relu) + 1 (sin/tanh) + 2 (cos/silu)
    assertEquals(11, written.get(SUMMARY));
    assertEquals(11 * 20, written.get(HISTOGRAM));
    assertEquals(11, written.get(MODES));
  }

  @Test
  void summaryCountsDivergedNetworksAndLeavesThemOutOfTheStatistics() {
    Row relu2 = one(SUMMARY, "target = 'x2' AND activation = 'relu' AND width = 2");
    assertEquals(410L, (long) get(relu2, "networks"));
    assertEquals(400L, (long) get(relu2, "ok"));
    assertEquals(10L, (long) get(relu2, "diverged"));
    double[] sorted = reluWidth2.clone();
    java.util.Arrays.sort(sorted);
    assertEquals(sorted[0], get(relu2, "loss_min"), 0);
    assertEquals((sorted[199] + sorted[200]) / 2, get(relu2, "loss_median"), 0);
    Row cos2 = one(SUMMARY, "target = 'cos' AND width = 2");
    assertEquals(5L, (long) get(cos2, "networks"));
    assertEquals(0L, (long) get(cos2, "ok"));
    assertEquals(5L, (long) get(cos2, "diverged"));
    assertNull(get(cos2, "loss_median"));
    Row single = one(SUMMARY, "target = 'x2' AND activation = 'relu' AND width = 3");
    assertEquals(0.125, get(single, "loss_q90"), 0);
    assertNull(get(single, "log10_sd"));
  }

  @Test
  void histogramBinsAreSharedAcrossWidthsAndCountEveryOkNetwork() {
    List<Row> edges = rows("SELECT width, min(log10_lo) lo, max(log10_hi) hi, sum(count) n, count(*) bins "
        + "FROM delta.`" + dir.resolve(HISTOGRAM) + "` "
        + "WHERE target = 'x2' AND activation = 'relu' GROUP BY width ORDER BY width");
    assertEquals(4, edges.size());
    for (Row r : edges) {
      assertEquals(edges.get(0).getDouble(1), r.getDouble(1), 0);
      assertEquals(edges.get(0).getDouble(2), r.getDouble(2), 0);
      assertEquals(20L, r.getLong(4));
    }
    assertEquals(400L, edges.get(0).getLong(3));
    assertEquals(1L, edges.get(1).getLong(3));
    Row cos2 = rows("SELECT sum(count), max(fraction) FROM delta.`" + dir.resolve(HISTOGRAM)
        + "` WHERE target = 'cos' AND width = 2").get(0);
    assertEquals(0L, cos2.getLong(0));
    assertTrue(cos2.isNullAt(1));
  }

  @Test
  void modesFindTheMixtureAndItsLotteryTicketRate() {
    Row relu2 = one(MODES, "target = 'x2' AND activation = 'relu' AND width = 2");
    assertEquals(2, (int) get(relu2, "peaks"));
    assertEquals(-6, get(relu2, "lowest_peak_log10"), 0.15);
    assertEquals(120L, (long) get(relu2, "lottery_networks"));
    assertEquals(120.0 / 410, get(relu2, "lottery_rate"), 1e-12);
    Row cos2 = one(MODES, "target = 'cos' AND width = 2");
    assertEquals(0, (int) get(cos2, "peaks"));
    assertEquals(0.0, get(cos2, "lottery_rate"), 0);
    assertNull(get(cos2, "lowest_peak_log10"));
  }

  @Test
  void scalingFitGivesAlphaBackAndLocalExponents() {
    Row all = one(FIT, "target = 'x2' AND activation = 'silu' AND kind = 'all' AND "
        + "form = 'power' AND loss = 'train'");
    assertTrue((double) get(all, "alpha_low") <= 1 && 1 <= (double) get(all, "alpha_high"), all.toString());
    assertEquals(5, (int) get(all, "width_min"));
    assertEquals(40, (int) get(all, "width_max"));
    assertEquals(300, (int) get(all, "resamples"));
    List<Row> local = rows("SELECT width_min, width_max FROM delta.`" + dir.resolve(FIT)
        + "` WHERE target = 'x2' AND activation = 'silu' AND kind = 'local' AND loss = 'train'"
        + " ORDER BY width_min");
    assertEquals(3, local.size());
    assertEquals(10, local.get(1).getInt(0));
    assertEquals(20, local.get(1).getInt(1));
    // A single width (sin/tanh) and one width with ok networks (cos/silu) have no fit.
    assertEquals(0, rows("SELECT * FROM delta.`" + dir.resolve(FIT)
        + "` WHERE target IN ('sin', 'cos')").size());
  }

  @Test
  void fourWidthsGiveAnOffsetRowAndAChoiceForEachLoss() {
    for (String loss : List.of("train", "test")) {
      String group = "target = 'x2' AND activation = 'silu' AND kind = 'all' AND loss = '" + loss
          + "' AND ";
      Row offset = one(FIT, group + "form = 'offset'");
      Row power = one(FIT, group + "form = 'power'");
      assertEquals(List.of(5, 40, 4), List.of(get(offset, "width_min"), get(offset, "width_max"),
          get(offset, "widths")));
      // --bootstrap 300 with the laws' default: they get the default's 200 replicates.
      assertEquals(200, (int) get(offset, "resamples"));
      assertTrue((boolean) get(offset, "chosen") != (boolean) get(power, "chosen"), loss);
      assertTrue((double) get(offset, "offset_low") <= (double) get(offset, "offset_high"));
      assertNull(get(offset, "beta"));
      assertNull(get(power, "offset"));
    }
    // The test loss is the train loss in these runs: the same power-law rows, but for the interval.
    List<Row> train = rows("SELECT kind, width_min, alpha FROM delta.`" + dir.resolve(FIT)
        + "` WHERE form = 'power' AND loss = 'train' ORDER BY target, activation, kind, width_min");
    assertEquals(train, rows("SELECT kind, width_min, alpha FROM delta.`" + dir.resolve(FIT)
        + "` WHERE form = 'power' AND loss = 'test' ORDER BY target, activation, kind, width_min"));
  }

  @Test
  void theReportReadsThePowerLawsOfTheTrainLossOnly() {
    String fits = "SELECT * FROM delta.`" + dir.resolve(FIT) + "`";
    int power = rows(fits + " WHERE form = 'power' AND loss = 'train'").size();
    assertTrue(rows(fits).size() > power);
    assertEquals(power, ReportJob.read(spark, TestFolders.of(dir)).fits().size());
  }

  @Test
  void synergyVerdictsMatchHowTheWidthsWereBuilt() {
    List<Row> relu = rows("SELECT width, half_width, verdict FROM delta.`" + dir.resolve(SYNERGY)
        + "` WHERE target = 'x2' AND activation = 'relu' ORDER BY width");
    assertEquals(2, relu.size()); // 4 (from 2) and 8 (from 4); 2's half (1) and 3's are not in the grid
    assertEquals("synergy", relu.get(0).getString(2));
    assertEquals(8, relu.get(1).getInt(0));
    assertEquals("ensembling", relu.get(1).getString(2));
    // cos/silu width 4: its half has no ok network; sin/tanh: no N/2; x2/silu: 10, 20, 40.
    assertEquals(0, rows("SELECT * FROM delta.`" + dir.resolve(SYNERGY)
        + "` WHERE target IN ('sin', 'cos')").size());
    assertEquals(3, rows("SELECT * FROM delta.`" + dir.resolve(SYNERGY)
        + "` WHERE target = 'x2' AND activation = 'silu'").size());
  }

  @Test
  void aSecondRunOverwritesWithTheSameNumbers() {
    List<Row> before = rows("SELECT * FROM delta.`" + dir.resolve(FIT) + "`");
    AggregateJob.run(spark, dir.toString(), new AggregateSettings(20, 300, 0));
    assertEquals(before, rows("SELECT * FROM delta.`" + dir.resolve(FIT) + "`"));
  }

  @Test
  void emptyRunsGiveEmptyTablesAndUnfinishedWritesAreNotPartOfTheTable(@TempDir Path empty)
      throws Exception {
    new SyntheticRuns().write(spark, empty);
    Path unfinished = Files.createDirectories(empty.resolve("runs").resolve("_temporary").resolve("0"));
    Files.writeString(unfinished.resolve("part-0.parquet"), "half written");
    Map<String, Long> counts = AggregateJob.run(spark, empty.toString(), AggregateSettings.defaults());
    assertEquals(5, counts.size());
    for (long n : counts.values()) {
      assertEquals(0, n);
    }
  }

  @Test
  void foldersThatAreNotResultsFoldersGetOneLineErrors(@TempDir Path other) throws Exception {
    UserError missing = assertThrows(UserError.class,
        () -> AggregateJob.run(spark, other.resolve("nope").toString(), AggregateSettings.defaults()));
    assertTrue(missing.getMessage().startsWith("no such results folder"), missing.getMessage());
    UserError noRuns = assertThrows(UserError.class,
        () -> AggregateJob.run(spark, other.toString(), AggregateSettings.defaults()));
    assertTrue(noRuns.getMessage().startsWith("not a results folder"), noRuns.getMessage());
    spark.range(3).write().parquet(other.resolve("runs").toString());
    UserError foreign = assertThrows(UserError.class,
        () -> AggregateJob.run(spark, other.toString(), AggregateSettings.defaults()));
    assertTrue(foreign.getMessage().startsWith("not a runs table"), foreign.getMessage());
    Path garbage = Files.createDirectories(other.resolve("g").resolve("runs"));
    Files.writeString(garbage.resolve("part-0.parquet"), "not parquet");
    UserError corrupt = assertThrows(UserError.class,
        () -> AggregateJob.run(spark, other.resolve("g").toString(), AggregateSettings.defaults()));
    assertTrue(corrupt.getMessage().startsWith("cannot read"), corrupt.getMessage());
    for (UserError e : List.of(missing, noRuns, foreign, corrupt)) {
      assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
  }

  /**
   * One rule of an ok network for every job: Spark's filter is TrainStatus.isOk itself. The three
   * copies it replaced disagreed on rows training never writes (ReportData took a negative loss,
   * AnalyzeJob a NaN or null one); the rule kept is the aggregate job's.
   */
  @Test
  void theOkColumnIsTrainStatusIsOk() {
    org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
        .add("status", org.apache.spark.sql.types.DataTypes.StringType)
        .add("train_loss", org.apache.spark.sql.types.DataTypes.DoubleType);
    Object[][] cases = {{"ok", 1e-3, true}, {"ok", 0.0, true}, {"ok", Double.MIN_VALUE, true},
        {"ok", -1e-300, false}, {"ok", Double.NaN, false}, {"ok", Double.POSITIVE_INFINITY, false},
        {"ok", null, false}, {"diverged", 1e-3, false}, {null, 1e-3, false}};
    List<Row> input = new java.util.ArrayList<>();
    for (Object[] c : cases) {
      input.add(org.apache.spark.sql.RowFactory.create(c[0], c[1]));
      if (c[1] != null) {
        assertEquals(c[2], org.lotteryscaling.nn.TrainStatus.isOk((String) c[0], (Double) c[1]),
            java.util.Arrays.toString(c));
      }
    }
    List<Row> out = spark.createDataFrame(input, schema)
        .select(OkNetworks.column()).collectAsList();
    for (int i = 0; i < cases.length; i++) {
      assertEquals(cases[i][2], out.get(i).getBoolean(0), java.util.Arrays.toString(cases[i]));
    }
  }

  /** Figure 4 plots, per width, exactly the N/2 + N/2 sample the synergy verdict was computed from. */
  @Test
  void figure4DrawsTheSampleOfTheSynergyVerdict() {
    List<org.lotteryscaling.report.ReportData.NetworkLoss> runs = rows("SELECT target, activation, "
        + "width, seed, status, train_loss FROM delta.`" + dir.resolve(Tables.RUNS) + "`").stream()
        .map(r -> new org.lotteryscaling.report.ReportData.NetworkLoss(r.getString(0), r.getString(1),
            r.getInt(2), r.getLong(3), r.getString(4), r.isNullAt(5) ? Double.NaN : r.getDouble(5)))
        .toList();
    List<Row> synergy = rows("SELECT width, pairs, ensemble_median, ks_statistic FROM delta.`"
        + dir.resolve(org.lotteryscaling.tables.ResultTables.SYNERGY.name()) + "` WHERE target = 'x2' AND activation = 'silu' ORDER BY width");
    assertEquals(3, synergy.size());
    for (Row row : synergy) {
      int width = row.getInt(0);
      double[] sample = org.lotteryscaling.report.PaperFigures.figure4Sample(runs, width);
      double[] trained = runs.stream().filter(r -> r.target().equals("x2")
          && r.activation().equals("silu") && r.width() == width && r.ok())
          .mapToDouble(r -> r.trainLoss()).sorted().toArray();
      assertEquals(row.getInt(1), sample.length, "N=" + width);
      assertEquals(row.getDouble(2), org.lotteryscaling.stats.Quantiles.median(sample), 0, "N=" + width);
      assertEquals(row.getDouble(3),
          org.lotteryscaling.stats.KolmogorovSmirnov.statistic(sample, trained), 0, "N=" + width);
    }
  }
}
