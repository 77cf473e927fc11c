package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.UserError;
import org.lotteryscaling.results.ExperimentFolder;
import org.lotteryscaling.results.RowCodec;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.results.SweepColumns;
import org.lotteryscaling.results.Tables;
import org.lotteryscaling.results.TestFolders;
import org.lotteryscaling.stats.AggregateSettings;
import org.lotteryscaling.stats.PowerLawFit;
import org.lotteryscaling.stats.WidthLosses;
import org.lotteryscaling.tables.FitAxis;
import org.lotteryscaling.tables.ResultTables;
import org.lotteryscaling.tables.RunRow;
import org.lotteryscaling.tables.ScalingFitRow;
import org.lotteryscaling.tables.Table;
import org.lotteryscaling.task.ExperimentConfig;
import org.lotteryscaling.task.Seeds;
import org.lotteryscaling.task.Setting;
import org.lotteryscaling.task.SettingKey;
import org.lotteryscaling.task.Sweep;

/**
 * The aggregate job on a swept experiment (local[2]): x2/silu at widths 2, 10, 20 swept over
 * data.points (100, 1000, 10000), the input range (data.high, data.low zipped: [1, -1], [2, -2])
 * and training.lr (one value: no fit along it). Every cell has five ok losses m/4, m/2, m, 2m, 4m
 * around the median m = 0.1 N^-1 points^-0.5 high^-2, so every fit of medians is exact; width 10
 * has one diverged network more, and at (10000 points, high 2) every width-20 network diverged.
 */
class AggregateSweepTest {
  static final int[] WIDTHS = {2, 10, 20};
  static final double[] SPREAD = {0.25, 0.5, 1, 2, 4};
  static final AggregateSettings SETTINGS = new AggregateSettings(8, 200, 3);
  static final ExperimentConfig CONFIG = ExperimentConfig.parse("""
      name = swept
      targets = [x2]
      activations = [silu]
      widths = [2, 10, 20]
      seeds = 5
      sweep {
        "data.points" = [100, 1000, 10000]
        "data.high, data.low" = [[1, -1], [2, -2]]
        "training.lr" = [0.01]
      }
      """, "swept");
  static final Sweep SWEEP = CONFIG.sweep();

  static SparkSession spark;
  @TempDir static Path dir;
  static Map<String, Long> written;
  /** Every setting's losses, as the runs table holds them. */
  static final Map<Setting, List<WidthLosses>> LOSSES = new LinkedHashMap<>();

  static double median(int width, double points, double high) {
    return 0.1 / width / Math.sqrt(points) / (high * high);
  }

  static boolean allDiverged(int width, Setting s) {
    return width == 20 && points(s) == 10000 && high(s) == 2;
  }

  static double points(Setting s) {
    return s.value(SettingKey.DATA_POINTS).doubleValue();
  }

  static double high(Setting s) {
    return s.value(SettingKey.DATA_HIGH).doubleValue();
  }

  @BeforeAll
  static void aggregateOnce() {
    spark = Spark.session("aggregate-test", "local[2]");
    ExperimentFolder.claim(TestFolders.of(dir), CONFIG);
    List<Row> rows = new ArrayList<>();
    long seed = 0;
    for (Setting s : SWEEP.settings()) {
      List<WidthLosses> widths = new ArrayList<>();
      for (int n : WIDTHS) {
        double m = median(n, points(s), high(s));
        double[] ok = new double[allDiverged(n, s) ? 0 : SPREAD.length];
        for (int i = 0; i < ok.length; i++) {
          ok[i] = SPREAD[i] * m;
          rows.add(runRow(n, seed++, s, "ok", ok[i]));
        }
        int diverged = allDiverged(n, s) ? 5 : n == 10 ? 1 : 0;
        for (int i = 0; i < diverged; i++) {
          rows.add(runRow(n, seed++, s, "diverged", Double.NaN));
        }
        widths.add(new WidthLosses(n, ok.length + diverged, ok));
      }
      LOSSES.put(s, List.copyOf(widths));
    }
    spark.createDataFrame(rows, RowCodec.schema(ResultTables.RUNS, SWEEP)).repartition(3).write()
        .partitionBy(Tables.RUNS_PARTITIONS).format("delta").save(TestFolders.path(dir, Tables.RUNS));
    written = AggregateJob.run(spark, dir.toString(), SETTINGS);
  }

