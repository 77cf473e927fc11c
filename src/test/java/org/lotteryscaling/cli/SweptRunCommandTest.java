package org.lotteryscaling.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.cli.TrainOneCommandTest.Run;
import org.lotteryscaling.results.Spark;

/**
 * `lottery run` on a swept config, end to end: train writes the setting's columns, aggregate
 * fits along the swept axis, analyze writes every mechanism table per setting, the report draws
 * the axis and, per setting, the width law and the paper's figures. The fit along points is checked against the two medians read from runs by this test.
 */
class SweptRunCommandTest {
  @TempDir static Path dir;
  static Path results;
  static Run run;
  static SparkSession spark;

  @BeforeAll
  static void runTheWholePipelineOnce() throws IOException {
    Path conf = dir.resolve("swept.conf");
    Files.writeString(conf, String.join("\n",
        "name = swept", "targets = [x2]", "activations = [silu]", "widths = [2, 4]", "seeds = 6",
        "training { steps = 600, decay-every = 200 }", "sweep { \"data.points\" = [20, 80] }", ""));
    results = dir.resolve("results");
    run = TrainOneCommandTest.run("run", conf.toString(), "--out", results.toString(),
        "--master", "local[2]");
    spark = Spark.session("swept-run-command-test", "local[2]");
  }

  @Test
  void everyStepRunsAndTheTablesCarryTheSetting() {
    assertEquals(0, run.code(), run.err());
    assertFalse(run.err().contains("skipped"), run.err());
    assertEquals(2 * 2 * 6, count("SELECT * FROM runs"));
    assertEquals(6, count("SELECT * FROM runs WHERE data_points = 20 AND width = 2"));
    for (String table : List.of("loss_summary", "loss_modes")) {
      assertEquals(4, count("SELECT DISTINCT width, data_points FROM " + table), table);
    }
    // analyze's tickets: the width-2 networks of each setting, each row with its setting.
    assertEquals(2, count("SELECT DISTINCT data_points FROM tickets"));
    assertEquals(count("SELECT * FROM runs WHERE width = 2 AND status = 'ok'"),
        count("SELECT * FROM tickets"));
    // The width law per setting: one `all` fit over widths 2..4 for each number of points.
    assertEquals(2, count("SELECT * FROM scaling_fit WHERE axis = 'width' AND kind = 'all'"
        + " AND form = 'power' AND loss = 'train'"));
  }

  @Test
  void theFitAlongPointsIsTheSlopeBetweenTheTwoMediansOfRuns() {
    assertEquals(0, run.code(), run.err());
    for (int width : new int[] {2, 4}) {
      double[] medians = new double[2];
      int k = 0;
      for (int points : new int[] {20, 80}) {
        List<Row> losses = sql("SELECT train_loss FROM runs WHERE status = 'ok' AND width = "
            + width + " AND data_points = " + points);
        medians[k++] = RunCommandTest.median(losses.stream().mapToDouble(r -> r.getDouble(0)).toArray());
      }
      double alpha = -(Math.log10(medians[1]) - Math.log10(medians[0])) / (Math.log10(80) - Math.log10(20));
      List<Row> fit = sql("SELECT alpha, axis_min, axis_max, axis_points, data_points, width_min"
          + " FROM scaling_fit WHERE axis = 'data.points' AND kind = 'all' AND form = 'power'"
          + " AND loss = 'train' AND width_min = " + width);
      assertEquals(1, fit.size(), "width " + width);
      Row r = fit.get(0);
      assertEquals(alpha, r.getDouble(0), 1e-9 * Math.max(1, Math.abs(alpha)), "width " + width);
      assertEquals(20.0, r.getDouble(1));
      assertEquals(80.0, r.getDouble(2));
      assertEquals(2, r.getInt(3));
      assertTrue(r.isNullAt(4), "the axis's own column is null in a fit along it");
    }
  }

  @Test
  void theReportDrawsTheAxisAndEachSettingsWidthLaw() throws IOException {
    assertEquals(0, run.code(), run.err());
    String page = Files.readString(results.resolve("report/index.html"));
    assertTrue(page.contains("axis-data_points-x2-silu"), "no figure against data.points");
    assertTrue(page.contains("width-law-data_points_20") && page.contains("width-law-data_points_80"),
        "no width law per setting");
    assertTrue(page.contains("data.points=20") && page.contains("data.points=80"));
    for (String setting : List.of("data_points_20", "data_points_80")) {
      assertTrue(page.contains("fig2b-" + setting), "no figure 2b at " + setting);
      assertTrue(Files.exists(results.resolve("report/figures/" + setting + "/fig2b.svg")),
          "figure 2b's file at " + setting);
    }
  }

  @Test
  void analyzeAgainWritesTheSameTickets() {
    List<Row> before = sql("SELECT * FROM tickets ORDER BY data_points, seed");
    Run analyze = TrainOneCommandTest.run("analyze", "--results", results.toString(),
        "--master", "local[2]");
    assertEquals(0, analyze.code(), analyze.err());
    assertEquals(before, sql("SELECT * FROM tickets ORDER BY data_points, seed"));
  }

  private static long count(String query) {
    return sql("SELECT count(*) FROM (" + query + ")").get(0).getLong(0);
  }

  private static List<Row> sql(String query) {
    for (String t : List.of("runs", "loss_summary", "loss_modes", "scaling_fit", "tickets")) {
      spark.read().format("delta").load(results.resolve(t).toString()).createOrReplaceTempView(t);
    }
    return new ArrayList<>(spark.sql(query).collectAsList());
  }
}
