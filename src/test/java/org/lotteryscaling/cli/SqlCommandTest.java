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
    String query = "SELECT kind, alpha, width_min FROM scaling_fit";
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

  @Test
  void badQueriesFoldersAndFormatsAreOneLineAndExitCodeTwo() {
    String[][] bad = {
      {"sql", "--results", dir.toString(), "SELEC 1"},
      {"sql", "--results", dir.toString(), "SELECT * FROM no_such_table"},
      {"sql", "--results", dir.toString(), "SELECT no_such_column FROM runs"},
      {"sql", "--results", dir.resolve("nope").toString(), "SELECT 1"},
      {"sql", "--results", dir.resolve("loss_summary").toString(), "SELECT 1"},
      {"sql", "--results", dir.toString(), "--format", "xml", "SELECT 1"},
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
  }
}
