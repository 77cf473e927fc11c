package org.lotteryscaling.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lotteryscaling.results.RowCodec;
import org.lotteryscaling.results.Tables;
import org.lotteryscaling.results.TestFolders;
import org.lotteryscaling.tables.RunRow;

/** A runs table built row by row from chosen losses, written like the train job writes it. */
public final class SyntheticRuns {
  private final List<Row> rows = new ArrayList<>();
  private long nextSeed;

  /** One ok network per loss. */
  public SyntheticRuns ok(String target, String activation, int width, double... losses) {
    for (double loss : losses) {
      add(target, activation, width, "ok", loss);
    }
    return this;
  }

  /** {@code count} diverged networks (NaN loss). */
  public SyntheticRuns diverged(String target, String activation, int width, int count) {
    for (int i = 0; i < count; i++) {
      add(target, activation, width, "diverged", Double.NaN);
    }
    return this;
  }

  /** A row with any status and loss, for the rules on what counts as ok. */
  public SyntheticRuns add(String target, String activation, int width, String status, double loss) {
    rows.add(RowCodec.encode(new RunRow(target, activation, width, nextSeed++, 1, "synthetic",
        "test", status, loss, loss, 100, 0.01, new double[] {1}, new double[] {0},
        new double[] {1}, 0, new int[] {100}, new double[] {loss})));
    return this;
  }

  public int size() {
    return rows.size();
  }

  public void write(SparkSession spark, Path dir) {
    spark.createDataFrame(rows, Tables.RUNS_SCHEMA).repartition(3).write()
        .partitionBy(Tables.RUNS_PARTITIONS).format("delta").save(TestFolders.path(dir, Tables.RUNS));
  }
}
