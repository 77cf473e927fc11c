package org.lotteryscaling.jobs;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <h2>Derived by AggregateJob</h2>
 * Written by {@code lottery aggregate} from runs, overwritten on every run (they are recomputable),
 * one Parquet file each, sorted by their key. The statistics and their rules are in the stats
 * package ({@code LossSummary}, {@code LossHistogram}, {@code LossModes}, {@code PowerLawFit},
 * {@code SynergyTest}). A network is <em>ok</em> when its status is {@code ok} and its train_loss
 * is a finite number >= 0; every other network counts as <em>diverged</em>: it is counted in
 * loss_summary and loss_modes (networks, diverged, lottery_rate's denominator) and left out of every
 * loss statistic. "loss" is train_loss. Undefined statistics (no ok network, one network's sd) are null.
 *
 * <h3>loss_summary</h3>
 * One row per (target, activation, width). Quantiles are type 7 (linear interpolation, R's and
 * NumPy's default).
 * <pre>
 *   target, activation  string
 *   width         int
 *   networks      long     networks in runs
 *   ok            long     networks that ended ok
 *   diverged      long     networks - ok
 *   loss_min, loss_q10, loss_q25, loss_median, loss_q75, loss_q90, loss_max   double
 *   log10_mean    double   mean of log10 loss
 *   log10_sd      double   sample standard deviation (n - 1) of log10 loss
 * </pre>
 *
 * <h3>loss_histogram</h3>
 * One row per (target, activation, width, bin): counts of log10 loss in equal-width bins that span
 * the smallest to the largest ok loss of all widths of the (target, activation), so bins are shared
 * across widths (figure 3). Bin k holds log10_lo <= log10 loss < log10_hi; the last bin also holds
 * its upper edge. Every width has every bin, empty ones with count 0.
 * <pre>
 *   target, activation  string
 *   width         int
 *   bin           int      0 .. bins - 1
 *   log10_lo      double   lower edge
 *   log10_hi      double   upper edge
 *   count         long     ok networks in the bin
 *   fraction      double   count / ok of the width (null when ok = 0)
 * </pre>
 *
 * <h3>loss_modes</h3>
 * One row per (target, activation, width): the peaks of a Gaussian kernel density of log10 loss
 * (Silverman's bandwidth; peaks with prominence >= 5% of the density's maximum; see LossModes).
 * <pre>
 *   target, activation  string
 *   width            int
 *   networks         long
 *   ok               long
 *   bandwidth        double          kernel bandwidth in decades (0: point mass; null: no ok network)
 *   peaks            int             number of peaks (0 without ok networks)
 *   peak_log10       array<double>   peak locations (log10 loss), ascending
 *   peak_networks    array<long>     ok networks in each peak (split at the density's valleys)
 *   lowest_peak_log10  double        the lowest-loss peak (the lottery tickets); null without peaks
 *   lowest_peak_loss   double        10^lowest_peak_log10
 *   lottery_networks   long          networks in the lowest-loss peak
 *   lottery_rate       double        lottery_networks / networks (diverged included)
 * </pre>
 *
 * <h3>scaling_fit</h3>
 * median loss ~ prefactor * N^-alpha by least squares in log10-log10, with a 95% percentile
 * bootstrap interval (seeds resampled within each width; see PowerLawFit). Per (target, activation):
 * one row of kind {@code all} over every width that has ok networks, and one row of kind
 * {@code local} per pair of consecutive such widths (the local exponent, where the ReLU change from
 * N^-4 to a slower law shows). A (target, activation) with fewer than two such widths has no rows.
 * <pre>
 *   target, activation  string
 *   kind          string   all | local
 *   width_min     int      smallest width of the fit
 *   width_max     int      largest width of the fit
 *   widths        int      widths in the fit (2 for local)
 *   alpha         double   exponent fitted to the medians
 *   alpha_low     double   2.5% bootstrap quantile
 *   alpha_high    double   97.5% bootstrap quantile
 *   prefactor     double   10^intercept
 *   resamples     int      bootstrap replicates
 * </pre>
 *
 * <h3>synergy</h3>
 * One row per (target, activation, width N) whose N/2 is in the grid with ok networks at both
 * widths: two-network ensembles 1/(1/L1 + 1/L2) resampled from the N/2 losses against the trained
 * width-N losses (section 4; rule in SynergyTest).
 * <pre>
 *   target, activation  string
 *   width           int      N
 *   half_width      int      N/2
 *   pairs           int      resampled ensembles (= ok networks at N/2)
 *   trained         int      ok networks at N
 *   ensemble_median double   median loss of the ensembles
 *   trained_median  double   median loss of the trained width-N networks
 *   log10_ratio     double   log10(trained_median / ensemble_median); below 0: N beats ensembling
 *   ks_statistic    double   two-sample Kolmogorov-Smirnov D
 *   p_value         double   its asymptotic p-value
 *   verdict         string   synergy | ensembling | worse_than_ensembling | undetermined
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

  public static final String LOSS_SUMMARY = "loss_summary";
  public static final String LOSS_HISTOGRAM = "loss_histogram";
  public static final String LOSS_MODES = "loss_modes";
  public static final String SCALING_FIT = "scaling_fit";
  public static final String SYNERGY = "synergy";

  public static final StructType LOSS_SUMMARY_SCHEMA = new StructType(new StructField[] {
    field("target", StringType),
    field("activation", StringType),
    field("width", IntegerType),
    field("networks", LongType),
    field("ok", LongType),
    field("diverged", LongType),
    field("loss_min", DoubleType),
    field("loss_q10", DoubleType),
    field("loss_q25", DoubleType),
    field("loss_median", DoubleType),
    field("loss_q75", DoubleType),
    field("loss_q90", DoubleType),
    field("loss_max", DoubleType),
    field("log10_mean", DoubleType),
    field("log10_sd", DoubleType),
  });

  public static final StructType LOSS_HISTOGRAM_SCHEMA = new StructType(new StructField[] {
    field("target", StringType),
    field("activation", StringType),
    field("width", IntegerType),
    field("bin", IntegerType),
    field("log10_lo", DoubleType),
    field("log10_hi", DoubleType),
    field("count", LongType),
    field("fraction", DoubleType),
  });

  public static final StructType LOSS_MODES_SCHEMA = new StructType(new StructField[] {
    field("target", StringType),
    field("activation", StringType),
    field("width", IntegerType),
    field("networks", LongType),
    field("ok", LongType),
    field("bandwidth", DoubleType),
    field("peaks", IntegerType),
    field("peak_log10", createArrayType(DoubleType, false)),
    field("peak_networks", createArrayType(LongType, false)),
    field("lowest_peak_log10", DoubleType),
    field("lowest_peak_loss", DoubleType),
    field("lottery_networks", LongType),
    field("lottery_rate", DoubleType),
  });

  public static final StructType SCALING_FIT_SCHEMA = new StructType(new StructField[] {
    field("target", StringType),
    field("activation", StringType),
    field("kind", StringType),
    field("width_min", IntegerType),
    field("width_max", IntegerType),
    field("widths", IntegerType),
    field("alpha", DoubleType),
    field("alpha_low", DoubleType),
    field("alpha_high", DoubleType),
    field("prefactor", DoubleType),
    field("resamples", IntegerType),
  });

  public static final StructType SYNERGY_SCHEMA = new StructType(new StructField[] {
    field("target", StringType),
    field("activation", StringType),
    field("width", IntegerType),
    field("half_width", IntegerType),
    field("pairs", IntegerType),
    field("trained", IntegerType),
    field("ensemble_median", DoubleType),
    field("trained_median", DoubleType),
    field("log10_ratio", DoubleType),
    field("ks_statistic", DoubleType),
    field("p_value", DoubleType),
    field("verdict", StringType),
  });

  /** Every table whose schema is known here, by name, in the order the jobs write them. */
  public static final Map<String, StructType> SCHEMAS = schemas(
      RUNS, RUNS_SCHEMA,
      LOSS_SUMMARY, LOSS_SUMMARY_SCHEMA,
      LOSS_HISTOGRAM, LOSS_HISTOGRAM_SCHEMA,
      LOSS_MODES, LOSS_MODES_SCHEMA,
      SCALING_FIT, SCALING_FIT_SCHEMA,
      SYNERGY, SYNERGY_SCHEMA);

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

  private static Map<String, StructType> schemas(Object... nameThenSchema) {
    Map<String, StructType> out = new LinkedHashMap<>();
    for (int i = 0; i < nameThenSchema.length; i += 2) {
      out.put((String) nameThenSchema[i], (StructType) nameThenSchema[i + 1]);
    }
    return Collections.unmodifiableMap(out);
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
