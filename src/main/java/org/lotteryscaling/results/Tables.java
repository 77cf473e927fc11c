package org.lotteryscaling.results;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.nn.TrainResult;
import org.lotteryscaling.tables.ResultTables;
import org.lotteryscaling.tables.RunRow;
import org.lotteryscaling.tables.Table;
import org.lotteryscaling.task.Sweep;
import org.lotteryscaling.task.TaskKey;

/**
 * Reading the tables of a results folder with Spark, and the runs table's rows. The tables
 * themselves (names, columns, meanings) are defined in {@link ResultTables}; rows go through
 * {@link RowCodec}.
 */
public final class Tables {
  private Tables() {}

  public static final String RUNS = ResultTables.RUNS.name();
  public static final StructType RUNS_SCHEMA = RowCodec.schema(ResultTables.RUNS);
  /** The partition columns of runs, in order. */
  public static final String[] RUNS_PARTITIONS =
      ResultTables.RUNS.partitions().toArray(String[]::new);
  /** The columns that name a task: runs holds one row per value of these. */
  public static final String[] RUNS_KEY = ResultTables.RUNS.key().toArray(String[]::new);

  /** The row of runs for one trained network, in runs' schema for its experiment's sweep. */
  public static Row runRow(TaskKey key, TrainResult result, String configHash, String codeVersion,
      Sweep sweep) {
    return RowCodec.encode(ResultTables.RUNS, sweep, key.setting(),
        runRowOf(key, result, configHash, codeVersion));
  }

  /** The row of runs for one trained network of an experiment without a sweep. */
  public static Row runRow(TaskKey key, TrainResult result, String configHash, String codeVersion) {
    return RowCodec.encode(runRowOf(key, result, configHash, codeVersion));
  }

  /** The runs row of one trained network as its record. */
  public static RunRow runRowOf(TaskKey key, TrainResult result, String configHash,
      String codeVersion) {
    Network n = result.network();
    double[] theta = n.parameters();
    return new RunRow(key.target().id(), key.activation().id(), key.width(),
        key.seedIndex(), n.dimension(), configHash, codeVersion, result.status().id(),
        result.trainLoss(), result.testLoss(), result.stepsDone(), result.seconds(),
        java.util.Arrays.copyOfRange(theta, 0, n.width() * n.dimension()), n.bVector(),
        n.vVector(), n.c(), result.curveSteps(), result.curveLoss());
  }

  /** The network stored in a row of runs (a row with at least input_dim, width, w, b, v, c). */
  public static Network network(Row row) {
    int d = row.<Integer>getAs("input_dim");
    int n = row.<Integer>getAs("width");
    List<Double> w = row.getList(row.fieldIndex("w"));
    List<Double> b = row.getList(row.fieldIndex("b"));
    List<Double> v = row.getList(row.fieldIndex("v"));
    double[] theta = new double[Network.parameterCount(d, n)];
    for (int k = 0; k < n * d; k++) {
      theta[k] = w.get(k);
    }
    for (int i = 0; i < n; i++) {
      theta[n * d + i] = b.get(i);
      theta[n * d + n + i] = v.get(i);
    }
    theta[theta.length - 1] = row.<Double>getAs("c");
    return Network.fromParameters(d, n, theta);
  }

  /**
   * The table {@code name} of a results folder, read as it is stored ({@link DeltaTables#read};
   * a plain Parquet table with its defined schema).
   */
  public static Dataset<Row> read(SparkSession spark, StorageFolder resultsDir, String name) {
    Table<?> table = ResultTables.named(name);
    return DeltaTables.read(spark, resultsDir.resolve(name),
        table == null ? null : RowCodec.schema(table));
  }

  public static Dataset<Row> readRuns(SparkSession spark, StorageFolder resultsDir) {
    return read(spark, resultsDir, RUNS);
  }
}