  static Row runRow(int width, long seed, Setting setting, String status, double loss) {
    return RowCodec.encode(ResultTables.RUNS, SWEEP, setting, new RunRow("x2", "silu", width, seed,
        1, "synthetic", "test", status, loss, loss, 100, 0.01, new double[] {1}, new double[] {0},
        new double[] {1}, 0, new int[] {100}, new double[] {loss}));
  }

  /** A setting's group; every ok network's test loss is its train loss (runRow). */
  static LossGroup group(Setting s) {
    return new LossGroup("x2", "silu", LOSSES.get(s), s, LOSSES.get(s));
  }

  static List<Row> stored(Table<?> table) {
    return TestFolders.read(spark, dir, table.name()).collectAsList();
  }

  /** {@code rows} as Spark hands them back from a table of {@code schema}. */
  static List<Row> asStored(List<Row> rows, StructType schema) {
    return spark.createDataFrame(rows, schema).collectAsList();
  }

  static List<Row> sorted(List<Row> rows) {
    List<Row> out = new ArrayList<>(rows);
    out.sort(Comparator.comparing(Row::toString));
    return out;
  }

  /** Each setting's rows of {@code table}, computed from its losses alone, with its columns. */
  static <R extends Record> void assertPerSetting(Table<R> table, Function<LossGroup, List<R>> rows) {
    StructType schema = RowCodec.schema(table, SWEEP);
    List<Row> expected = new ArrayList<>();
    for (Setting s : LOSSES.keySet()) {
      for (R r : rows.apply(group(s))) {
        expected.add(RowCodec.encode(table, SWEEP, s, r));
      }
    }
    List<Row> actual = stored(table);
    assertEquals(schema.simpleString(),
        TestFolders.read(spark, dir, table.name()).schema().simpleString(), table.name());
    assertEquals(sorted(asStored(expected, schema)), sorted(actual), table.name());
    assertEquals(actual.size(), written.get(table.name()));
  }

  @Test
  void everyTableHoldsEachSettingsStatisticsOfItsRunsAlone() {
    assertPerSetting(ResultTables.LOSS_SUMMARY, g -> AggregateJob.summaryRows(g, SETTINGS));
    assertPerSetting(ResultTables.LOSS_HISTOGRAM, g -> AggregateJob.histogramRows(g, SETTINGS.bins()));
    assertPerSetting(ResultTables.LOSS_MODES, AggregateJob::modeRows);
    assertPerSetting(ResultTables.SYNERGY, g -> AggregateJob.synergyRows(g, SETTINGS));
    assertEquals(6 * 3, written.get(ResultTables.LOSS_SUMMARY.name()));
    assertEquals(5, written.get(ResultTables.SYNERGY.name())); // 20 from 10, but one has no 20
  }

  @Test
  void rowsAreSortedByTheTablesKeyThenTheSweepColumns() {
    for (Table<?> table : ResultTables.AGGREGATES) {
      List<String> order = new ArrayList<>(table.key());
      order.addAll(List.of(SweepColumns.names(SWEEP)));
      if (table == ResultTables.SCALING_FIT) {
        order.addAll(List.of("axis", "axis_min"));
      }
      assertEquals(TestFolders.read(spark, dir, table.name())
          .orderBy(order.stream().map(org.apache.spark.sql.functions::col)
              .toArray(org.apache.spark.sql.Column[]::new)).collectAsList(),
          stored(table), table.name());
    }
  }

