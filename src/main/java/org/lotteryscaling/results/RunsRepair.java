package org.lotteryscaling.results;

import org.apache.spark.sql.SparkSession;

/**
 * Rewrites {@code DIR/runs} with one row per task when it holds a task twice (a table written
 * outside {@link TrainJob}, or merged by hand). Rows of the same task are the same training (a
 * task's result is a pure function of it), so any one may stay. The rewrite is one Delta commit:
 * readers see the old table or the repaired one, and a crash leaves the old one.
 */
public final class RunsRepair {
  private RunsRepair() {}

  public static void dropDuplicates(SparkSession spark, StorageFolder dir) {
    DeltaTables.overwrite(Tables.readRuns(spark, dir).dropDuplicates(Tables.RUNS_KEY),
        dir.resolve(Tables.RUNS), Tables.RUNS_PARTITIONS);
  }
}
