package org.lotteryscaling.jobs;

import static org.lotteryscaling.report.ReportTables.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.lotteryscaling.UserError;
import org.lotteryscaling.report.Report;
import org.lotteryscaling.report.ReportData;
import org.lotteryscaling.report.ReportData.Algorithm;
import org.lotteryscaling.report.ReportData.CurvePoint;
import org.lotteryscaling.report.ReportData.Distilled;
import org.lotteryscaling.report.ReportData.Ensemble;
import org.lotteryscaling.report.ReportData.HistogramBin;
import org.lotteryscaling.report.ReportData.LossModes;
import org.lotteryscaling.report.ReportData.LossSummary;
import org.lotteryscaling.report.ReportData.NetworkLoss;
import org.lotteryscaling.report.ReportData.Neuron;
import org.lotteryscaling.report.ReportData.ScalingFit;
import org.lotteryscaling.report.ReportData.Synergy;
import org.lotteryscaling.report.ReportData.Ticket;
import org.lotteryscaling.report.ReportData.TicketCorrelation;
import org.lotteryscaling.report.ReportData.TicketPair;

/**
 * `report --results DIR`: reads the result tables of DIR (never re-trains) and renders
 * DIR/report/index.html with its figures and claims table. Column names live in ReportTables.
 */
public final class ReportJob {
  private ReportJob() {}

  public static final String REPORT_DIR = "report";

  private static final String[] KEYS = {TARGET, ACTIVATION};
  private static final String[] KEYS_WIDTH = {TARGET, ACTIVATION, WIDTH};
  private static final String[] NONE = {};

