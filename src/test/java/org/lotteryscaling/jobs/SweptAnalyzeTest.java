package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.mechanism.AnalyzeSettings;
import org.lotteryscaling.report.SweepFigures;
import org.lotteryscaling.results.ExperimentFolder;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.results.SweepColumns;
import org.lotteryscaling.results.Tables;
import org.lotteryscaling.results.TestFolders;
import org.lotteryscaling.stats.AggregateSettings;
import org.lotteryscaling.tables.FitAxis;
import org.lotteryscaling.tables.ResultTables;
import org.lotteryscaling.tables.Table;
import org.lotteryscaling.task.DataSettings;
import org.lotteryscaling.task.ExperimentConfig;
import org.lotteryscaling.task.Setting;
import org.lotteryscaling.task.Sweep;

/**
 * The strong check of a swept experiment's aggregate and analyze (local[2]): a two-setting sweep
 * over the input range is trained once; then each setting's runs, its sweep columns dropped, are
 * put in a folder of their own claimed by that setting's config without a sweep, and aggregated
 * and analysed as their own experiment. Every aggregate and mechanism table of the sweep, at each
 * setting and without its sweep columns, equals that folder's row for row.
 */
class SweptAnalyzeTest {
  private static final String GRID = """
      targets = [x2]
      activations = [silu]
      widths = [2, 10]
      seeds = 6
      data { points = 60, test-points = 30 }
      training { steps = 300, decay-every = 100, curve-points = 8 }
      """;
  private static final ExperimentConfig SWEPT = ExperimentConfig.parse(
      "name = ranges\n" + GRID + "sweep { \"data.high, data.low\" = [[1, -1], [2, -2]] }\n",
      "ranges");
  private static final AggregateSettings AGGREGATE = new AggregateSettings(8, 200, 3);
  /** Aggregate's and analyze's tables: every table but runs. */
  private static final List<Table<?>> DERIVED =
      ResultTables.ALL.stream().filter(t -> t != ResultTables.RUNS).toList();

  @TempDir static Path root;
  static SparkSession spark;
  static Path swept;
  static String printed;

  @BeforeAll
  static void trainOnceThenAggregateAndAnalyzeBothWays() {
    spark = Spark.session("swept-analyze-test", "local[2]");
    swept = root.resolve("swept");
    TrainJob.run(spark, SWEPT, TestFolders.of(swept), TrainJobTest.quiet(Long.MAX_VALUE / 4));
    AggregateJob.run(spark, swept.toString(), AGGREGATE);
    StringWriter out = new StringWriter();
    AnalyzeJob.run(spark, swept.toString(), analysis(SWEPT.settings().data()),
        new PrintWriter(out, true));
    printed = out.toString();
    Dataset<Row> runs = TestFolders.read(spark, swept, ResultTables.RUNS.name());
    for (Setting setting : SWEPT.sweep().settings()) {
      Path alone = alone(setting);
      ExperimentConfig config = aloneConfig(setting);
      ExperimentFolder.claim(TestFolders.of(alone), config);
      TestFolders.write(runs.filter(SweepColumns.matches(setting))
          .drop(SweepColumns.names(SWEPT.sweep())), alone, ResultTables.RUNS.name(),
          Tables.RUNS_PARTITIONS);
      AggregateJob.run(spark, alone.toString(), AGGREGATE);
      AnalyzeJob.run(spark, alone.toString(), analysis(config.settings().data()),
          new PrintWriter(new StringWriter(), true));
    }
  }

  /** The analyses sized for this grid: widths 10 for neurons, tickets and distillation. */
  static AnalyzeSettings analysis(DataSettings data) {
    AnalyzeSettings d = AnalyzeSettings.defaults(data);
    return new AnalyzeSettings(d.data(), d.leakySlope(),
        10, List.of(10), 10, d.ensembleHalfWidths(), 10.0, d.maxAlgorithms(), 21,
        d.peakBandwidth());
  }

  static Path alone(Setting setting) {
    return root.resolve("alone-" + SweepFigures.stem(setting));
  }

  /** The setting's experiment without a sweep: the grid with the range written in its data. */
  static ExperimentConfig aloneConfig(Setting setting) {
    double high = setting.values().get(0).doubleValue();
    double low = setting.values().get(1).doubleValue();
    return ExperimentConfig.parse("name = ranges\n" + GRID + String.format(Locale.ROOT,
        "data { high = %s, low = %s }%n", high, low), "ranges");
  }

  @Test
  void theSweepHasTwoSettingsOverTheRangeKeys() {
    assertEquals("data.high, data.low", String.join(", ",
        SWEPT.sweep().keys().stream().map(k -> k.key()).toList()));
    assertEquals(2, SWEPT.sweep().settings().size());
  }

  @Test
  void everyTableAtEachSettingEqualsThatSettingAnalysedAsItsOwnExperiment() {
    Sweep sweep = SWEPT.sweep();
    int compared = 0;
    for (Table<?> table : DERIVED) {
      Dataset<Row> all = TestFolders.read(spark, swept, table.name());
      for (String column : SweepColumns.names(sweep)) {
        assertTrue(List.of(all.columns()).contains(column), table.name() + " lacks " + column);
      }
      for (Setting setting : sweep.settings()) {
        Dataset<Row> own = TestFolders.read(spark, alone(setting), table.name());
        Dataset<Row> mine = all.filter(SweepColumns.matches(setting));
        if (table == ResultTables.SCALING_FIT) {
          mine = mine.filter(mine.col(FitAxis.AXIS_COLUMN).equalTo(FitAxis.WIDTH));
        }
        List<Row> expected = sorted(own.collectAsList());
        List<Row> got = sorted(mine.select(own.columns()[0], tail(own.columns())).collectAsList());
        assertEquals(expected.size(), got.size(), table.name() + " at " + setting);
        for (int i = 0; i < expected.size(); i++) {
          assertEquals(expected.get(i), got.get(i), table.name() + " at " + setting + " row " + i);
        }
        compared += expected.size();
      }
    }
    assertTrue(compared > 0);
  }

  @Test
  void theMechanismTablesHaveRowsAtEverySetting() {
    for (Table<?> table : List.of(ResultTables.NEURONS, ResultTables.TICKETS,
        ResultTables.ALGORITHMS, ResultTables.TICKET_PAIRS, ResultTables.TICKET_CORRELATION,
        ResultTables.DISTILLED, ResultTables.ENSEMBLES)) {
      Dataset<Row> rows = TestFolders.read(spark, swept, table.name());
      for (Setting setting : SWEPT.sweep().settings()) {
        assertTrue(rows.filter(SweepColumns.matches(setting)).count() > 0,
            table.name() + " at " + setting);
      }
    }
    assertFalse(printed.contains("skipped, "), printed);
    assertTrue(printed.contains("data_high"), "the summaries are per setting: " + printed);
  }

  private static String[] tail(String[] columns) {
    return Arrays.copyOfRange(columns, 1, columns.length);
  }

  /** Rows in a fixed order (their text), so two tables compare row for row. */
  private static List<Row> sorted(List<Row> rows) {
    List<Row> out = new ArrayList<>(rows);
    out.sort(Comparator.comparing(Row::toString));
    return out;
  }
}
