package org.lotteryscaling.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.cli.TrainOneCommandTest.Run;
import org.lotteryscaling.jobs.SyntheticRuns;
import org.lotteryscaling.results.Spark;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** `lottery aggregate` and `lottery sql` end to end over a small synthetic results folder. */
class SqlCommandTest {
  @TempDir static Path dir;
  static Run aggregate;

  static Run run(String... args) {
    return TrainOneCommandTest.run(args);
  }

  static List<String> lines(Run r) {
    return r.out().strip().lines().toList();
  }

  @BeforeAll
  static void aggregateASmallFolder() {
    SyntheticRuns runs = new SyntheticRuns();
    runs.ok("x2", "silu", 1, 0.4, 0.2, 0.1).ok("x2", "silu", 2, 0.05, 0.1, 0.025)
        .diverged("x2", "silu", 2, 1);
    runs.write(Spark.session("sql-command-test", "local[2]"), dir);
    aggregate = run("aggregate", "--results", dir.toString(), "--master", "local[2]", "--bootstrap", "50");
  }

  @Test
  void aggregateReportsEveryTableItWrote() {
    assertEquals(0, aggregate.code(), aggregate.err());
    for (String table : List.of("loss_summary", "loss_histogram", "loss_modes", "scaling_fit", "synergy")) {
      assertTrue(aggregate.out().contains(dir.resolve(table).toString()), aggregate.out());
    }
    assertTrue(aggregate.out().contains(" 2 rows"), aggregate.out());
  }

  @Test
  void everyTableIsAViewUnderItsName() {
    Run r = run("sql", "--results", dir.toString(), "--format", "csv", "SHOW VIEWS");
    assertEquals(0, r.code(), r.err());
    String out = r.out();
    for (String view : List.of("runs", "loss_summary", "loss_histogram", "loss_modes", "scaling_fit", "synergy")) {
      assertTrue(out.contains("," + view + ","), view + " in " + out);
    }
  }

  @Test
  void tableOutputIsAligned() {
    Run r = run("sql", "--results", dir.toString(),
        "SELECT width, networks, diverged, loss_median FROM loss_summary ORDER BY width");
    assertEquals(0, r.code(), r.err());
    List<String> lines = lines(r);
    assertEquals(List.of("width  networks  diverged  loss_median",
        "-----  --------  --------  -----------",
        "    1         3         0          0.2",
        "    2         4         1         0.05",
        "(2 rows)"), lines);
  }

  @Test
  void csvAndJsonCarryFullPrecisionAndNulls() {
    String query = "SELECT kind, alpha, width_min FROM scaling_fit WHERE form = 'power' AND loss = 'train'";
    Run csv = run("sql", "--results", dir.toString(), "--format", "csv", query);
    assertEquals(0, csv.code(), csv.err());
    // medians 0.2 at N = 1 and 0.05 at N = 2: alpha = log2(4) = 2.
    assertEquals("kind,alpha,width_min", lines(csv).get(0));
    assertTrue(lines(csv).get(1).matches("all,(2\\.0|1\\.99999+\\d*|2\\.0000+\\d*),1"), csv.out());
    Run json = run("sql", "--results", dir.toString(), "--format", "json",
        "SELECT width, peak_log10, lowest_peak_log10 FROM loss_modes WHERE width = 1",
        "UNION ALL SELECT 9, array(), CAST(NULL AS DOUBLE)");
    assertEquals(0, json.code(), json.err());
    assertEquals(2, lines(json).size(), json.out());
    assertTrue(lines(json).get(0).startsWith("{\"width\":1,\"peak_log10\":["), json.out());
    assertEquals("{\"width\":9,\"peak_log10\":[],\"lowest_peak_log10\":null}", lines(json).get(1));
    Run plain = run("sql", "--results", dir.toString(), "--format", "csv",
        "SELECT count(*) AS n FROM delta.`" + dir.resolve("loss_histogram") + "`");
    assertEquals(List.of("n", "80"), lines(plain));
  }

