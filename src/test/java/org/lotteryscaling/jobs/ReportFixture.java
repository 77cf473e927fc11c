package org.lotteryscaling.jobs;


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
import org.apache.spark.sql.SparkSession;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.nn.TrainResult;
import org.lotteryscaling.nn.TrainSettings;
import org.lotteryscaling.report.ClaimsTable;
import org.lotteryscaling.results.RowCodec;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.results.Tables;
import org.lotteryscaling.results.TestFolders;
import org.lotteryscaling.stats.PowerLawFit;
import org.lotteryscaling.stats.SynergyTest;
import org.lotteryscaling.tables.AlgorithmCurveRow;
import org.lotteryscaling.tables.AlgorithmRow;
import org.lotteryscaling.tables.DistilledRow;
import org.lotteryscaling.tables.EnsembleRow;
import org.lotteryscaling.tables.LossHistogramRow;
import org.lotteryscaling.tables.LossModesRow;
import org.lotteryscaling.tables.LossSummaryRow;
import org.lotteryscaling.tables.NeuronRow;
import org.lotteryscaling.tables.ResultTables;
import org.lotteryscaling.tables.ScalingFitRow;
import org.lotteryscaling.tables.SynergyRow;
import org.lotteryscaling.tables.Table;
import org.lotteryscaling.tables.TicketCorrelationRow;
import org.lotteryscaling.tables.TicketPairRow;
import org.lotteryscaling.tables.TicketRow;
import org.lotteryscaling.task.DataSettings;
import org.lotteryscaling.task.Target;
import org.lotteryscaling.task.TaskKey;
import org.lotteryscaling.task.TaskRunner;
import org.lotteryscaling.task.TaskSettings;

