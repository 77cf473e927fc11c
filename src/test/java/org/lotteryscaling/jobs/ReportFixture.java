package org.lotteryscaling.jobs;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.lotteryscaling.report.ReportTables.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.report.ClaimsTable;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.nn.TrainResult;
import org.lotteryscaling.nn.TrainSettings;
import org.lotteryscaling.task.DataSettings;
import org.lotteryscaling.task.Target;
import org.lotteryscaling.task.TaskKey;
import org.lotteryscaling.task.TaskRunner;
import org.lotteryscaling.task.TaskSettings;

/**
 * A small but real results folder for report and notebook tests: networks really trained (short
 * schedule, few seeds) into runs, and every derived table the report reads, computed here from
 * those networks by simple rules (the aggregate and analyze jobs own the real rules) and written
 * as Parquet with the column names of ReportTables. Built once per JVM.
 */
final class ReportFixture {
  private ReportFixture() {}

  static final TaskSettings SETTINGS = new TaskSettings(0, new DataSettings(100, 100, -2, 2, 0),
      TrainSettings.paper().withSteps(600));
  static final double[] GRID = grid(41);

  private static Path folder;

  /** The fixture's results folder with every table. */
  static synchronized Path folder() {
    if (folder == null) {
      try {
        Path dir = Files.createTempDirectory("report-fixture");
        build(Spark.session("report-fixture", "local[2]"), dir, true);
        folder = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return folder;
  }

  /** Trains the grid into dir/runs and, when {@code derived}, writes every derived table. */
  static void build(SparkSession spark, Path dir, boolean derived) {
    build(spark, dir, derived, SETTINGS, 1);
  }

  /** As {@link #build(SparkSession, Path, boolean)} with other settings and seedScale x the seeds. */
  static void build(SparkSession spark, Path dir, boolean derived, TaskSettings settings, int seedScale) {
    List<TaskKey> keys = new ArrayList<>();
    grid(keys, Target.X2, Activation.SILU, new int[] {1, 2, 4, 10, 20, 40}, 16 * seedScale);
    grid(keys, Target.X2, Activation.LEAKY_RELU, new int[] {1, 2, 4, 10, 20, 40}, 8 * seedScale);
    grid(keys, Target.X3, Activation.SILU, new int[] {2, 4, 10}, 6 * seedScale);
    grid(keys, Target.MUL2, Activation.SILU, new int[] {2, 4, 10}, 6 * seedScale);
    List<Trained> runs = keys.parallelStream()
        .map(key -> new Trained(key, TaskRunner.run(settings, key))).toList();
    List<Row> rows = runs.stream().map(t -> Tables.runRow(t.key, t.result, "fixture", "test")).toList();
    spark.createDataFrame(rows, Tables.RUNS_SCHEMA).write().partitionBy(Tables.RUNS_PARTITIONS)
        .format("delta").save(TestFolders.path(dir, RUNS));
    if (!derived) {
      return;
    }
    Map<String, Map<Integer, List<Trained>>> groups = new TreeMap<>();
    for (Trained t : runs) {
      groups.computeIfAbsent(t.key.target().id() + "/" + t.key.activation().id(), g -> new TreeMap<>())
          .computeIfAbsent(t.key.width(), w -> new ArrayList<>()).add(t);
    }
    writeAggregates(spark, dir, groups);
    writeMechanisms(spark, dir, groups.get("x2/silu"));
  }

  record Trained(TaskKey key, TrainResult result) {
    double loss() {
      return result.trainLoss();
    }

    Network net() {
      return result.network();
    }
  }

  private static void grid(List<TaskKey> out, Target target, Activation activation, int[] widths, int seeds) {
    for (int width : widths) {
      for (int seed = 0; seed < seeds; seed++) {
        out.add(new TaskKey(target, activation, width, seed));
      }
    }
  }

  // ---- aggregate tables ------------------------------------------------------------------------

  private static void writeAggregates(SparkSession spark, Path dir, Map<String, Map<Integer, List<Trained>>> groups) {
    List<Row> summary = new ArrayList<>();
    List<Row> histogram = new ArrayList<>();
    List<Row> modes = new ArrayList<>();
    List<Row> fits = new ArrayList<>();
    List<Row> synergy = new ArrayList<>();
    for (Map.Entry<String, Map<Integer, List<Trained>>> g : groups.entrySet()) {
      String[] ta = g.getKey().split("/");
      Map<Integer, double[]> losses = new TreeMap<>();
      g.getValue().forEach((w, ts) -> losses.put(w, ts.stream().mapToDouble(Trained::loss).sorted().toArray()));
      double lo = losses.values().stream().mapToDouble(l -> Math.log10(l[0])).min().getAsDouble();
      double hi = losses.values().stream().mapToDouble(l -> Math.log10(l[l.length - 1])).max().getAsDouble() + 1e-9;
      int bins = 12;
      List<double[]> medians = new ArrayList<>();
      for (Map.Entry<Integer, double[]> e : losses.entrySet()) {
        double[] l = e.getValue();
        int n = l.length;
        summary.add(RowFactory.create(ta[0], ta[1], e.getKey(), (long) n,
            quantile(l, 0.25), quantile(l, 0.5), quantile(l, 0.75)));
        medians.add(new double[] {e.getKey(), quantile(l, 0.5)});
        long[] counts = new long[bins];
        for (double x : l) {
          counts[Math.min(bins - 1, (int) ((Math.log10(x) - lo) / (hi - lo) * bins))]++;
        }
        List<Double> peaks = new ArrayList<>();
        long lottery = -1;
        for (int k = 0; k < bins; k++) {
          double left = k == 0 ? -1 : counts[k - 1];
          double right = k == bins - 1 ? -1 : counts[k + 1];
          histogram.add(RowFactory.create(ta[0], ta[1], e.getKey(), k, lo + (hi - lo) * k / bins,
              lo + (hi - lo) * (k + 1) / bins, counts[k]));
          if (counts[k] > 0 && counts[k] > left && counts[k] >= right) {
            peaks.add(lo + (hi - lo) * (k + 0.5) / bins);
          }
          if (lottery < 0 && !peaks.isEmpty() && (k == bins - 1 || counts[k + 1] == 0)) {
            lottery = 0;
            for (int j = 0; j <= k; j++) {
              lottery += counts[j];
            }
          }
        }
        modes.add(RowFactory.create(ta[0], ta[1], e.getKey(), peaks.size(), peaks,
            (double) Math.max(lottery, 0) / n));
        double[] half = losses.get(e.getKey() / 2);
        if (e.getKey() % 2 == 0 && half != null) {
          double[] ensembled = new double[500];
          SplittableRandom random = new SplittableRandom(e.getKey());
          for (int k = 0; k < ensembled.length; k++) {
            ensembled[k] = 1 / (1 / half[random.nextInt(half.length)] + 1 / half[random.nextInt(half.length)]);
          }
          Arrays.sort(ensembled);
          double ratio = Math.log10(quantile(l, 0.5) / quantile(ensembled, 0.5));
          synergy.add(RowFactory.create(ta[0], ta[1], e.getKey(), quantile(l, 0.5),
              quantile(ensembled, 0.5), ratio, ks(l, ensembled), Double.NaN,
              ratio < -0.2 ? VERDICT_SYNERGY : ratio > 0.2 ? "worse_than_ensembling" : VERDICT_ENSEMBLING));
        }
      }
      fits.add(fitRow(ta, medians));
      for (int k = 0; k + 1 < medians.size(); k++) {
        double[] a = medians.get(k);
        double[] b = medians.get(k + 1);
        double alpha = -Math.log10(b[1] / a[1]) / Math.log10(b[0] / a[0]);
        fits.add(RowFactory.create(ta[0], ta[1], FIT_KIND_LOCAL, (int) a[0], (int) b[0], alpha,
            Double.NaN, Double.NaN, Double.NaN));
      }
    }
    write(spark, dir, LOSS_SUMMARY, summary, schema(KEYS_WIDTH, SUMMARY_NETWORKS, LongType,
        SUMMARY_Q25, DoubleType, SUMMARY_MEDIAN, DoubleType, SUMMARY_Q75, DoubleType));
    write(spark, dir, LOSS_HISTOGRAM, histogram, schema(KEYS_WIDTH, "bin", IntegerType,
        HISTOGRAM_LOW, DoubleType, HISTOGRAM_HIGH, DoubleType, HISTOGRAM_COUNT, LongType));
    write(spark, dir, LOSS_MODES, modes, schema(KEYS_WIDTH, MODES_PEAKS, IntegerType,
        MODES_PEAK_LOG10, createArrayType(DoubleType, false), MODES_LOWEST_SHARE, DoubleType));
    write(spark, dir, SCALING_FIT, fits, schema(KEYS, FIT_KIND, StringType, FIT_WIDTH_FROM,
        IntegerType, FIT_WIDTH_TO, IntegerType, FIT_ALPHA, DoubleType, FIT_ALPHA_LOW, DoubleType,
        FIT_ALPHA_HIGH, DoubleType, FIT_PREFACTOR, DoubleType));
    write(spark, dir, SYNERGY, synergy, schema(KEYS_WIDTH, SYNERGY_TRAINED_MEDIAN, DoubleType,
        SYNERGY_ENSEMBLED_MEDIAN, DoubleType, SYNERGY_LOG10_RATIO, DoubleType, SYNERGY_KS,
        DoubleType, SYNERGY_KS_P, DoubleType, SYNERGY_VERDICT, StringType));
  }

  /** Least squares of log10 median on log10 N, with +-2 standard errors of the slope. */
  private static Row fitRow(String[] ta, List<double[]> medians) {
    int n = medians.size();
    double mx = 0;
    double my = 0;
    for (double[] m : medians) {
      mx += Math.log10(m[0]) / n;
      my += Math.log10(m[1]) / n;
    }
    double sxx = 0;
    double sxy = 0;
    for (double[] m : medians) {
      sxx += Math.pow(Math.log10(m[0]) - mx, 2);
      sxy += (Math.log10(m[0]) - mx) * (Math.log10(m[1]) - my);
    }
    double slope = sxy / sxx;
    double rss = 0;
    for (double[] m : medians) {
      rss += Math.pow(Math.log10(m[1]) - my - slope * (Math.log10(m[0]) - mx), 2);
    }
    double se = n > 2 ? Math.sqrt(rss / (n - 2) / sxx) : Double.NaN;
    return RowFactory.create(ta[0], ta[1], FIT_KIND_RANGE, (int) medians.get(0)[0],
        (int) medians.get(n - 1)[0], -slope, -slope - 2 * se, -slope + 2 * se,
        Math.pow(10, my - slope * mx));
  }

  // ---- mechanism tables (x2/silu) ------------------------------------------------------------

  private static void writeMechanisms(SparkSession spark, Path dir, Map<Integer, List<Trained>> byWidth) {
    List<Row> neurons = new ArrayList<>();
    for (int width : new int[] {20, 40}) {
      Trained t = byWidth.get(width).get(0);
      Network net = t.net();
      double[] mirror = mirrorDistances(net, false);
      double share = shareClose(mirror, nearestMedian(net));
      double control = shareClose(mirrorDistances(net, true), nearestMedian(net));
      double score = control < 1 ? (share - control) / (1 - control) : 0;
      for (int i = 0; i < width; i++) {
        neurons.add(RowFactory.create(X2, SILU, width, t.key.seedIndex(), i, List.of(net.w(i, 0)),
            net.b(i), net.v(i), mirror[i], share, control, score));
      }
    }
    DataType doubles = createArrayType(DoubleType, false);
    write(spark, dir, NEURONS, neurons, schema(KEYS_WIDTH, SEED, LongType, "neuron", IntegerType,
        NEURON_W, doubles, NEURON_B, DoubleType, NEURON_V, DoubleType, NEURON_MIRROR_DISTANCE,
        DoubleType, NEURON_SHARE, DoubleType, NEURON_CONTROL_SHARE, DoubleType, NEURON_SCORE, DoubleType));

    List<Trained> two = byWidth.get(2);
    double medianLoss = quantile(two.stream().mapToDouble(Trained::loss).sorted().toArray(), 0.5);
    List<Row> tickets = new ArrayList<>();
    Map<Integer, List<double[]>> byAlgorithm = new TreeMap<>();
    Map<Integer, List<Double>> lossByAlgorithm = new TreeMap<>();
    for (Trained t : two) {
      Network n = t.net();
      int first = n.w(0, 0) <= n.w(1, 0) ? 0 : 1;
      int second = 1 - first;
      double[] p = {n.w(first, 0), n.w(second, 0), n.b(first), n.b(second), n.v(first), n.v(second), n.c()};
      int peak = t.loss() <= medianLoss ? 0 : 1;
      byAlgorithm.computeIfAbsent(peak, k -> new ArrayList<>()).add(p);
      lossByAlgorithm.computeIfAbsent(peak, k -> new ArrayList<>()).add(t.loss());
      tickets.add(RowFactory.create(X2, SILU, t.key.seedIndex(), t.loss(), peak, peak,
          p[0] - p[1], p[2] + p[3], List.of(p[0], p[1]), List.of(p[2], p[3]), List.of(p[4], p[5]),
          p[6], Math.abs(p[0] + p[1]), Math.abs(p[2] - p[3]), Math.abs(p[4] - p[5]),
          ClaimsTable.relativeAsymmetry(p)));
    }
    write(spark, dir, TICKETS, tickets, schema(KEYS, SEED, LongType, TICKET_LOSS, DoubleType,
        TICKET_PEAK, IntegerType, TICKET_ALGORITHM, IntegerType, TICKET_PC1, DoubleType, TICKET_PC2,
        DoubleType, TICKET_W, doubles, TICKET_B, doubles, TICKET_V, doubles, TICKET_C, DoubleType,
        TICKET_RESIDUAL_W, DoubleType,
        TICKET_RESIDUAL_B, DoubleType, TICKET_RESIDUAL_V, DoubleType, "relative_residual", DoubleType));

    List<Row> algorithms = new ArrayList<>();
    List<Row> curves = new ArrayList<>();
    for (Map.Entry<Integer, List<double[]>> e : byAlgorithm.entrySet()) {
      double[] mean = new double[7];
      for (double[] p : e.getValue()) {
        for (int k = 0; k < 7; k++) {
          mean[k] += p[k] / e.getValue().size();
        }
      }
      for (int neuron = 0; neuron < 2; neuron++) {
        for (double x : GRID) {
          double pre = mean[neuron] * x + mean[2 + neuron];
          curves.add(RowFactory.create(X2, SILU, e.getKey(), neuron, x, pre, Activation.SILU.value(pre)));
        }
      }
      boolean symmetric = Math.abs(mean[0] + mean[1]) < 0.1 * (Math.abs(mean[0]) + Math.abs(mean[1]));
      algorithms.add(RowFactory.create(X2, SILU, e.getKey(), e.getValue().size(),
          lossByAlgorithm.get(e.getKey()).stream().mapToDouble(Double::doubleValue).average().getAsDouble(),
          symmetric));
    }
    write(spark, dir, ALGORITHMS, algorithms, schema(KEYS, ALGORITHM_ID, IntegerType, ALGORITHM_SIZE,
        IntegerType, ALGORITHM_MEAN_LOSS, DoubleType, ALGORITHM_SYMMETRIC, BooleanType));
    write(spark, dir, ALGORITHM_CURVES, curves, schema(KEYS, ALGORITHM_ID, IntegerType, CURVE_NEURON,
        IntegerType, CURVE_X, DoubleType, CURVE_PRE, DoubleType, CURVE_POST, DoubleType));

    List<Row> pairs = new ArrayList<>();
    List<Row> correlations = new ArrayList<>();
    List<Row> distilled = new ArrayList<>();
    for (int width : new int[] {10, 20, 40}) {
      for (Trained t : byWidth.get(width)) {
        double[][] errors = ticketErrors(t, pairs);
        int k = errors.length;
        List<Double> matrix = new ArrayList<>();
        double trace = 0;
        double frobenius = 0;
        double bestMse = Double.POSITIVE_INFINITY;
        for (int i = 0; i < k; i++) {
          bestMse = Math.min(bestMse, dot(errors[i], errors[i]) / GRID.length);
          for (int j = 0; j < k; j++) {
            double c = dot(errors[i], errors[j]) / Math.sqrt(dot(errors[i], errors[i]) * dot(errors[j], errors[j]));
            matrix.add(c);
            trace += i == j ? c : 0;
            frobenius += c * c;
          }
        }
        correlations.add(RowFactory.create(X2, SILU, width, t.key.seedIndex(), k, matrix, trace * trace / frobenius));
        if (width == 40) {
          distilled.add(RowFactory.create(X2, SILU, width, t.key.seedIndex(), bestMse));
        }
      }
    }
    write(spark, dir, TICKET_PAIRS, pairs, schema(KEYS_WIDTH, SEED, LongType, PAIR_ID, IntegerType,
        PAIR_R2, DoubleType, PAIR_X, doubles, PAIR_ERROR, doubles));
    write(spark, dir, TICKET_CORRELATION, correlations, schema(KEYS_WIDTH, SEED, LongType,
        CORRELATION_SIZE, IntegerType, CORRELATION_MATRIX, doubles, CORRELATION_EFFECTIVE, DoubleType));
    write(spark, dir, DISTILLED, distilled, schema(KEYS, "source_width", IntegerType, SEED, LongType,
        DISTILLED_LOSS, DoubleType));

    List<Row> ensembles = new ArrayList<>();
    for (int width : new int[] {4, 20, 40}) {
      List<Trained> half = byWidth.get(width / 2);
      for (int k = 0; k + 1 < half.size(); k += 2) {
        Trained a = half.get(k);
        Trained b = half.get(k + 1);
        ensembles.add(RowFactory.create(X2, SILU, width / 2, width, ensembleMse(a.net(), b.net()),
            1 / (1 / a.loss() + 1 / b.loss())));
      }
    }
    write(spark, dir, ENSEMBLES, ensembles, schema(KEYS, "half_width", IntegerType, WIDTH, IntegerType,
        ENSEMBLE_ACTUAL, DoubleType,
        ENSEMBLE_HARMONIC, DoubleType));
  }

  /** Pairs neurons greedily with their nearest mirror image; rows into {@code pairs}; errors per pair. */
  private static double[][] ticketErrors(Trained t, List<Row> pairs) {
    Network n = t.net();
    boolean[] used = new boolean[n.width()];
    List<double[]> errors = new ArrayList<>();
    double meanY = Arrays.stream(GRID).map(x -> x * x).average().getAsDouble();
    for (int i = 0; i < n.width(); i++) {
      if (used[i]) {
        continue;
      }
      used[i] = true;
      int best = -1;
      for (int j = 0; j < n.width(); j++) {
        if (!used[j] && (best < 0 || mirror(n, i, j) < mirror(n, i, best))) {
          best = j;
        }
      }
      if (best < 0) {
        break;
      }
      used[best] = true;
      double[] g = new double[GRID.length];
      for (int m = 0; m < GRID.length; m++) {
        g[m] = n.v(i) * Activation.SILU.value(n.w(i, 0) * GRID[m] + n.b(i))
            + n.v(best) * Activation.SILU.value(n.w(best, 0) * GRID[m] + n.b(best));
      }
      double meanG = Arrays.stream(g).average().getAsDouble();
      double sgy = 0;
      double sgg = 0;
      double syy = 0;
      for (int m = 0; m < GRID.length; m++) {
        double y = GRID[m] * GRID[m];
        sgy += (g[m] - meanG) * (y - meanY);
        sgg += (g[m] - meanG) * (g[m] - meanG);
        syy += (y - meanY) * (y - meanY);
      }
      double a = sgg == 0 ? 0 : sgy / sgg;
      double[] e = new double[GRID.length];
      List<Double> eList = new ArrayList<>();
      for (int m = 0; m < GRID.length; m++) {
        e[m] = a * (g[m] - meanG) + meanY - GRID[m] * GRID[m];
        eList.add(e[m]);
      }
      errors.add(e);
      pairs.add(RowFactory.create(X2, SILU, n.width(), t.key.seedIndex(), errors.size() - 1,
          1 - dot(e, e) / syy, boxed(GRID), eList));
    }
    return errors.toArray(new double[0][]);
  }

  /** Training-free MSE on GRID of the least-squares combination a fa + b fb + c of two networks. */
  private static double ensembleMse(Network na, Network nb) {
    int m = GRID.length;
    double[][] x = new double[m][];
    double[] y = new double[m];
    for (int k = 0; k < m; k++) {
      x[k] = new double[] {predict(na, GRID[k]), predict(nb, GRID[k]), 1};
      y[k] = GRID[k] * GRID[k];
    }
    double[][] a = new double[3][4];
    for (int k = 0; k < m; k++) {
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          a[i][j] += x[k][i] * x[k][j];
        }
        a[i][3] += x[k][i] * y[k];
      }
    }
    for (int i = 0; i < 3; i++) {
      a[i][i] += 1e-12;
      for (int r = i + 1; r < 3; r++) {
        double f = a[r][i] / a[i][i];
        for (int c = i; c < 4; c++) {
          a[r][c] -= f * a[i][c];
        }
      }
    }
    double[] coef = new double[3];
    for (int i = 2; i >= 0; i--) {
      double s = a[i][3];
      for (int j = i + 1; j < 3; j++) {
        s -= a[i][j] * coef[j];
      }
      coef[i] = s / a[i][i];
    }
    double mse = 0;
    for (int k = 0; k < m; k++) {
      double r = coef[0] * x[k][0] + coef[1] * x[k][1] + coef[2] - y[k];
      mse += r * r / m;
    }
    return mse;
  }

