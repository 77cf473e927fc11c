package org.lotteryscaling.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.TrainResult;
import org.lotteryscaling.nn.TrainSettings;
import org.lotteryscaling.task.DataSettings;
import org.lotteryscaling.task.Target;
import org.lotteryscaling.task.TaskKey;
import org.lotteryscaling.task.TaskRunner;
import org.lotteryscaling.task.TaskSettings;

class TablesTest {

  @Test
  void aRunRowRoundTripsThroughParquetBitForBit(@TempDir Path dir) {
    SparkSession spark = Spark.session("tables-test", "local[1]");
    TaskSettings settings = new TaskSettings(0, new DataSettings(50, 50, -2, 2, 0),
        TrainSettings.paper().withSteps(100));
    TaskKey key = new TaskKey(Target.MUL3, Activation.SILU, 4, 9);
    TrainResult result = TaskRunner.run(settings, key);
    Row row = Tables.runRow(key, result, "hash", "test");
    spark.createDataFrame(List.of(row), Tables.RUNS_SCHEMA).write()
        .partitionBy(Tables.RUNS_PARTITIONS).format("delta").save(TestFolders.path(dir, Tables.RUNS));
    List<Row> back = Tables.readRuns(spark, TestFolders.of(dir)).collectAsList();
    assertEquals(1, back.size());
    Row r = back.get(0);
    assertEquals("mul3", r.getString(r.fieldIndex("target")));
    assertEquals(9L, r.getLong(r.fieldIndex("seed")));
    assertEquals(result.trainLoss(), r.getDouble(r.fieldIndex("train_loss")), 0.0);
    assertEquals(result.network(), Tables.network(r));
    assertEquals(result.curveSteps().length, r.getList(r.fieldIndex("curve_step")).size());
  }
}
