package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.cli.Lottery;
import org.lotteryscaling.results.DeltaTables;
import org.lotteryscaling.results.ExperimentFolder;
import org.lotteryscaling.results.RowCodec;
import org.lotteryscaling.results.SqlQuery;
import org.lotteryscaling.results.Tables;
import org.lotteryscaling.results.TestFolders;
import org.lotteryscaling.tables.ResultTables;
import org.lotteryscaling.task.ExperimentConfig;
import org.lotteryscaling.task.TaskRunner;

/**
 * A results folder written before Delta (plain Parquet tables, as lottery-scaling 0.1 wrote them):
 * read as it is; refused for writing with one line naming the command; converted in place by
 * `lottery convert`, after which a train finds every task done and retrains nothing.
 */
class ConvertJobTest {

  /** The folder as 0.1 left it: experiment.conf, runs and loss_summary as plain Parquet. */
  static ExperimentConfig writePlainParquetFolder(SparkSession spark, Path dir) {
    ExperimentConfig config = ExperimentConfig.parse(TrainJobTest.TINY, "x");
    ExperimentFolder.claim(TestFolders.of(dir), config);
    List<Row> rows = config.tasks().stream().map(key -> Tables.runRow(key,
        TaskRunner.run(config.settings(), key), config.hash(), "lottery-scaling 0.1.0")).toList();
    spark.createDataFrame(rows, Tables.RUNS_SCHEMA).write().partitionBy(Tables.RUNS_PARTITIONS)
        .parquet(TestFolders.path(dir, Tables.RUNS));
    spark.createDataFrame(List.<Row>of(), RowCodec.schema(ResultTables.LOSS_SUMMARY)).write()
        .parquet(TestFolders.path(dir, ResultTables.LOSS_SUMMARY.name()));
    return config;
  }

  @Test
  void aPlainParquetFolderIsReadRefusedForWritingAndConvertedInPlace(@TempDir Path dir)
      throws Exception {
    SparkSession spark = TrainJobTest.spark();
    ExperimentConfig config = writePlainParquetFolder(spark, dir);
    Map<String, Row> before = TrainJobTest.rowsByKey(spark, dir);
    assertEquals(12, before.size());

    // Read as it is.
    SqlQuery.Result count = SqlQuery.run(spark, dir.toString(), "SELECT count(*) FROM runs");
    assertEquals(12L, count.rows().get(0).get(0));

    // Refused for writing, in one line that names the command, and left as it was.
    for (String[] args : List.of(
        new String[] {"train", "--conf", conf(dir).toString(), "--out", dir.toString()},
        new String[] {"aggregate", "--results", dir.toString()})) {
      StringWriter err = new StringWriter();
      int code = Lottery.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
      assertEquals(Lottery.USAGE_ERROR, code, err.toString());
      assertEquals(1, err.toString().strip().lines().count(), err.toString());
      assertTrue(err.toString().contains("lottery convert --results " + dir), err.toString());
    }
    assertFalse(Files.exists(dir.resolve("runs/_delta_log")));

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Lottery.execute(new PrintWriter(out, true), new PrintWriter(err, true),
        "convert", "--results", dir.toString(), "--master", "local[2]");
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("runs") && out.toString().contains("converted to Delta"), out.toString());
    assertTrue(DeltaTables.isDelta(TestFolders.of(dir).resolve(Tables.RUNS)));
    assertTrue(DeltaTables.isDelta(TestFolders.of(dir).resolve(ResultTables.LOSS_SUMMARY.name())));

    // The same rows, now through Delta; a train finds every task done.
    Map<String, Row> after = TrainJobTest.rowsByKey(spark, dir);
    assertEquals(before.keySet(), after.keySet());
    before.forEach((key, row) -> assertEquals(row.<Double>getAs("train_loss"),
        after.get(key).<Double>getAs("train_loss"), key));
    // Its rows are 0.1's: this code resumes them only when told to (--allow-code-change).
    TrainJob.Summary s = TrainJob.run(spark, config, TestFolders.of(dir), new TrainJob.Options(
        Long.MAX_VALUE / 4, null, 1.0, TrainJob.CODE_VERSION, true, new TrainJob.Control()));
    assertEquals(12, s.alreadyDone());
    assertEquals(0, s.trained());

    // Converting again changes nothing.
    out = new StringWriter();
    assertEquals(0, Lottery.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
        "convert", "--results", dir.toString(), "--master", "local[2]"));
    assertTrue(out.toString().contains("already Delta"), out.toString());
  }

  private static Path conf(Path dir) throws Exception {
    Path conf = dir.resolveSibling(dir.getFileName() + ".conf");
    Files.writeString(conf, TrainJobTest.TINY);
    return conf;
  }

}