  /**
   * Renders the report of {@code results} into {@code reportDir} (a local folder), or, when that
   * is null, into {@code DIR/report}: directly where DIR is on the local disk, else rendered in a
   * local temporary folder and copied to DIR/report through its file system (index.html last, so
   * a reader never finds a page whose figures are not there yet).
   */
  public static Rendered run(SparkSession spark, String results, java.nio.file.Path reportDir) {
    StorageFolder dir = StorageFolder.of(spark, results);
    ReportData data = read(spark, dir);
    if (reportDir != null) {
      Report.Rendered r = Report.render(data, reportDir);
      return new Rendered(r, r.index().toString());
    }
    StorageFolder target = dir.resolve(REPORT_DIR);
    if (target.isLocal()) {
      Report.Rendered r = Report.render(data, target.localPath());
      return new Rendered(r, r.index().toString());
    }
    java.nio.file.Path local = null;
    try {
      local = Files.createTempDirectory("lottery-report");
      Report.Rendered r = Report.render(data, local);
      target.putFromLocal(local.resolve(Report.FIGURES));
      target.putFromLocal(r.index());
      return new Rendered(r, target.resolve(r.index().getFileName().toString()).toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the report: " + e.getMessage(), e);
    } finally {
      deleteQuietly(local);
    }
  }

  /** What was rendered, and where its page is (a local path or a URI). */
  public record Rendered(Report.Rendered report, String index) {}

  private static void deleteQuietly(java.nio.file.Path tree) {
    if (tree == null) {
      return;
    }
    try (Stream<java.nio.file.Path> paths = Files.walk(tree)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder left behind costs nothing but space
    }
  }

  /** The folder's tables as plain values; a folder without result tables is a user error. */
  public static ReportData read(SparkSession spark, StorageFolder dir) {
    ResultsFolder.requireResultTables(dir);
    TableReader t = new TableReader(spark, dir);
    ReportData data = new ReportData(
        dir.name(),
        t.read(RUNS, cols(KEYS_WIDTH, SEED, RUNS_STATUS, RUNS_LOSS), NONE, c -> new NetworkLoss(
            c.str(TARGET), c.str(ACTIVATION), c.integer(WIDTH), c.lng(SEED), c.str(RUNS_STATUS),
            c.num(RUNS_LOSS))),
        t.read(LOSS_SUMMARY, cols(KEYS_WIDTH, SUMMARY_NETWORKS, SUMMARY_Q25, SUMMARY_MEDIAN, SUMMARY_Q75),
            NONE, c -> new LossSummary(c.str(TARGET), c.str(ACTIVATION), c.integer(WIDTH),
                c.lng(SUMMARY_NETWORKS), c.num(SUMMARY_Q25), c.num(SUMMARY_MEDIAN), c.num(SUMMARY_Q75))),
        t.read(LOSS_HISTOGRAM, cols(KEYS_WIDTH, HISTOGRAM_LOW, HISTOGRAM_HIGH, HISTOGRAM_COUNT), NONE,
            c -> new HistogramBin(c.str(TARGET), c.str(ACTIVATION), c.integer(WIDTH),
                c.num(HISTOGRAM_LOW), c.num(HISTOGRAM_HIGH), c.lng(HISTOGRAM_COUNT))),
        t.read(LOSS_MODES, cols(KEYS_WIDTH, MODES_PEAKS, MODES_PEAK_LOG10, MODES_LOWEST_SHARE), NONE,
            c -> new LossModes(c.str(TARGET), c.str(ACTIVATION), c.integer(WIDTH),
                c.integer(MODES_PEAKS), c.doubles(MODES_PEAK_LOG10), c.num(MODES_LOWEST_SHARE))),
        t.read(SCALING_FIT, cols(KEYS, FIT_KIND, FIT_WIDTH_FROM, FIT_WIDTH_TO, FIT_ALPHA),
            new String[] {FIT_ALPHA_LOW, FIT_ALPHA_HIGH, FIT_PREFACTOR},
            c -> new ScalingFit(c.str(TARGET), c.str(ACTIVATION), c.str(FIT_KIND),
                c.integer(FIT_WIDTH_FROM), c.integer(FIT_WIDTH_TO), c.num(FIT_ALPHA),
                c.num(FIT_ALPHA_LOW), c.num(FIT_ALPHA_HIGH), c.num(FIT_PREFACTOR))),
        t.read(SYNERGY, cols(KEYS_WIDTH, SYNERGY_VERDICT), new String[] {SYNERGY_TRAINED_MEDIAN,
                SYNERGY_ENSEMBLED_MEDIAN, SYNERGY_LOG10_RATIO, SYNERGY_KS, SYNERGY_KS_P},
            c -> new Synergy(c.str(TARGET), c.str(ACTIVATION), c.integer(WIDTH),
                c.num(SYNERGY_TRAINED_MEDIAN), c.num(SYNERGY_ENSEMBLED_MEDIAN),
                c.num(SYNERGY_LOG10_RATIO), c.num(SYNERGY_KS), c.num(SYNERGY_KS_P),
                c.str(SYNERGY_VERDICT))),
        t.read(NEURONS, cols(KEYS_WIDTH, SEED, NEURON_W, NEURON_B),
            new String[] {NEURON_V, NEURON_MIRROR_DISTANCE, NEURON_SHARE, NEURON_CONTROL_SHARE,
                NEURON_SCORE}, ReportJob::widestFirstNetwork,
            c -> new Neuron(c.str(TARGET), c.str(ACTIVATION), c.integer(WIDTH), c.lng(SEED),
                firstOf(c, NEURON_W), c.num(NEURON_B), c.num(NEURON_V),
                c.num(NEURON_MIRROR_DISTANCE), c.num(NEURON_SHARE), c.num(NEURON_CONTROL_SHARE),
                c.num(NEURON_SCORE))),
        t.read(TICKETS, cols(KEYS, SEED, TICKET_LOSS, TICKET_PEAK),
            new String[] {TICKET_ALGORITHM, TICKET_PC1, TICKET_PC2, TICKET_W, TICKET_B, TICKET_V,
                TICKET_C, TICKET_RESIDUAL_W, TICKET_RESIDUAL_B, TICKET_RESIDUAL_V},
            c -> new Ticket(c.str(TARGET), c.str(ACTIVATION), c.lng(SEED), c.num(TICKET_LOSS),
                c.integer(TICKET_PEAK), c.integer(TICKET_ALGORITHM), c.num(TICKET_PC1),
                c.num(TICKET_PC2), canonicalParameters(c), c.num(TICKET_RESIDUAL_W),
                c.num(TICKET_RESIDUAL_B), c.num(TICKET_RESIDUAL_V))),
        ReportData.withCurves(
            t.read(ALGORITHMS, cols(KEYS, ALGORITHM_ID, ALGORITHM_SIZE),
                new String[] {ALGORITHM_MEAN_LOSS, ALGORITHM_SYMMETRIC},
                c -> new Algorithm(c.str(TARGET), c.str(ACTIVATION), c.integer(ALGORITHM_ID),
                    c.lng(ALGORITHM_SIZE), c.num(ALGORITHM_MEAN_LOSS), c.flag(ALGORITHM_SYMMETRIC),
                    new double[0], new double[0], new double[0], new double[0], new double[0])),
            t.read(ALGORITHM_CURVES, cols(KEYS, ALGORITHM_ID, CURVE_NEURON, CURVE_X, CURVE_PRE,
                    CURVE_POST), NONE,
                c -> new CurvePoint(c.str(TARGET), c.str(ACTIVATION), c.integer(ALGORITHM_ID),
                    c.integer(CURVE_NEURON), c.num(CURVE_X), c.num(CURVE_PRE), c.num(CURVE_POST)))),
        t.read(TICKET_PAIRS, cols(KEYS_WIDTH, SEED, PAIR_ID, PAIR_R2), new String[] {PAIR_X, PAIR_ERROR},
            c -> new TicketPair(c.str(TARGET), c.str(ACTIVATION), c.integer(WIDTH), c.lng(SEED),
                c.integer(PAIR_ID), c.num(PAIR_R2), c.doubles(PAIR_X), c.doubles(PAIR_ERROR))),
        t.read(TICKET_CORRELATION, cols(KEYS_WIDTH, SEED, CORRELATION_EFFECTIVE),
            new String[] {CORRELATION_SIZE, CORRELATION_MATRIX},
            c -> new TicketCorrelation(c.str(TARGET), c.str(ACTIVATION), c.integer(WIDTH),
                c.lng(SEED), c.integer(CORRELATION_SIZE), c.doubles(CORRELATION_MATRIX),
                c.num(CORRELATION_EFFECTIVE))),
        t.read(DISTILLED, cols(KEYS, SEED, DISTILLED_LOSS), NONE,
            c -> new Distilled(c.str(TARGET), c.str(ACTIVATION), c.lng(SEED), c.num(DISTILLED_LOSS))),
        t.read(ENSEMBLES, cols(KEYS_WIDTH, ENSEMBLE_ACTUAL, ENSEMBLE_HARMONIC), NONE,
            c -> new Ensemble(c.str(TARGET), c.str(ACTIVATION), c.integer(WIDTH),
                c.num(ENSEMBLE_ACTUAL), c.num(ENSEMBLE_HARMONIC))),
        t.unavailable());
    if (data.runs().isEmpty() && t.exists(RUNS)) {
      throw new UserError(dir + " is not a results folder this version can read: "
          + data.whyMissing(RUNS));
    }
    return data;
  }

  /**
   * The neurons of one network per (target, activation): the widest, its lowest seed. That is all
   * figure 2a and its claim use, and it keeps a 1000-seed run's neurons off the driver.
   */
  private static Dataset<Row> widestFirstNetwork(Dataset<Row> neurons) {
    Dataset<Row> widest = neurons.groupBy(TARGET, ACTIVATION).agg(functions.max(WIDTH).as(WIDTH));
    Dataset<Row> atWidest = neurons.join(widest, new String[] {TARGET, ACTIVATION, WIDTH});
    Dataset<Row> first = atWidest.groupBy(TARGET, ACTIVATION, WIDTH).agg(functions.min(SEED).as(SEED));
    return atWidest.join(first, new String[] {TARGET, ACTIVATION, WIDTH, SEED});
  }

  /**
   * A width-2 network's (w1, w2, b1, b2, v1, v2, c) from the tickets columns w (2 x d,
   * neuron-major: first input coordinate of each neuron), b, v and c; empty when any is missing.
   */
  private static double[] canonicalParameters(TableReader.Cells c) {
    double[] w = c.doubles(TICKET_W);
    double[] b = c.doubles(TICKET_B);
    double[] v = c.doubles(TICKET_V);
    if (w.length < 2 || w.length % 2 != 0 || b.length != 2 || v.length != 2) {
      return new double[0];
    }
    int d = w.length / 2;
    return new double[] {w[0], w[d], b[0], b[1], v[0], v[1], c.num(TICKET_C)};
  }

  /** A neuron's w: the column may be a scalar (d = 1) or an array (its first input coordinate). */
  private static double firstOf(TableReader.Cells c, String column) {
    try {
      return c.num(column);
    } catch (ClassCastException | IllegalArgumentException array) {
      double[] xs = c.doubles(column);
      return xs.length == 0 ? Double.NaN : xs[0];
    }
  }

  private static String[] cols(String[] keys, String... more) {
    return Stream.concat(Arrays.stream(keys), Arrays.stream(more)).toArray(String[]::new);
  }
}