  @Test
  void histogramBinsSpanTheLossesOfOneSetting() {
    List<Row> spans = TestFolders.read(spark, dir, ResultTables.LOSS_HISTOGRAM.name())
        .groupBy(SweepColumns.columns(SWEEP))
        .agg(org.apache.spark.sql.functions.min("log10_lo").as("lo"),
            org.apache.spark.sql.functions.max("log10_hi").as("hi"))
        .collectAsList();
    assertEquals(LOSSES.size(), spans.size());
    for (Row span : spans) {
      Setting s = SweepColumns.settingOf(span, SWEEP);
      double lowest = Double.POSITIVE_INFINITY;
      double highest = 0;
      for (WidthLosses w : LOSSES.get(s)) {
        if (w.ok() > 0) {
          lowest = Math.min(lowest, w.losses()[0]);
          highest = Math.max(highest, w.losses()[w.ok() - 1]);
        }
      }
      assertEquals(Math.log10(lowest), span.<Double>getAs("lo"), 1e-12, s.toString());
      assertEquals(Math.log10(highest), span.<Double>getAs("hi"), 1e-12, s.toString());
    }
  }

  /**
   * The resampling seed of every setting, from the formula in Seeds' documentation: that of the
   * unswept experiment, so a setting's fits are those of its networks as an experiment alone.
   */
  static long settingSeed(Setting s) {
    return Seeds.resampling(SETTINGS.seed(), "x2", "silu");
  }

  @Test
  void widthFitsArePerSettingWithTheUnsweptStream() {
    List<Row> expected = new ArrayList<>();
    for (Setting s : LOSSES.keySet()) {
      List<PowerLawFit> fits = PowerLawFit.fits(LOSSES.get(s), SETTINGS.resamples(), settingSeed(s));
      assertEquals(allDiverged(20, s) ? 2 : 4, fits.size(), s.toString());
      for (PowerLawFit f : fits) {
        assertEquals(1, f.alpha(), 1e-12);
        expected.add(RowCodec.encode(ResultTables.SCALING_FIT, SWEEP, s,
            new org.lotteryscaling.tables.ScalingFitRow("x2", "silu", f.kind().id(), f.widthMin(),
                f.widthMax(), f.widths(), f.alpha(), f.alphaLow(), f.alphaHigh(), f.prefactor(),
                f.resamples()),
            new FitAxis("width", f.widthMin(), f.widthMax(), f.widths())));
      }
    }
    StructType schema = RowCodec.schema(ResultTables.SCALING_FIT, SWEEP);
    assertEquals(List.of("target", "activation", "loss", "form", "kind", "width_min",
        "width_max", "widths", "alpha", "alpha_low", "alpha_high", "prefactor", "resamples",
        "prefactor_low", "prefactor_high", "offset", "offset_low", "offset_high",
        "data_prefactor", "data_prefactor_low", "data_prefactor_high", "beta", "beta_low",
        "beta_high", "objective", "converged", "unconverged", "held_out_error", "chosen", "axis",
        "axis_min", "axis_max", "axis_points", "data_points", "data_high", "data_low",
        "training_lr"), List.of(schema.fieldNames()));
    assertEquals(schema.simpleString(), TestFolders.read(spark, dir,
        ResultTables.SCALING_FIT.name()).schema().simpleString());
    List<Row> actual = TestFolders.read(spark, dir, ResultTables.SCALING_FIT.name())
        .filter("axis = 'width' AND " + POWER_OF_TRAIN).collectAsList();
    assertEquals(sorted(asStored(expected, schema)), sorted(actual));
    // Three widths: too few to score an offset law, so no selection and no offset row.
    assertEquals(0, TestFolders.read(spark, dir, ResultTables.SCALING_FIT.name())
        .filter("axis = 'width' AND (form <> 'power' OR chosen IS NOT NULL)").count());
  }

  static final String POWER_OF_TRAIN = "form = 'power' AND loss = 'train'";

  /** The power-law fits of the train loss along {@code axis}. */
  static List<Row> axisFits(String axis) {
    return axisFits(axis, ScalingFitRow.TRAIN);
  }