  private static double predict(Network n, double x) {
    double f = n.c();
    for (int i = 0; i < n.width(); i++) {
      f += n.v(i) * Activation.SILU.value(n.w(i, 0) * x + n.b(i));
    }
    return f;
  }

  private static double mirror(Network n, int i, int j) {
    return Math.hypot(-n.w(i, 0) - n.w(j, 0), n.b(i) - n.b(j));
  }

  /** Per neuron, the distance from its mirror image (or, for the control, its own shifted copy) to the nearest other neuron. */
  private static double[] mirrorDistances(Network n, boolean control) {
    double[] out = new double[n.width()];
    for (int i = 0; i < n.width(); i++) {
      out[i] = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n.width(); j++) {
        if (j != i) {
          double d = control ? Math.hypot(n.w(i, 0) + 0.5 - n.w(j, 0), n.b(i) + 0.5 - n.b(j)) : mirror(n, i, j);
          out[i] = Math.min(out[i], d);
        }
      }
    }
    return out;
  }

  private static double nearestMedian(Network n) {
    double[] nearest = new double[n.width()];
    for (int i = 0; i < n.width(); i++) {
      nearest[i] = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n.width(); j++) {
        if (j != i) {
          nearest[i] = Math.min(nearest[i], Math.hypot(n.w(i, 0) - n.w(j, 0), n.b(i) - n.b(j)));
        }
      }
    }
    Arrays.sort(nearest);
    return 0.5 * quantile(nearest, 0.5);
  }

  private static double shareClose(double[] distances, double threshold) {
    return Arrays.stream(distances).filter(d -> d <= threshold).count() / (double) distances.length;
  }

  // ---- helpers --------------------------------------------------------------------------------

  static final String X2 = "x2";
  static final String SILU = "silu";
  private static final String[] KEYS = {TARGET, ACTIVATION};
  private static final String[] KEYS_WIDTH = {TARGET, ACTIVATION, WIDTH};

  /** A schema of string keys (width: int) followed by (name, type) pairs. */
  static StructType schema(String[] keys, Object... nameThenType) {
    List<StructField> fields = new ArrayList<>();
    for (String k : keys) {
      fields.add(DataTypes.createStructField(k, k.equals(WIDTH) ? IntegerType : StringType, true));
    }
    for (int i = 0; i < nameThenType.length; i += 2) {
      fields.add(DataTypes.createStructField((String) nameThenType[i], (DataType) nameThenType[i + 1], true));
    }
    return new StructType(fields.toArray(new StructField[0]));
  }

  static void write(SparkSession spark, Path dir, String table, List<Row> rows, StructType schema) {
    spark.createDataFrame(rows, schema).coalesce(1).write().format("delta").save(TestFolders.path(dir, table));
  }

  /** Type-7 quantile of sorted values. */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    int j = Math.min(i + 1, sorted.length - 1);
    return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
  }

  /** Two-sample Kolmogorov-Smirnov D of sorted samples. */
  private static double ks(double[] a, double[] b) {
    double d = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      double x = Math.min(a[i], b[j]);
      while (i < a.length && a[i] <= x) {
        i++;
      }
      while (j < b.length && b[j] <= x) {
        j++;
      }
      d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
    }
    return d;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  private static double[] grid(int count) {
    double[] x = new double[count];
    for (int k = 0; k < count; k++) {
      x[k] = -2 + 4.0 * k / (count - 1);
    }
    return x;
  }

  private static List<Double> boxed(double[] xs) {
    return Arrays.stream(xs).boxed().toList();
  }
}
