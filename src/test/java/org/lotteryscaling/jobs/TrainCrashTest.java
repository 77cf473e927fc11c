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
import org.lotteryscaling.task.ExperimentConfig;

/**
 * Crashes in other processes: the driver killed mid-run and resumed; a Spark standalone cluster
 * (Master and two Workers from Spark's own classes, separate JVMs on 127.0.0.1) losing an
 * executor mid-job. Both must end with exactly one row per task, equal to a clean run's.
 */
@Tag("processes")
class TrainCrashTest {
  /** 2 activations x 2 widths x 10 seeds; each chunk (one task per core) commits on its own. */
  static final String GRID = String.join("\n",
      "name = crash", "targets = [x2]", "activations = [silu, leaky_relu]", "widths = [2, 4]",
      "seeds = 10", "data { points = 100, test-points = 50 }",
      "training { steps = 2000, decay-every = 500, curve-points = 6 }");
  static final String CHUNK = "400000";  // neuron-steps per core: one or two tasks per chunk

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
      awaitFile(out.resolve("runs/_SUCCESS"), driver, dir.resolve("driver.log"));
      // Best moment to kill: a task of the next chunk has committed, its job has not.
      long deadline = System.currentTimeMillis() + 10_000;
      while (!taskCommitted(out) && driver.isAlive() && System.currentTimeMillis() < deadline) {
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

    TrainJob.Summary s = TrainJob.run(spark, config, out, TrainJobTest.quiet(Long.parseLong(CHUNK)));
    assertEquals(40, s.tasks());
    assertEquals(before.size(), s.alreadyDone());
    assertEquals(40 - before.size(), s.trained());  // nothing committed was trained again
    Map<String, Row> after = TrainJobTest.rowsByKey(spark, out);  // fails on a duplicate
    assertEquals(40, after.size());
    assertEquals(40, Tables.readRuns(spark, out).count());
    // Committed rows are untouched, down to the wall time their training took.
    before.forEach((key, row) -> assertEquals(row, after.get(key), key));
    assertSameResults(clean(spark, config, dir.resolve("clean")), after);
  }

  @Test
  void aStandaloneClusterLosingAnExecutorMidJobStillWritesEveryTaskOnce(@TempDir Path dir)
      throws Exception {
    Path sparkHome = Files.createDirectories(dir.resolve("spark-home/jars"));
    Map<String, String> env = Map.of("SPARK_HOME", sparkHome.getParent().toString(),
        "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1");
    int masterPort = ChildJvm.freePort();
    String masterUrl = "spark://127.0.0.1:" + masterPort;
    List<Process> processes = new ArrayList<>();
    try {
      processes.add(ChildJvm.start(dir.resolve("master.log"), env, List.of(),
          "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
          String.valueOf(masterPort), "--webui-port", String.valueOf(ChildJvm.freePort())));
      ChildJvm.awaitPort(masterPort, 60_000);
      for (int w = 0; w < 2; w++) {
        processes.add(ChildJvm.start(dir.resolve("worker" + w + ".log"), env, List.of(),
            "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
            "--memory", "1g", "--webui-port", String.valueOf(ChildJvm.freePort()),
            "--work-dir", dir.resolve("work" + w).toString(), masterUrl));
      }
      Path conf = dir.resolve("crash.conf");
      Files.writeString(conf, GRID);
      Path out = dir.resolve("out");
      Path driverLog = dir.resolve("driver.log");
      Process driver = ChildJvm.start(driverLog, env, List.of(
          "-Dspark.executor.extraClassPath=" + ChildJvm.CLASSPATH,
          "-Dspark.executor.extraJavaOptions=" + String.join(" ", ChildJvm.sparkFlags()),
          "-Dspark.executor.memory=512m", "-Dspark.driver.host=127.0.0.1",
          "-Dspark.deploy.maxExecutorRetries=10"),
          Lottery.class.getName(), "train", "--conf", conf.toString(), "--out", out.toString(),
          "--master", masterUrl, "--chunk-neuron-steps", CHUNK);
      processes.add(driver);

      // Mid-job: a chunk is committed, more are to come. Kill one executor JVM (SIGKILL).
      awaitFile(out.resolve("runs/_SUCCESS"), driver, driverLog);
      ProcessHandle executor = executors(processes).findFirst()
          .orElseThrow(() -> new AssertionError("no executor process found: " + tail(dir.resolve("worker0.log"))));
      executor.destroyForcibly();
      assertTrue(driver.waitFor(240, TimeUnit.SECONDS), "driver did not finish: " + tail(driverLog));
      assertEquals(0, driver.exitValue(), tail(driverLog));
      String log = Files.readString(driverLog);
      assertTrue(log.contains("40 networks"), tail(driverLog));
      assertTrue(log.contains("Lost executor"), "the driver saw no executor die: " + tail(driverLog));

      SparkSession spark = TrainJobTest.spark();
      ExperimentConfig config = ExperimentConfig.parse(GRID, "x");
      Map<String, Row> rows = TrainJobTest.rowsByKey(spark, out);
      assertEquals(40, rows.size());
      assertEquals(40, Tables.readRuns(spark, out).count());
      assertSameResults(clean(spark, config, dir.resolve("clean")), rows);
    } finally {
      for (Process p : processes) {
        ChildJvm.killTree(p);
      }
    }
  }

  /** The executor JVMs: what the Workers (processes 1 and 2) started. */
  private static java.util.stream.Stream<ProcessHandle> executors(List<Process> processes) {
    return processes.subList(1, 3).stream().flatMap(Process::children).filter(ProcessHandle::isAlive);
  }

  private static Map<String, Row> clean(SparkSession spark, ExperimentConfig config, Path dir) {
    TrainJob.run(spark, config, dir, TrainJobTest.quiet(Long.MAX_VALUE / 4));
    return TrainJobTest.rowsByKey(spark, dir);
  }

  /** Every column but the wall time equal. */
  private static void assertSameResults(Map<String, Row> expected, Map<String, Row> actual) {
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

  private static boolean taskCommitted(Path out) {
    Path attempt = out.resolve("runs/_temporary/0");
    try (var entries = Files.list(attempt)) {
      return entries.anyMatch(p -> p.getFileName().toString().startsWith("task_"));
    } catch (Exception notThereYet) {
      return false;
    }
  }

  private static void awaitFile(Path file, Process driver, Path log) throws Exception {
    long deadline = System.currentTimeMillis() + 180_000;
    while (!Files.exists(file)) {
      if (!driver.isAlive()) {
        throw new AssertionError("driver exited (" + driver.exitValue() + ") before " + file + ": " + tail(log));
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("no " + file + " after 180 s: " + tail(log));
      }
      Thread.sleep(20);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (Exception e) {
      return "(no log: " + e + ")";
    }
  }
}