  static List<Row> axisFits(String axis, String loss) {
    return TestFolders.read(spark, dir, ResultTables.SCALING_FIT.name())
        .filter("axis = '" + axis + "' AND form = 'power' AND loss = '" + loss + "'")
        .orderBy("width_min", "kind", "axis_min", "data_high", "data_points").collectAsList();
  }

  @Test
  void theTestLossHasTheSameFitsWithStreamsOfItsOwn() {
    // Every test loss here is its train loss: the same fits, but the bootstrap draws apart.
    for (String axis : List.of("width", "data.points", "data.high")) {
      List<Row> train = axisFits(axis);
      List<Row> test = axisFits(axis, ScalingFitRow.TEST);
      assertEquals(train.size(), test.size(), axis);
      for (int i = 0; i < train.size(); i++) {
        for (String c : List.of("kind", "width_min", "axis_min", "alpha", "prefactor")) {
          assertEquals(train.get(i).<Object>getAs(c), test.get(i).<Object>getAs(c), axis + " " + c);
        }
      }
      assertNotEquals(train.stream().map(r -> r.<Double>getAs("alpha_low")).toList(),
          test.stream().map(r -> r.<Double>getAs("alpha_low")).toList(), axis);
    }
    List<Row> summary = stored(ResultTables.LOSS_SUMMARY);
    for (Row r : summary) {
      assertEquals(r.<Double>getAs("loss_median"), r.<Double>getAs("test_loss_median"));
    }
  }

  @Test
  void fitsAlongTheTrainingPointsAreExactAtEachWidthAndInputRange() {
    List<Row> rows = axisFits("data.points");
    assertEquals(3 * 2 * 3 - 1, rows.size()); // (all + 2 local) x 2 ranges x 3 widths, less a local
    for (Row r : rows) {
      int width = r.getAs("width_min");
      double high = r.getAs("data_high");
      assertEquals(width, (int) r.getAs("width_max"));
      assertEquals(1, (int) r.getAs("widths"));
      assertEquals(0.5, r.<Double>getAs("alpha"), 1e-12, r.toString());
      assertEquals(1, r.<Double>getAs("prefactor") / (0.1 / width / (high * high)), 1e-12);
      assertTrue(r.isNullAt(r.fieldIndex("data_points")), r.toString());
      assertEquals(-high, r.<Double>getAs("data_low"), 0);
      assertEquals(0.01, r.<Double>getAs("training_lr"), 0);
      boolean cut = width == 20 && high == 2; // 10000 points: no ok network
      if (r.<String>getAs("kind").equals("all")) {
        assertEquals(List.of(100.0, cut ? 1000.0 : 10000.0, cut ? 2 : 3),
            List.of(r.getAs("axis_min"), r.getAs("axis_max"), r.getAs("axis_points")));
      } else {
        assertEquals("local", r.getAs("kind"));
        assertEquals(2, (int) r.getAs("axis_points"));
        assertEquals(10, r.<Double>getAs("axis_max") / r.<Double>getAs("axis_min"), 1e-12);
      }
    }
    // The stream of a fit along an axis: the other keys' setting, the axis, the width.
    Row r = rows.stream().filter(x -> x.<Integer>getAs("width_min") == 10
        && x.<Double>getAs("data_high") == 2 && x.<String>getAs("kind").equals("all")).findFirst()
        .orElseThrow();
    Setting rest = new Setting(List.of(SettingKey.DATA_HIGH, SettingKey.DATA_LOW,
        SettingKey.TRAINING_LR), List.of(2.0, -2.0, 0.01));
    long seed = Seeds.combine(Seeds.combine(Seeds.combine(Seeds.resampling(SETTINGS.seed(), "x2",
        "silu"), Seeds.text(rest.toString())), Seeds.text("data.points")), 10);
    List<WidthLosses> losses = new ArrayList<>();
    for (double points : new double[] {100, 1000, 10000}) {
      Setting s = new Setting(SWEEP.keys(), List.of((long) points, 2.0, -2.0, 0.01));
      losses.add(LOSSES.get(s).get(1));
    }
    PowerLawFit.Along all = PowerLawFit.along(new double[] {100, 1000, 10000}, losses,
        SETTINGS.resamples(), seed).get(0);
    assertEquals(List.of(all.alpha(), all.alphaLow(), all.alphaHigh(), all.prefactor()),
        List.of(r.getAs("alpha"), r.getAs("alpha_low"), r.getAs("alpha_high"), r.getAs("prefactor")));
    assertTrue(all.alphaLow() < all.alphaHigh(), all.toString());
  }

