package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.cli.Lottery;
import org.lotteryscaling.results.ChildJvm;
import org.lotteryscaling.results.DeltaTables;
import org.lotteryscaling.results.MiniHdfs;
import org.lotteryscaling.results.S3Server;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.results.StandaloneCluster;
import org.lotteryscaling.results.StorageFolder;
import org.lotteryscaling.tables.ResultTables;
import org.lotteryscaling.task.ExperimentConfig;

/**
 * The whole pipeline on cluster storage, through the command line: {@code train} killed mid-job
 * and carried on, then {@code aggregate}, {@code analyze}, {@code report} and {@code sql} on the
 * same folder. On HDFS ({@link MiniHdfs}) a Spark standalone cluster loses an executor JVM; on S3
 * ({@link S3Server}, s3a://) the driver JVM is killed and the train resumed. Each ends with one
 * row per task equal to a clean local run's, Delta tables and a report on that file system. One
 * HDFS, one S3 server and one clean run for the class.
 */
@Tag("processes")
class StoragePipelineTest {
  static final String GRID = TrainCrashTest.GRID;
  static final String CHUNK = TrainCrashTest.CHUNK;
  static final int TASKS = 40;

  static MiniHdfs hdfs;
  static S3Server s3;
  static SparkSession spark;
  static Map<String, Row> clean;

  @TempDir static Path cleanDir;

