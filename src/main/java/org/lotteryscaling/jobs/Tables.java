package org.lotteryscaling.jobs;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.nn.TrainResult;
import org.lotteryscaling.task.TaskKey;

/**
 * The result tables of one results folder and their schemas. Every table is a Parquet folder
 * {@code DIR/<name>} written through Spark's commit protocol.
 *
 * <h2>The results folder of a train ({@link TrainJob}, {@link ExperimentFolder})</h2>
 * <pre>
 *   DIR/experiment.conf     the resolved experiment (ExperimentConfig.canonical) and its config hash;
 *                           written once, atomically, before the first row; a train of another
 *                           config on DIR is refused
 *   DIR/.train.lock         OS lock held while a train runs (one writer per folder)
 *   DIR/runs/target=T/activation=A/part-*.parquet   the runs table below, one append job per chunk
 *   DIR/runs/_SUCCESS       written by the last chunk commit
 *   DIR/runs/_temporary/    a chunk in flight (or one a crash left: ignored by readers, replaced by
 *                           the next train)
 * </pre>
 *
 * <h2>runs</h2>
 * One row per trained network, partitioned by target and activation.
 * <pre>
 *   target        string         target id (x2, sin, mul3, ...)
 *   activation    string         silu, relu, leaky_relu, tanh
 *   width         int            hidden width N
 *   seed          long           seed index within the experiment
 *   input_dim     int            d
 *   config_hash   string         hash of the experiment config that produced the row
 *   code_version  string         version of this code that trained it
 *   status        string         ok | diverged
 *   train_loss    double         final training MSE (the paper's loss); non-finite if diverged
 *   test_loss     double         MSE on the test points; NaN if diverged
 *   steps         int            Adam steps taken
 *   seconds       double         wall time of the training
 *   w             array<double>  first-layer weights, N x d neuron-major (w[i * d + j])
 *   b             array<double>  first-layer biases, N
 *   v             array<double>  output weights, N
 *   c             double         output bias
 *   curve_step    array<int>     steps at which the training loss was sampled (log-spaced)
 *   curve_loss    array<double>  the training loss after that many steps
 * </pre>
 */
public final class Tables {
  private Tables() {}

  public static final String RUNS = "runs";

  public static final StructType RUNS_SCHEMA = new StructType(new StructField[] {
    field("target", StringType),
    field("activation", StringType),
    field("width", IntegerType),
    field("seed", LongType),
    field("input_dim", IntegerType),
    field("config_hash", StringType),
    field("code_version", StringType),
    field("status", StringType),
    field("train_loss", DoubleType),
    field("test_loss", DoubleType),
    field("steps", IntegerType),
    field("seconds", DoubleType),
    field("w", createArrayType(DoubleType, false)),
    field("b", createArrayType(DoubleType, false)),
    field("v", createArrayType(DoubleType, false)),
    field("c", DoubleType),
    field("curve_step", createArrayType(IntegerType, false)),
    field("curve_loss", createArrayType(DoubleType, false)),
  });

  /** The partition columns of runs, in order. */
  public static final String[] RUNS_PARTITIONS = {"target", "activation"};

  /** The row of runs for one trained network. */
  public static Row runRow(TaskKey key, TrainResult result, String configHash, String codeVersion) {
    Network n = result.network();
    return RowFactory.create(
        key.target().id(), key.activation().id(), key.width(), key.seedIndex(),
        n.dimension(), configHash, codeVersion, result.status().id(),
        result.trainLoss(), result.testLoss(), result.stepsDone(), result.seconds(),
        boxed(n.parameters(), 0, n.width() * n.dimension()),
        boxed(n.bVector(), 0, n.width()),
        boxed(n.vVector(), 0, n.width()),
        n.c(),
        boxed(result.curveSteps()),
        boxed(result.curveLoss(), 0, result.curveLoss().length));
  }

  /** The network stored in a row of runs. */
  public static Network network(Row row) {
    int d = row.getInt(row.fieldIndex("input_dim"));
    int n = row.getInt(row.fieldIndex("width"));
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
    theta[theta.length - 1] = row.getDouble(row.fieldIndex("c"));
    return Network.fromParameters(d, n, theta);
  }

  public static String path(Path resultsDir, String table) {
    return resultsDir.resolve(table).toString();
  }

  public static Dataset<Row> readRuns(SparkSession spark, Path resultsDir) {
    return spark.read().schema(RUNS_SCHEMA).parquet(path(resultsDir, RUNS));
  }

  private static StructField field(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }

  private static List<Double> boxed(double[] xs, int from, int to) {
    List<Double> out = new ArrayList<>(to - from);
    for (int k = from; k < to; k++) {
      out.add(xs[k]);
    }
    return out;
  }

  private static List<Integer> boxed(int[] xs) {
    List<Integer> out = new ArrayList<>(xs.length);
    for (int x : xs) {
      out.add(x);
    }
    return out;
  }
}
