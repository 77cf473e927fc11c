package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.cli.Lottery;
import org.lotteryscaling.results.ChildJvm;
import org.lotteryscaling.results.DeltaTables;
import org.lotteryscaling.results.StorageFolder;
import org.lotteryscaling.results.Tables;
import org.lotteryscaling.results.TestFolders;
import org.lotteryscaling.task.ExperimentConfig;

/**
 * Crashes and races in other processes: the driver killed mid-run and resumed; two trains started
 * at once on one folder. Each must end with exactly one row per task, equal to a clean run's. A
 * Spark standalone cluster losing an executor mid-job, and a driver killed on S3, are in
 * {@link StoragePipelineTest}, on HDFS and S3.
 */
@Tag("processes")
class TrainCrashTest {
  /** 2 activations x 2 widths x 10 seeds; each chunk (several tasks per core) commits on its own. */
  static final String GRID = String.join("\n",
      "name = crash", "targets = [x2]", "activations = [silu, leaky_relu]", "widths = [2, 4]",
      "seeds = 10", "data { points = 100, test-points = 50 }",
      "training { steps = 2000, decay-every = 500, curve-points = 6 }");
  static final String CHUNK = "4000000";  // neuron-steps per core: 3 commits on 2 cores, 6 on 1

  @Test
  void aDriverKilledAfterACommitResumesWithoutDuplicatesGapsOrRetraining(@TempDir Path dir)
      throws Exception {
    Path conf = dir.resolve("crash.conf");
    Files.writeString(conf, GRID);
    Path out = dir.resolve("out");
    Process driver = ChildJvm.start(dir.resolve("driver.log"), Map.of(), List.of(),
        Lottery.class.getName(), "train", "--conf", conf.toString(), "--out", out.toString(),
        "--master", "local[2]", "--chunk-neuron-steps", CHUNK);
    try {
      awaitCommit(TestFolders.of(out), 1, driver, dir.resolve("driver.log"));
      // Best moment to kill: the next chunk is training or committing (its data files written,
      // its log entry not yet).
      long deadline = System.currentTimeMillis() + 10_000;
      while (!dataFileOfNextChunk(out) && driver.isAlive() && System.currentTimeMillis() < deadline) {
        Thread.sleep(2);
      }
      driver.destroyForcibly();  // SIGKILL: no shutdown hook, no cleanup
      assertTrue(driver.waitFor(30, TimeUnit.SECONDS));
    } finally {
      ChildJvm.killTree(driver);
    }

    SparkSession spark = TrainJobTest.spark();
    ExperimentConfig config = ExperimentConfig.parse(GRID, "x");
    Map<String, Row> before = TrainJobTest.rowsByKey(spark, out);
    assertTrue(before.size() >= 1 && before.size() < 40, "committed before the kill: " + before.size());

    TrainJob.Summary s = TrainJob.run(spark, config, TestFolders.of(out), TrainJobTest.quiet(Long.parseLong(CHUNK)));
    assertEquals(40, s.tasks());
    assertEquals(before.size(), s.alreadyDone());
    assertEquals(40 - before.size(), s.trained());  // nothing committed was trained again
    Map<String, Row> after = TrainJobTest.rowsByKey(spark, out);  // fails on a duplicate
    assertEquals(40, after.size());
    assertEquals(40, Tables.readRuns(spark, TestFolders.of(out)).count());
    // Committed rows are untouched, down to the wall time their training took.
    before.forEach((key, row) -> assertEquals(row, after.get(key), key));
    assertSameResults(clean(spark, config, dir.resolve("clean")), after);
  }

  @Test
  void twoTrainsStartedAtOnceOnOneFolderEndWithOneRowPerTask(@TempDir Path dir) throws Exception {
    Path conf = dir.resolve("crash.conf");
    Files.writeString(conf, GRID);
    Path out = dir.resolve("out");
    List<Process> drivers = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        drivers.add(ChildJvm.start(dir.resolve("driver" + i + ".log"), Map.of(), List.of(),
            Lottery.class.getName(), "train", "--conf", conf.toString(), "--out", out.toString(),
            "--master", "local[2]", "--chunk-neuron-steps", CHUNK));
      }
      for (int i = 0; i < 2; i++) {
        Path log = dir.resolve("driver" + i + ".log");
        assertTrue(drivers.get(i).waitFor(600, TimeUnit.SECONDS), "driver " + i + ": " + tail(log));
        assertEquals(0, drivers.get(i).exitValue(), "driver " + i + ": " + tail(log));
        assertTrue(Files.readString(log).contains("40 networks"), tail(log));
      }
    } finally {
      drivers.forEach(ChildJvm::killTree);
    }
    SparkSession spark = TrainJobTest.spark();
    Map<String, Row> rows = TrainJobTest.rowsByKey(spark, out);  // fails on a duplicate
    assertEquals(40, rows.size());
    assertEquals(40, Tables.readRuns(spark, TestFolders.of(out)).count());
    assertSameResults(clean(spark, ExperimentConfig.parse(GRID, "x"), dir.resolve("clean")), rows);
  }

  /** A clean run of {@code config} in one chunk, in this JVM: the rows every crash must end with. */
  static Map<String, Row> clean(SparkSession spark, ExperimentConfig config, Path dir) {
    TrainJob.run(spark, config, TestFolders.of(dir), TrainJobTest.quiet(Long.MAX_VALUE / 4));
    return TrainJobTest.rowsByKey(spark, dir);
  }

  /** Every column but the wall time equal. */
  static void assertSameResults(Map<String, Row> expected, Map<String, Row> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((key, e) -> {
      Row a = actual.get(key);
      for (String column : Tables.RUNS_SCHEMA.fieldNames()) {
        if (!column.equals("seconds")) {
          assertEquals(Optional.ofNullable(e.get(e.fieldIndex(column))).map(Object::toString),
              Optional.ofNullable(a.get(a.fieldIndex(column))).map(Object::toString), key + " " + column);
        }
      }
    });
  }

  /** A data file under runs that is newer than the last commit: the next chunk is on its way. */
  private static boolean dataFileOfNextChunk(Path out) {
    try (var log = Files.list(out.resolve("runs/_delta_log"));
        var data = Files.walk(out.resolve("runs/target=x2"))) {
      long lastCommit = log.filter(p -> p.toString().endsWith(".json"))
          .mapToLong(p -> p.toFile().lastModified()).max().orElse(Long.MAX_VALUE);
      return data.filter(p -> p.toString().endsWith(".parquet"))
          .anyMatch(p -> p.toFile().lastModified() > lastCommit);
    } catch (Exception notThereYet) {
      return false;
    }
  }

  /** Waits until the runs table of {@code out} has commit {@code version} (0 creates the table). */
  static void awaitCommit(StorageFolder out, int version, Process driver, Path log) throws Exception {
    StorageFolder commit = out.resolve(Tables.RUNS).resolve(DeltaTables.LOG)
        .resolve(String.format("%020d.json", version));
    long deadline = System.currentTimeMillis() + 180_000;
    while (!commit.exists()) {
      if (!driver.isAlive()) {
        throw new AssertionError("driver exited (" + driver.exitValue() + ") before " + commit + ": " + tail(log));
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("no " + commit + " after 180 s: " + tail(log));
      }
      Thread.sleep(20);
    }
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (Exception e) {
      return "(no log: " + e + ")";
    }
  }
}