  /**
   * Two folders in one query: a second folder "other-run" of two networks whose loss_summary
   * carries a sweep's column (data_high), as a swept experiment's does.
   */
  @Test
  void severalFoldersAreQueriedByNameAndAsAUnionWithTheirExperiment(@TempDir Path second) {
    Path other = second.resolve("other-run");
    SparkSession spark = Spark.session("sql-command-test", "local[2]");
    new SyntheticRuns().ok("x2", "silu", 1, 0.8).ok("x2", "silu", 2, 0.3).write(spark, other);
    assertEquals(0, run("aggregate", "--results", other.toString(), "--master", "local[2]",
        "--bootstrap", "50").code());
    String summary = other.resolve("loss_summary").toString();
    spark.read().format("delta").load(summary).withColumn("data_high", functions.lit(1.0))
        .write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(summary);

    Run union = run("sql", "--results", "a=" + dir, "--results", other.toString(), "--format",
        "csv", "SELECT experiment, width, loss_median, data_high FROM loss_summary",
        "ORDER BY experiment, width");
    assertEquals(0, union.code(), union.err());
    assertEquals(List.of("experiment,width,loss_median,data_high", "a,1,0.2,", "a,2,0.05,",
        "other_run,1,0.8,1.0", "other_run,2,0.3,1.0"), lines(union));

    Run alone = run("sql", "--results", dir.toString(), "--format", "csv",
        "SELECT count(*) AS n FROM runs");
    Run byName = run("sql", "--results", "a=" + dir, "--results", other.toString(), "--format",
        "csv", "SELECT (SELECT count(*) FROM a.runs) AS n, (SELECT count(*) FROM other_run.runs)",
        "AS m, (SELECT count(*) FROM runs) AS both");
    assertEquals(0, byName.code(), byName.err());
    long n = Long.parseLong(lines(alone).get(1));
    assertEquals(n + "," + 2 + "," + (n + 2), lines(byName).get(1));

    Run experiments = run("sql", "--results", "a=" + dir, "--results", other.toString(),
        "--format", "csv", "SELECT experiment, folder FROM experiments ORDER BY experiment");
    assertEquals(0, experiments.code(), experiments.err());
    assertEquals(3, lines(experiments).size(), experiments.out());
    assertTrue(lines(experiments).get(1).startsWith("a,") && lines(experiments).get(1)
        .contains(dir.getFileName().toString()), experiments.out());
    assertTrue(lines(experiments).get(2).startsWith("other_run,"), experiments.out());
  }

  @Test
  void badQueriesFoldersAndFormatsAreOneLineAndExitCodeTwo() {
    String[][] bad = {
      {"sql", "--results", dir.toString(), "SELEC 1"},
      {"sql", "--results", dir.toString(), "SELECT * FROM no_such_table"},
      {"sql", "--results", dir.toString(), "SELECT no_such_column FROM runs"},
      {"sql", "--results", dir.resolve("nope").toString(), "SELECT 1"},
      {"sql", "--results", dir.resolve("loss_summary").toString(), "SELECT 1"},
      {"sql", "--results", dir.toString(), "--format", "xml", "SELECT 1"},
      {"sql", "--results", dir.toString(), "--results", dir.toString(), "SELECT 1"},
      {"sql", "--results", "default=" + dir, "SELECT 1"},
      {"sql", "--results", "a=" + dir, "--results", "a=" + dir.resolve("nope"), "SELECT 1"},
      {"aggregate", "--results", dir.resolve("nope").toString()},
      {"aggregate", "--results", dir.toString(), "--bins", "0"},
    };
    for (String[] args : bad) {
      Run r = run(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
      String err = r.err().strip();
      assertTrue(err.startsWith("lottery: "), err);
      assertFalse(err.contains("\n"), err);
      assertFalse(err.contains("Exception"), err);
    }
    assertTrue(run(bad[1]).err().contains("no_such_table"));
    assertTrue(run(bad[4]).err().contains("not a results folder"));
    assertTrue(run(bad[6]).err().contains("two results folders are named"), run(bad[6]).err());
    assertTrue(run(bad[7]).err().contains("reserved"), run(bad[7]).err());
  }
}