  @BeforeAll
  static void startServers() throws Exception {
    long t0 = System.nanoTime();
    s3 = new S3Server();
    CompletableFuture<MiniHdfs> starting = CompletableFuture.supplyAsync(() -> {
      try {
        return new MiniHdfs();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    // As ClusterStorageTest: system properties for a session made from here on (and for
    // StorageFolder.of(uri)), the session's own Hadoop configuration for one that exists already.
    s3.sparkSettings().forEach(System::setProperty);
    spark = Spark.session("storage-pipeline-test", "local[2]");
    s3.hadoopSettings().forEach(spark.sparkContext().hadoopConfiguration()::set);
    hdfs = starting.join();
    s3.awaitReady(Duration.ofMinutes(2));
    System.out.printf("StoragePipelineTest: servers up in %d ms%n", millisSince(t0));
  }

  @AfterAll
  static void stopServers() {
    if (s3 != null) {
      s3.close();
      s3.sparkSettings().keySet().forEach(System::clearProperty);
    }
    if (hdfs != null) {
      hdfs.close();
    }
  }

  @Test
  void aStandaloneClusterLosingAnExecutorTrainsIntoHdfsAndEveryCommandWorksThere(@TempDir Path dir)
      throws Exception {
    String out = hdfs.uri("results/x");
    Path conf = writeGrid(dir);
    Path driverLog = dir.resolve("driver.log");
    long t0 = System.nanoTime();
    try (StandaloneCluster cluster = StandaloneCluster.start(dir, 2)) {
      Process driver = cluster.own(ChildJvm.start(driverLog, cluster.env(), cluster.driverFlags(),
          Lottery.class.getName(), "train", "--conf", conf.toString(), "--out", out,
          "--master", cluster.masterUrl(), "--chunk-neuron-steps", CHUNK));

      // Mid-job: a chunk is committed, more are to come. Kill one executor JVM (SIGKILL).
      TrainCrashTest.awaitCommit(StorageFolder.of(out), 1, driver, driverLog);
      ProcessHandle executor = cluster.executors().findFirst().orElseThrow(() ->
          new AssertionError("no executor process found: " + TrainCrashTest.tail(cluster.workerLog(0))));
      executor.destroyForcibly();
      assertTrue(driver.waitFor(300, TimeUnit.SECONDS), "driver did not finish: " + TrainCrashTest.tail(driverLog));
      assertEquals(0, driver.exitValue(), TrainCrashTest.tail(driverLog));
      String log = Files.readString(driverLog);
      assertTrue(log.contains(TASKS + " networks"), TrainCrashTest.tail(driverLog));
      assertTrue(log.contains("Lost executor"), "the driver saw no executor die: " + TrainCrashTest.tail(driverLog));
    }
    System.out.printf("StoragePipelineTest: standalone train into %s in %d ms%n", out, millisSince(t0));

    StorageFolder folder = StorageFolder.of(spark, out);
    Map<String, Row> rows = TrainJobTest.rowsByKey(spark, folder);  // fails on a duplicate
    assertEquals(TASKS, rows.size());
    TrainCrashTest.assertSameResults(clean(), rows);
    everyCommandWorksOn(out);
  }

  @Test
  void aDriverKilledOnS3ResumesAndEveryCommandWorksThere(@TempDir Path dir) throws Exception {
    String out = s3.uri("pipeline/x");
    Path conf = writeGrid(dir);
    Path driverLog = dir.resolve("driver.log");
    long t0 = System.nanoTime();
    Process driver = ChildJvm.start(driverLog, Map.of(), s3.jvmFlags(), Lottery.class.getName(),
        "train", "--conf", conf.toString(), "--out", out, "--master", "local[2]",
        "--chunk-neuron-steps", CHUNK);
    try {
      TrainCrashTest.awaitCommit(StorageFolder.of(out), 1, driver, driverLog);
      driver.destroyForcibly();  // SIGKILL: no shutdown hook, no cleanup
      assertTrue(driver.waitFor(30, TimeUnit.SECONDS));
    } finally {
      ChildJvm.killTree(driver);
    }
    System.out.printf("StoragePipelineTest: train on %s killed after %d ms%n", out, millisSince(t0));

    StorageFolder folder = StorageFolder.of(spark, out);
    Map<String, Row> before = TrainJobTest.rowsByKey(spark, folder);
    assertTrue(before.size() >= 1 && before.size() < TASKS, "committed before the kill: " + before.size());
    long t1 = System.nanoTime();
    TrainJob.Summary s = TrainJob.run(spark, ExperimentConfig.parse(GRID, "x"), folder,
        TrainJobTest.quiet(Long.parseLong(CHUNK)));
    System.out.printf("StoragePipelineTest: resumed on %s in %d ms%n", out, millisSince(t1));
    assertEquals(TASKS, s.tasks());
    assertEquals(before.size(), s.alreadyDone());
    assertEquals(TASKS - before.size(), s.trained());  // nothing committed was trained again
    Map<String, Row> after = TrainJobTest.rowsByKey(spark, folder);  // fails on a duplicate
    assertEquals(TASKS, after.size());
    before.forEach((key, row) -> assertEquals(row, after.get(key), key));  // committed rows untouched
    TrainCrashTest.assertSameResults(clean(), after);
    everyCommandWorksOn(out);
  }

  /**
   * A formula target's id (its canonical text, with {@code * / ^ ( ) ,} and a written space gone)
   * is a partition value of the runs table on local disk, HDFS and S3: train writes it, a second
   * train finds every task done, aggregate groups by it, and sql reads back exactly that text.
   */
  @Test
  void formulaTargetsArePartitionValuesOnLocalDiskHdfsAndS3(@TempDir Path dir) throws IOException {
    Path conf = Files.writeString(dir.resolve("formulas.conf"), String.join("\n",
        "name = formulas", "targets = [\"x^2 / (1 + x*x)\", \"min(x1, x2) * sin(x1)\"]",
        "activations = [silu]", "widths = [2]", "seeds = 2", "training.steps = 100",
        "data { points = 50, test-points = 50 }"));
    String local = dir.resolve("local").toUri().toString();
    for (String out : List.of(local, hdfs.uri("formulas"), s3.uri("formulas"))) {
      lottery("train", "--conf", conf.toString(), "--out", out, "--master", "local[2]");
      String again = lottery("train", "--conf", conf.toString(), "--out", out, "--master", "local[2]");
      assertTrue(again.contains("4 were there, 0 trained"), again);
      String sql = lottery("sql", "--results", out, "--master", "local[2]", "--format", "csv",
          "SELECT target, count(*) AS n FROM runs GROUP BY target ORDER BY target");
      assertEquals("target,n\n\"min(x1,x2)*sin(x1)\",2\nx^2/(1+x*x),2", sql.strip(), out + ": " + sql);
    }
    // the rest of the pipeline groups by the same text (one file system is enough for that)
    lottery("aggregate", "--results", local, "--master", "local[2]");
    String summaries = lottery("sql", "--results", local, "--master", "local[2]", "--format", "csv",
        "SELECT target FROM loss_summary ORDER BY target");
    assertEquals("target\n\"min(x1,x2)*sin(x1)\"\nx^2/(1+x*x)", summaries.strip(), summaries);
  }

  /**
   * aggregate, analyze, report and sql on {@code out}, in this JVM through the command line: each
   * writes its tables as Delta tables there, the report lands in out/report, and sql sees them.
   */
  private static void everyCommandWorksOn(String out) {
    long t0 = System.nanoTime();
    lottery("aggregate", "--results", out, "--master", "local[2]");
    long t1 = System.nanoTime();
    lottery("analyze", "--results", out, "--master", "local[2]");
    long t2 = System.nanoTime();
    String report = lottery("report", "--results", out, "--master", "local[2]");
    long t3 = System.nanoTime();
    String sql = lottery("sql", "--results", out, "--master", "local[2]", "--format", "csv",
        "SELECT (SELECT count(*) FROM runs) AS runs,"
            + " (SELECT count(*) FROM loss_summary) AS summaries,"
            + " (SELECT count(DISTINCT target, activation) FROM tickets) AS ticket_groups");
    System.out.printf("StoragePipelineTest: on %s aggregate %d ms, analyze %d ms, report %d ms, sql %d ms%n",
        out, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, millisSince(t3));

    StorageFolder folder = StorageFolder.of(spark, out);
    for (String table : ResultTables.ALL.stream().map(t -> t.name()).toList()) {
      StorageFolder t = folder.resolve(table);
      assertTrue(DeltaTables.isDelta(t), t + " is not a Delta table");
      assertTrue(t.resolve(DeltaTables.LOG).resolve(String.format("%020d.json", 0)).isFile(), t.toString());
    }
    // 1 target x 2 activations x 2 widths; both activations have width-2 networks.
    assertEquals("runs,summaries,ticket_groups\n" + TASKS + ",4,2", sql.strip(), sql);

    StorageFolder index = folder.resolve(ReportJob.REPORT_DIR).resolve("index.html");
    assertTrue(report.contains("report: " + index), report);
    String html = index.readString();
    assertTrue(html.contains("<html") && html.contains("figures/"), html.substring(0, Math.min(300, html.length())));
    List<StorageFolder> figures = folder.resolve(ReportJob.REPORT_DIR).resolve("figures").filesBelow();
    assertTrue(!figures.isEmpty(), "no figures in " + folder.resolve(ReportJob.REPORT_DIR));
    for (StorageFolder figure : figures) {
      assertTrue(figure.length() > 0, figure.toString());
      assertTrue(html.contains("figures/" + figure.name()), "index.html does not show " + figure);
    }
  }

  /** Runs a lottery command in this JVM; fails unless it exits 0; returns what it printed. */
  private static String lottery(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Lottery.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertEquals(0, code, String.join(" ", args) + ": " + err + out);
    return out.toString();
  }

  private static Path writeGrid(Path dir) throws IOException {
    return Files.writeString(dir.resolve("crash.conf"), GRID);
  }

  /** The grid trained cleanly once, locally, for both tests. */
  private static synchronized Map<String, Row> clean() {
    if (clean == null) {
      long t0 = System.nanoTime();
      clean = TrainCrashTest.clean(spark, ExperimentConfig.parse(GRID, "x"), cleanDir.resolve("clean"));
      System.out.printf("StoragePipelineTest: clean local run in %d ms%n", millisSince(t0));
    }
    return clean;
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