/**
 * A small but real results folder for report and notebook tests: networks really trained (short
 * schedule, few seeds) into runs, and every derived table the report reads, computed here from
 * those networks by simple rules (the aggregate and analyze jobs own the real rules) and written
 * through the tables' definitions (tables.ResultTables; columns the fixture does not compute hold
 * NaN, null or -1). Built once per JVM.
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
        .format("delta").save(TestFolders.path(dir, Tables.RUNS));
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
    List<LossSummaryRow> summary = new ArrayList<>();
    List<LossHistogramRow> histogram = new ArrayList<>();
    List<LossModesRow> modes = new ArrayList<>();
    List<ScalingFitRow> fits = new ArrayList<>();
    List<SynergyRow> synergy = new ArrayList<>();
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
        summary.add(new LossSummaryRow(ta[0], ta[1], e.getKey(), n, n, 0, null, null,
            quantile(l, 0.25), quantile(l, 0.5), quantile(l, 0.75), null, null, null, null));
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
          histogram.add(new LossHistogramRow(ta[0], ta[1], e.getKey(), k, lo + (hi - lo) * k / bins,
              lo + (hi - lo) * (k + 1) / bins, counts[k], (double) counts[k] / n));
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
        modes.add(new LossModesRow(ta[0], ta[1], e.getKey(), n, n, null, peaks.size(),
            peaks.size(), peaks.size(), peaks.stream().mapToDouble(Double::doubleValue).toArray(), new long[peaks.size()],
            null, null, Math.max(lottery, 0), (double) Math.max(lottery, 0) / n));
        double[] half = losses.get(e.getKey() / 2);
        if (e.getKey() % 2 == 0 && half != null) {
          double[] ensembled = new double[500];
          SplittableRandom random = new SplittableRandom(e.getKey());
          for (int k = 0; k < ensembled.length; k++) {
            ensembled[k] = 1 / (1 / half[random.nextInt(half.length)] + 1 / half[random.nextInt(half.length)]);
          }
          Arrays.sort(ensembled);
          double ratio = Math.log10(quantile(l, 0.5) / quantile(ensembled, 0.5));
          synergy.add(new SynergyRow(ta[0], ta[1], e.getKey(), e.getKey() / 2, ensembled.length,
              n, quantile(ensembled, 0.5), quantile(l, 0.5), ratio, ks(l, ensembled), Double.NaN,
              ratio < -0.2 ? SynergyTest.Verdict.SYNERGY.id() : ratio > 0.2 ? "worse_than_ensembling" : SynergyTest.Verdict.ENSEMBLING.id()));
        }
      }
      fits.add(fitRow(ta, medians));
      for (int k = 0; k + 1 < medians.size(); k++) {
        double[] a = medians.get(k);
        double[] b = medians.get(k + 1);
        double alpha = -Math.log10(b[1] / a[1]) / Math.log10(b[0] / a[0]);
        fits.add(new ScalingFitRow(ta[0], ta[1], PowerLawFit.Kind.LOCAL.id(), (int) a[0], (int) b[0], 2, alpha,
            Double.NaN, Double.NaN, Double.NaN, 0));
      }
    }
    write(spark, dir, ResultTables.LOSS_SUMMARY, summary);
    write(spark, dir, ResultTables.LOSS_HISTOGRAM, histogram);
    write(spark, dir, ResultTables.LOSS_MODES, modes);
    write(spark, dir, ResultTables.SCALING_FIT, fits);
    write(spark, dir, ResultTables.SYNERGY, synergy);
  }

  /** Least squares of log10 median on log10 N, with +-2 standard errors of the slope. */
  private static ScalingFitRow fitRow(String[] ta, List<double[]> medians) {
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
    return new ScalingFitRow(ta[0], ta[1], PowerLawFit.Kind.ALL.id(), (int) medians.get(0)[0],
        (int) medians.get(n - 1)[0], n, -slope, -slope - 2 * se, -slope + 2 * se,
        Math.pow(10, my - slope * mx), 0);
  }

  // ---- mechanism tables (x2/silu) ------------------------------------------------------------

  private static void writeMechanisms(SparkSession spark, Path dir, Map<Integer, List<Trained>> byWidth) {
    List<NeuronRow> neurons = new ArrayList<>();
    for (int width : new int[] {20, 40}) {
      Trained t = byWidth.get(width).get(0);
      Network net = t.net();
      double[] mirror = mirrorDistances(net, false);
      double threshold = nearestMedian(net);
      double share = shareClose(mirror, threshold);
      double control = shareClose(mirrorDistances(net, true), threshold);
      double score = control < 1 ? (share - control) / (1 - control) : 0;
      for (int i = 0; i < width; i++) {
        neurons.add(new NeuronRow(X2, SILU, width, t.key.seedIndex(), i, new double[] {net.w(i, 0)},
            net.b(i), net.v(i), mirror[i], -1, mirror[i] <= threshold, threshold, share, control,
            score, score >= 0.5));
      }
    }
    write(spark, dir, ResultTables.NEURONS, neurons);

    List<Trained> two = byWidth.get(2);
    double medianLoss = quantile(two.stream().mapToDouble(Trained::loss).sorted().toArray(), 0.5);
    List<TicketRow> tickets = new ArrayList<>();
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
      double asymmetry = ClaimsTable.relativeAsymmetry(p);
      tickets.add(new TicketRow(X2, SILU, t.key.seedIndex(), t.loss(), Double.NaN, peak, Double.NaN,
          new double[] {p[0], p[1]}, new double[] {p[2], p[3]}, new double[] {p[4], p[5]}, p[6],
          Math.abs(p[0] + p[1]), Math.abs(p[2] - p[3]), Math.abs(p[4] - p[5]), asymmetry,
          asymmetry <= 0.1, peak, p[0] - p[1], p[2] + p[3]));
    }
    write(spark, dir, ResultTables.TICKETS, tickets);

    List<AlgorithmRow> algorithms = new ArrayList<>();
    List<AlgorithmCurveRow> curves = new ArrayList<>();
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
          curves.add(new AlgorithmCurveRow(X2, SILU, e.getKey(), neuron, x, pre,
              Activation.SILU.value(pre)));
        }
      }
      boolean symmetric = Math.abs(mean[0] + mean[1]) < 0.1 * (Math.abs(mean[0]) + Math.abs(mean[1]));
      double meanLoss = lossByAlgorithm.get(e.getKey()).stream().mapToDouble(Double::doubleValue)
          .average().getAsDouble();
      algorithms.add(new AlgorithmRow(X2, SILU, e.getKey(), e.getValue().size(), Double.NaN, mean,
          Double.NaN, Double.NaN, meanLoss, Double.NaN, symmetric, Double.NaN, -1,
          byAlgorithm.size(), Double.NaN, new double[0], Double.NaN));
    }
    write(spark, dir, ResultTables.ALGORITHMS, algorithms);
    write(spark, dir, ResultTables.ALGORITHM_CURVES, curves);

    List<TicketPairRow> pairs = new ArrayList<>();
    List<TicketCorrelationRow> correlations = new ArrayList<>();
    List<DistilledRow> distilled = new ArrayList<>();
    for (int width : new int[] {10, 20, 40}) {
      for (Trained t : byWidth.get(width)) {
        double[][] errors = ticketErrors(t, pairs);
        int k = errors.length;
        double[] matrix = new double[k * k];
        double trace = 0;
        double frobenius = 0;
        double bestMse = Double.POSITIVE_INFINITY;
        for (int i = 0; i < k; i++) {
          bestMse = Math.min(bestMse, dot(errors[i], errors[i]) / GRID.length);
          for (int j = 0; j < k; j++) {
            double c = dot(errors[i], errors[j]) / Math.sqrt(dot(errors[i], errors[i]) * dot(errors[j], errors[j]));
            matrix[i * k + j] = c;
            trace += i == j ? c : 0;
            frobenius += c * c;
          }
        }
        correlations.add(new TicketCorrelationRow(X2, SILU, width, t.key.seedIndex(), k, false,
            matrix, new double[0], trace * trace / frobenius));
        if (width == 40) {
          distilled.add(new DistilledRow(X2, SILU, width, t.key.seedIndex(), t.loss(), -1, -1,
              Double.NaN, new double[0], new double[0], new double[0], Double.NaN, bestMse,
              Double.NaN));
        }
      }
    }
    write(spark, dir, ResultTables.TICKET_PAIRS, pairs);
    write(spark, dir, ResultTables.TICKET_CORRELATION, correlations);
    write(spark, dir, ResultTables.DISTILLED, distilled);

    List<EnsembleRow> ensembles = new ArrayList<>();
    for (int width : new int[] {4, 20, 40}) {
      List<Trained> half = byWidth.get(width / 2);
      for (int k = 0; k + 1 < half.size(); k += 2) {
        Trained a = half.get(k);
        Trained b = half.get(k + 1);
        double harmonic = 1 / (1 / a.loss() + 1 / b.loss());
        double actual = ensembleMse(a.net(), b.net());
        ensembles.add(new EnsembleRow(X2, SILU, width / 2, width, a.key.seedIndex(),
            b.key.seedIndex(), a.loss(), b.loss(), harmonic, actual, actual / harmonic, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN));
      }
    }
    write(spark, dir, ResultTables.ENSEMBLES, ensembles);
  }

  /** Pairs neurons greedily with their nearest mirror image; rows into {@code pairs}; errors per pair. */
  private static double[][] ticketErrors(Trained t, List<TicketPairRow> pairs) {
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
      for (int m = 0; m < GRID.length; m++) {
        e[m] = a * (g[m] - meanG) + meanY - GRID[m] * GRID[m];
      }
      errors.add(e);
      pairs.add(new TicketPairRow(X2, SILU, n.width(), t.key.seedIndex(), errors.size() - 1, i, best,
          mirror(n, i, best), new double[] {n.w(i, 0)}, n.b(i), n.v(i), new double[] {n.w(best, 0)},
          n.b(best), n.v(best), 1 - dot(e, e) / syy, a, Double.NaN, Double.NaN, GRID.clone(), e));
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
  /** Writes {@code rows} as the folder's table, through the table's definition as the jobs do. */
  static <R extends Record> void write(SparkSession spark, Path dir, Table<R> table, List<R> rows) {
    spark.createDataFrame(rows.stream().map(RowCodec::encode).toList(), RowCodec.schema(table))
        .coalesce(1).write().format("delta").save(TestFolders.path(dir, table.name()));
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
}
