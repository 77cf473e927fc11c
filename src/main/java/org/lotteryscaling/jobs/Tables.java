package org.lotteryscaling.jobs;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

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
 * The result tables of one results folder and their schemas. Every table is a Delta Lake table
 * {@code DIR/<name>} (Parquet files under a transaction log, {@link DeltaTables}); DIR is any Hadoop
 * FileSystem URI ({@link StorageFolder}). The mechanism tables (neurons, tickets, algorithms,
 * algorithm_curves, ticket_pairs, ticket_correlation, distilled, ensembles) are documented at their
 * constants below.
 *
 * <h2>The results folder of a train ({@link TrainJob}, {@link ExperimentFolder})</h2>
 * <pre>
 *   DIR/experiment.conf     the resolved experiment (ExperimentConfig.canonical) and its config hash;
 *                           written once, whole, before the first row; a train of another config
 *                           on DIR is refused
 *   DIR/runs/_delta_log/    the runs table's transaction log: one commit per chunk
 *   DIR/runs/target=T/activation=A/part-*.parquet   its data files (only those the log names
 *                           are rows; a chunk a crash cut short leaves files no commit names)
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
 * one row of kind {@code all} over every width that has ok networks, one of kind {@code wide} over
 * those from N = 10 up when there are two (the paper's figure 1c range, N = 10..50, where the N^-1
 * law is claimed), and one row of kind {@code local} per pair of consecutive such widths (the local
 * exponent, where the ReLU change from N^-4 to a slower law shows). A (target, activation) with
 * fewer than two such widths has no rows.
 * <pre>
 *   target, activation  string
 *   kind          string   all | wide | local
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

  /** The columns that name a task: runs holds one row per value of these. */
  public static final String[] RUNS_KEY = {"target", "activation", "width", "seed"};

  // ---- Mechanism tables (AnalyzeJob, `lottery analyze`): derived from runs, overwritten on rerun.
  // Only networks with status ok are analysed. Rules and criteria: the mechanism package javadoc
  // of each class named below, and README.md "analyze".

  private static final DataType DOUBLES = createArrayType(DoubleType, false);

  /**
   * <h2>neurons</h2> (figure 2a; {@code mechanism.NeuronSymmetry}) One row per hidden neuron of every
   * network of width &gt;= the neuron minimum width (default 10).
   * <pre>
   *   target, activation  string
   *   width               int
   *   seed                long
   *   neuron              int            index in the network
   *   w                   array<double>  incoming weights (d)
   *   b, v                double         bias and output weight
   *   mirror_distance     double         distance from (-w, b) to the nearest other neuron's (w', b')
   *   mirror_partner      int            that neuron
   *   close               boolean        mirror_distance <= threshold
   *   threshold           double         0.5 x the network's median nearest-neighbour distance
   *   share               double         the network's share of neurons with close = true
   *   control_share       double         the same share for the independent Gaussian control
   *   symmetry_score      double         (share - control_share) / (1 - control_share)
   *   symmetric           boolean        symmetry_score >= 0.5
   * </pre>
   */
  public static final String NEURONS = "neurons";
  public static final StructType NEURONS_SCHEMA = schema(
      field("target", StringType), field("activation", StringType), field("width", IntegerType),
      field("seed", LongType), field("neuron", IntegerType), field("w", DOUBLES),
      field("b", DoubleType), field("v", DoubleType), field("mirror_distance", DoubleType),
      field("mirror_partner", IntegerType), field("close", DataTypes.BooleanType),
      field("threshold", DoubleType), field("share", DoubleType), field("control_share", DoubleType),
      field("symmetry_score", DoubleType), field("symmetric", DataTypes.BooleanType));

  /**
   * <h2>tickets</h2> (figure 2b-c; {@code mechanism.CanonicalPair, LossPeaks}) One row per width-2
   * network.
   * <pre>
   *   target, activation  string
   *   seed                long
   *   train_loss          double
   *   test_loss           double
   *   peak                int            its loss peak, 0 = lowest-loss peak (the lottery tickets)
   *   peak_log10_loss     double         log10 of that peak's mode
   *   w                   array<double>  2 x d, canonical neuron order (w1 before w2)
   *   b, v                array<double>  (b1, b2), (v1, v2) in that order
   *   c                   double
   *   w_residual          double         |w1 + w2|
   *   b_residual          double         |b1 - b2|
   *   v_residual          double         |v1 - v2|
   *   relative_residual   double         largest residual relative to its pair's magnitudes
   *   symmetric           boolean        relative_residual <= 0.1
   *   algorithm           int            its cluster in algorithms; null above the loss cut
   *   pc1, pc2            double         its coordinates on the algorithms' first two PCs; null likewise
   * </pre>
   */
  public static final String TICKETS = "tickets";
  public static final StructType TICKETS_SCHEMA = schema(
      field("target", StringType), field("activation", StringType), field("seed", LongType),
      field("train_loss", DoubleType), field("test_loss", DoubleType), field("peak", IntegerType),
      field("peak_log10_loss", DoubleType), field("w", DOUBLES), field("b", DOUBLES),
      field("v", DOUBLES), field("c", DoubleType), field("w_residual", DoubleType),
      field("b_residual", DoubleType), field("v_residual", DoubleType),
      field("relative_residual", DoubleType), field("symmetric", DataTypes.BooleanType),
      field("algorithm", IntegerType), field("pc1", DoubleType), field("pc2", DoubleType));

  /**
   * <h2>algorithms</h2> (appendix B; {@code mechanism.SwapClusters, Pca}) One row per cluster of the
   * width-2 networks with train_loss below the cut, numbered by increasing mean log10 loss.
   * <pre>
   *   target, activation  string
   *   algorithm           int
   *   networks            int            members
   *   share               double         members / clustered networks
   *   mean_params         array<double>  (w1, w2, b1, b2, v1, v2, c) mean of the aligned members
   *   pc1, pc2            double         the mean on the first two principal components
   *   mean_loss           double         mean train loss of the members
   *   median_loss         double
   *   symmetric           boolean        mean_params pass the tickets' symmetric rule
   *   relative_residual   double         of mean_params
   *   medoid_seed         long           the member nearest the mean (its curves are in algorithm_curves)
   *   clusters            int            k chosen (same on every row of the group)
   *   silhouette          double         mean silhouette of that k (NaN when k = 1)
   *   explained_variance  array<double>  share of variance of each principal component
   *   loss_cut            double         only networks with train_loss below this were clustered
   * </pre>
   */
  public static final String ALGORITHMS = "algorithms";
  public static final StructType ALGORITHMS_SCHEMA = schema(
      field("target", StringType), field("activation", StringType), field("algorithm", IntegerType),
      field("networks", IntegerType), field("share", DoubleType), field("mean_params", DOUBLES),
      field("pc1", DoubleType), field("pc2", DoubleType), field("mean_loss", DoubleType),
      field("median_loss", DoubleType), field("symmetric", DataTypes.BooleanType),
      field("relative_residual", DoubleType), field("medoid_seed", LongType),
      field("clusters", IntegerType), field("silhouette", DoubleType),
      field("explained_variance", DOUBLES), field("loss_cut", DoubleType));

  /**
   * <h2>algorithm_curves</h2> (figures 10, 11; {@code mechanism.ActivationCurves}) Each algorithm's
   * medoid network, neuron by neuron, on a grid of x over the data range (one input only).
   * <pre>
   *   target, activation  string
   *   algorithm           int
   *   neuron              int            0 or 1, in the order of mean_params
   *   x                   double
   *   pre_activation      double         w x + b
   *   post_activation     double         sigma(w x + b)
   * </pre>
   */
  public static final String ALGORITHM_CURVES = "algorithm_curves";
  public static final StructType ALGORITHM_CURVES_SCHEMA = schema(
      field("target", StringType), field("activation", StringType), field("algorithm", IntegerType),
      field("neuron", IntegerType), field("x", DoubleType), field("pre_activation", DoubleType),
      field("post_activation", DoubleType));

  /**
   * <h2>ticket_pairs</h2> (appendix C; {@code mechanism.TicketDecomposition}) One row per lottery
   * ticket (mirror pair of neurons) of each network of the ticket widths (default 10, 30, 50).
   * <pre>
   *   target, activation  string
   *   width               int
   *   seed                long
   *   ticket              int            rank by r2, 0 = best
   *   neuron_a, neuron_b  int
   *   mirror_distance     double
   *   w_a, w_b            array<double>  incoming weights (d)
   *   b_a, v_a, b_b, v_b  double
   *   r2                  double         R^2 of the best linear fit of the pair's function to the target
   *   fit_scale           double         that fit's alpha
   *   fit_offset          double         that fit's beta
   *   error_rms           double         RMS of the error function on the training points
   *   error_x             array<double>  grid of x (one input only; empty otherwise)
   *   error               array<double>  the error function alpha g + beta - y on that grid
   * </pre>
   */
  public static final String TICKET_PAIRS = "ticket_pairs";
  public static final StructType TICKET_PAIRS_SCHEMA = schema(
      field("target", StringType), field("activation", StringType), field("width", IntegerType),
      field("seed", LongType), field("ticket", IntegerType), field("neuron_a", IntegerType),
      field("neuron_b", IntegerType), field("mirror_distance", DoubleType), field("w_a", DOUBLES),
      field("b_a", DoubleType), field("v_a", DoubleType), field("w_b", DOUBLES),
      field("b_b", DoubleType), field("v_b", DoubleType), field("r2", DoubleType),
      field("fit_scale", DoubleType), field("fit_offset", DoubleType),
      field("error_rms", DoubleType), field("error_x", DOUBLES), field("error", DOUBLES));

  /**
   * <h2>ticket_correlation</h2> (appendix C) One row per network of the ticket widths.
   * <pre>
   *   target, activation  string
   *   width               int
   *   seed                long
   *   tickets             int            K pairs
   *   exact_pairing       boolean        the pairing is proven minimum-cost (see MirrorPairing)
   *   correlation         array<double>  K x K, row-major, tickets in rank order
   *   eigenvalues         array<double>  decreasing
   *   effective_tickets   double         (sum eigenvalues)^2 / sum eigenvalues^2
   * </pre>
   */
  public static final String TICKET_CORRELATION = "ticket_correlation";
  public static final StructType TICKET_CORRELATION_SCHEMA = schema(
      field("target", StringType), field("activation", StringType), field("width", IntegerType),
      field("seed", LongType), field("tickets", IntegerType),
      field("exact_pairing", DataTypes.BooleanType), field("correlation", DOUBLES),
      field("eigenvalues", DOUBLES), field("effective_tickets", DoubleType));

  /**
   * <h2>distilled</h2> (appendix D; {@code mechanism.Distillation}) One row per network of the
   * distill width (default 50): its best ticket copied into a width-2 network, (v, c) refit.
   * <pre>
   *   target, activation  string
   *   source_width        int
   *   seed                long
   *   source_train_loss   double         the wide network's own loss
   *   neuron_a, neuron_b  int            the ticket's neurons in the wide network
   *   ticket_r2           double
   *   w                   array<double>  2 x d (copied)
   *   b                   array<double>  2 (copied)
   *   v                   array<double>  2 (least squares)
   *   c                   double         (least squares)
   *   train_loss          double         distilled network's training MSE
   *   test_loss           double         its test MSE
   * </pre>
   */
  public static final String DISTILLED = "distilled";
  public static final StructType DISTILLED_SCHEMA = schema(
      field("target", StringType), field("activation", StringType),
      field("source_width", IntegerType), field("seed", LongType),
      field("source_train_loss", DoubleType), field("neuron_a", IntegerType),
      field("neuron_b", IntegerType), field("ticket_r2", DoubleType), field("w", DOUBLES),
      field("b", DOUBLES), field("v", DOUBLES), field("c", DoubleType),
      field("train_loss", DoubleType), field("test_loss", DoubleType));

  /**
   * <h2>ensembles</h2> ({@code mechanism.Ensemble}) One row per pair of trained networks of the same
   * half width (seeds 2k and 2k + 1), combined as a f_a + b f_b + c by least squares on the training
   * points.
   * <pre>
   *   target, activation      string
   *   half_width              int            N/2, the width of each member
   *   width                   int            N
   *   seed_a, seed_b          long
   *   loss_a, loss_b          double         members' training MSE (recomputed on the regenerated data)
   *   harmonic_loss           double         1 / (1/loss_a + 1/loss_b)
   *   ensemble_loss           double         training MSE of the fitted ensemble
   *   ensemble_over_harmonic  double         ensemble_loss / harmonic_loss
   *   weight_a, weight_b      double
   *   offset                  double
   *   test_loss               double         the ensemble's test MSE
   * </pre>
   */
  public static final String ENSEMBLES = "ensembles";
  public static final StructType ENSEMBLES_SCHEMA = schema(
      field("target", StringType), field("activation", StringType),
      field("half_width", IntegerType), field("width", IntegerType), field("seed_a", LongType),
      field("seed_b", LongType), field("loss_a", DoubleType), field("loss_b", DoubleType),
      field("harmonic_loss", DoubleType), field("ensemble_loss", DoubleType),
      field("ensemble_over_harmonic", DoubleType), field("weight_a", DoubleType),
      field("weight_b", DoubleType), field("offset", DoubleType), field("test_loss", DoubleType));

  /** Every mechanism table with its schema, in the order AnalyzeJob writes them. */
  public static final Map<String, StructType> MECHANISM_TABLES = orderedMap(
      NEURONS, NEURONS_SCHEMA, TICKETS, TICKETS_SCHEMA, ALGORITHMS, ALGORITHMS_SCHEMA,
      ALGORITHM_CURVES, ALGORITHM_CURVES_SCHEMA, TICKET_PAIRS, TICKET_PAIRS_SCHEMA,
      TICKET_CORRELATION, TICKET_CORRELATION_SCHEMA, DISTILLED, DISTILLED_SCHEMA,
      ENSEMBLES, ENSEMBLES_SCHEMA);

  private static StructType schema(StructField... fields) {
    return new StructType(fields);
  }

  private static Map<String, StructType> orderedMap(Object... keysAndValues) {
    Map<String, StructType> map = new LinkedHashMap<>();
    for (int k = 0; k < keysAndValues.length; k += 2) {
      map.put((String) keysAndValues[k], (StructType) keysAndValues[k + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

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

  /** The table {@code name} of a results folder, read as it is stored ({@link DeltaTables#read}). */
  public static Dataset<Row> read(SparkSession spark, StorageFolder resultsDir, String name) {
    return DeltaTables.read(spark, resultsDir.resolve(name), SCHEMAS.getOrDefault(name, MECHANISM_TABLES.get(name)));
  }

  public static Dataset<Row> readRuns(SparkSession spark, StorageFolder resultsDir) {
    return read(spark, resultsDir, RUNS);
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

  // Arrays, not java.util.List: Spark encodes array columns of rows built on executors (an RDD)
  // only from arrays or Scala sequences.
  private static Double[] boxed(double[] xs, int from, int to) {
    Double[] out = new Double[to - from];
    for (int k = from; k < to; k++) {
      out[k - from] = xs[k];
    }
    return out;
  }

  private static Integer[] boxed(int[] xs) {
    Integer[] out = new Integer[xs.length];
    for (int k = 0; k < xs.length; k++) {
      out[k] = xs[k];
    }
    return out;
  }
}