  @Test
  void fitsAlongAZippedAxisLeaveAllItsKeysNull() {
    List<Row> rows = axisFits("data.high");
    assertEquals(2 * 3 * 3 - 2, rows.size()); // (all + local) x 3 point counts x 3 widths, less one pair
    for (Row r : rows) {
      int width = r.getAs("width_min");
      long points = r.<Integer>getAs("data_points");
      assertTrue(r.isNullAt(r.fieldIndex("data_high")) && r.isNullAt(r.fieldIndex("data_low")));
      assertEquals(2, r.<Double>getAs("alpha"), 1e-12, r.toString());
      assertEquals(1, r.<Double>getAs("prefactor") / (0.1 / width / Math.sqrt(points)), 1e-12);
      assertEquals(List.of(1.0, 2.0, 2), List.of(r.getAs("axis_min"), r.getAs("axis_max"),
          r.getAs("axis_points")));
      assertFalse(width == 20 && points == 10000, r.toString());
    }
    // training.lr has one value: nothing to fit along.
    assertEquals(List.of(), axisFits("training.lr"));
    // Power laws of both losses, and a joint law per input range and loss.
    assertEquals(2 * (22 + 17 + 16) + 2 * 2, written.get(ResultTables.SCALING_FIT.name()));
  }

  @Test
  void theTrainingPointsGiveAJointLawPerInputRangeAndLoss() {
    List<Row> joint = TestFolders.read(spark, dir, ResultTables.SCALING_FIT.name())
        .filter("form = 'joint'").collectAsList();
    assertEquals(4, joint.size());
    for (Row r : joint) {
      assertEquals(List.of("width,data.points", "all", 2, 20, 3, 100.0, 10000.0, 3),
          List.of(r.getAs("axis"), r.getAs("kind"), r.getAs("width_min"), r.getAs("width_max"),
              r.getAs("widths"), r.getAs("axis_min"), r.getAs("axis_max"), r.getAs("axis_points")));
      assertTrue(r.isNullAt(r.fieldIndex("data_points")), r.toString());
      assertFalse(r.isNullAt(r.fieldIndex("beta")) || r.isNullAt(r.fieldIndex("chosen")),
          r.toString());
    }
  }

  /**
   * The joint law of the stats tests (JointLawFitTest): E = 1e-3, A = 0.5, alpha = 1, B = 2,
   * beta = 0.7 over N = 2..32 by D = 100..10000, 30 seeds per cell with lognormal noise of
   * natural-log sd 0.3, data.points swept and nothing else.
   */
  @Test
  void aGridFromAJointLawGivesAJointRowAroundTheTruth() {
    double e = 1e-3;
    double a = 0.5;
    double alpha = 1;
    double b = 2;
    double beta = 0.7;
    Sweep sweep = ExperimentConfig.parse("""
        widths = [2, 4, 8, 16, 32]
        sweep { "data.points" = [100, 300, 1000, 3000, 10000] }
        """, "joint").sweep();
    org.lotteryscaling.stats.Synthetic synthetic = new org.lotteryscaling.stats.Synthetic(2);
    List<LossGroup> groups = new ArrayList<>();
    for (Setting s : sweep.settings()) {
      List<WidthLosses> widths = new ArrayList<>();
      for (int n : new int[] {2, 4, 8, 16, 32}) {
        widths.add(new WidthLosses(n, 30,
            synthetic.jointLaw(30, e, a, alpha, b, beta, n, points(s), 0.3)));
      }
      groups.add(new LossGroup("x2", "silu", widths, s));
    }
    AggregateSettings settings = new AggregateSettings(8, SETTINGS.resamples(), 3,
        AggregateSettings.DEFAULT_LAW_RESAMPLES);
    List<AggregateJob.SweptFit> joint = AggregateJob.fitRows(groups, sweep, settings).stream()
        .filter(f -> f.fit().form().equals(ScalingFitRow.JOINT)).toList();
    assertEquals(1, joint.size());
    ScalingFitRow r = joint.get(0).fit();
    assertEquals(List.of(ScalingFitRow.TRAIN, 2, 32, 5, settings.lawResamples()),
        List.of(r.loss(), r.widthMin(), r.widthMax(), r.widths(), r.resamples()));
    assertEquals(new FitAxis("width,data.points", 100, 10000, 5), joint.get(0).axis());
    assertTrue(joint.get(0).setting().isEmpty(), joint.get(0).setting().toString());
    assertTrue(r.offsetLow() <= e && e <= r.offsetHigh(), r.toString());
    assertTrue(r.prefactorLow() <= a && a <= r.prefactorHigh(), r.toString());
    assertTrue(r.alphaLow() <= alpha && alpha <= r.alphaHigh(), r.toString());
    assertTrue(r.dataPrefactorLow() <= b && b <= r.dataPrefactorHigh(), r.toString());
    assertTrue(r.betaLow() <= beta && beta <= r.betaHigh(), r.toString());
    assertTrue(r.converged(), r.toString());
    assertTrue(r.chosen(), r.toString());
  }

  @Test
  void anAxisOfNegativeOrRepeatedPositionsHasNoFit() {
    Sweep sweep = ExperimentConfig.parse("""
        widths = [2, 4]
        sweep { "data.low, data.high" = [[-1, 1], [-2, 2]], "data.points" = [100, 1000] }
        """, "negative").sweep();
    List<LossGroup> groups = new ArrayList<>();
    for (Setting s : sweep.settings()) {
      groups.add(new LossGroup("x2", "silu", List.of(new WidthLosses(2, 1, new double[] {1}),
          new WidthLosses(4, 1, new double[] {0.5})), s));
    }
    List<AggregateJob.SweptFit> fits = AggregateJob.fitRows(groups, sweep, SETTINGS);
    assertEquals(List.of("data.points", "width"), fits.stream().map(f -> f.axis().axis())
        .distinct().sorted().toList());
    Sweep.Axis repeated = new Sweep.Axis(List.of(SettingKey.DATA_HIGH, SettingKey.DATA_LOW),
        List.of(List.of(1.0, -1.0), List.of(1.0, -2.0)));
    assertTrue(repeated.fittable());
    assertFalse(AggregateJob.fittableAlong(repeated));
  }

  @Test
  void everySettingResamplesWithTheUnsweptSeed() {
    long unswept = Seeds.resampling(5, "x2", "relu");
    assertEquals(unswept, new LossGroup("x2", "relu", List.of()).seed(5));
    assertEquals(unswept,
        new LossGroup("x2", "relu", List.of(), Setting.parse("data.points=100")).seed(5));
    assertNotEquals(unswept, new LossGroup("x2", "silu", List.of()).seed(5));
    assertNotEquals(unswept, new LossGroup("x2", "relu", List.of()).seed(6));
  }

  @Test
  void runsWithoutTheSweepsColumnsGetOneLine(@TempDir Path other) {
    ExperimentFolder.claim(TestFolders.of(other), CONFIG);
    new SyntheticRuns().ok("x2", "silu", 2, 1e-3).write(spark, other);
    UserError e = assertThrows(UserError.class,
        () -> AggregateJob.run(spark, other.toString(), SETTINGS));
    assertTrue(e.getMessage().contains("has no column data_points"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }
}
