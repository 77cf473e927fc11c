package org.lotteryscaling.stats;

import java.util.ArrayList;
import java.util.List;
import org.lotteryscaling.nn.RandomStream;

/**
 * median loss ~ prefactor * N^-alpha, fitted by ordinary least squares of log10(median loss) on
 * log10(N) over the widths in [widthMin, widthMax] that have ok networks, with a 95% percentile
 * bootstrap interval for alpha.
 *
 * <p>Bootstrap: each of {@code resamples} replicates draws, for every width independently, as many
 * losses as it has ok networks, with replacement, from that width's ok losses (seeds are resampled
 * within a width), takes the medians and refits; the interval is the type-7 2.5% and 97.5% quantiles
 * of the replicates' alphas. The draws come from one SplitMix64 stream with the given seed, in
 * ascending width order over ascending-sorted losses, so the interval is a pure function of the
 * losses and the seed.
 *
 * <p>{@link #fits} gives one fit over all widths ({@link Kind#ALL}), one over the widths from
 * {@link #WIDE_MIN_WIDTH} up ({@link Kind#WIDE}, when there are two of them: the range of the paper's
 * figure 1c, where the N^-1 law is claimed; a fit over N = 1..50 would mix in the narrow networks'
 * steeper start) and one between every pair of consecutive widths ({@link Kind#LOCAL}: the local
 * exponent -dlog(median)/dlog(N)); all of them use the same replicates. Fewer than two widths with
 * ok networks give no fit.
 *
 * <p>{@link #along} fits the same law, with the same bootstrap, against any positive x: a swept
 * setting such as the number of training points, at one fixed width.
 */
public record PowerLawFit(Kind kind, int widthMin, int widthMax, int widths, double alpha,
    double alphaLow, double alphaHigh, double prefactor, int resamples) {

  /** The narrowest width of the {@link Kind#WIDE} fit: the paper's figure 1c spans N = 10..50. */
  public static final int WIDE_MIN_WIDTH = 10;

  public enum Kind {
    ALL, WIDE, LOCAL;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static List<PowerLawFit> fits(List<WidthLosses> widths, int resamples, long seed) {
    requireResamples(resamples);
    List<WidthLosses> used = new ArrayList<>();
    for (WidthLosses w : widths) {
      if (w.ok() > 0) {
        used.add(w);
      }
    }
    used.sort((a, b) -> Integer.compare(a.width(), b.width()));
    int k = used.size();
    if (k < 2) {
      return List.of();
    }
    double[] n = new double[k];
    double[][] losses = new double[k][];
    for (int j = 0; j < k; j++) {
      n[j] = used.get(j).width();
      losses[j] = used.get(j).losses();
    }
    // Ranges: [0, k-1] for the overall fit, [j, j+1] for each local exponent, [wide, k-1] for the
    // wide fit when at least two widths are >= WIDE_MIN_WIDTH.
    int wide = 0;
    while (wide < k && used.get(wide).width() < WIDE_MIN_WIDTH) {
      wide++;
    }
    boolean hasWide = k - wide >= 2;
    int[][] ranges = ranges(k, hasWide ? wide : -1);
    Line[] lines = lines(n, losses, ranges, resamples, seed);
    List<PowerLawFit> out = new ArrayList<>(ranges.length);
    for (int i = 0; i < ranges.length; i++) {
      Kind kind = i == 0 ? Kind.ALL : i < k ? Kind.LOCAL : Kind.WIDE;
      int from = ranges[i][0];
      int to = ranges[i][1];
      out.add(new PowerLawFit(kind, used.get(from).width(), used.get(to).width(), to - from + 1,
          lines[i].alpha, lines[i].alphaLow, lines[i].alphaHigh, lines[i].prefactor, resamples));
    }
    return out;
  }

  /**
   * A power law along any positive x, fitted as {@link #fits} fits it along the width: median
   * loss ~ prefactor * x^-alpha. Kinds {@link Kind#ALL} and {@link Kind#LOCAL} only (the wide
   * range is about widths).
   */
  public record Along(Kind kind, double xMin, double xMax, int points, double alpha,
      double alphaLow, double alphaHigh, double prefactor, int resamples) {}

  /**
   * The fits of median loss against x, where {@code losses.get(i)} are the networks at position
   * {@code x[i]} (e.g. one width's networks trained on x[i] points): one over every position
   * that has ok networks ({@link Kind#ALL}) and one per pair of consecutive such positions
   * ({@link Kind#LOCAL}), in ascending x, with the bootstrap of {@link #fits} (losses resampled
   * within each position, one stream from {@code seed}, positions in ascending x). Fewer than two
   * positions with ok networks give no fit. Positions must be finite, > 0 and distinct.
   */
  public static List<Along> along(double[] x, List<WidthLosses> losses, int resamples, long seed) {
    requireResamples(resamples);
    if (x.length != losses.size()) {
      throw new IllegalArgumentException(x.length + " positions but " + losses.size() + " samples");
    }
    List<Integer> used = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (!(x[i] > 0 && x[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("a position must be finite and > 0, got " + x[i]);
      }
      if (losses.get(i).ok() > 0) {
        used.add(i);
      }
    }
    if (java.util.Arrays.stream(x).distinct().count() != x.length) {
      throw new IllegalArgumentException("positions must be distinct, got "
          + java.util.Arrays.toString(x));
    }
    used.sort((a, b) -> Double.compare(x[a], x[b]));
    int k = used.size();
    if (k < 2) {
      return List.of();
    }
    double[] usedX = new double[k];
    double[][] usedLosses = new double[k][];
    for (int j = 0; j < k; j++) {
      usedX[j] = x[used.get(j)];
      usedLosses[j] = losses.get(used.get(j)).losses();
    }
    int[][] ranges = ranges(k, -1);
    Line[] lines = lines(usedX, usedLosses, ranges, resamples, seed);
    List<Along> out = new ArrayList<>(ranges.length);
    for (int i = 0; i < ranges.length; i++) {
      int from = ranges[i][0];
      int to = ranges[i][1];
      out.add(new Along(i == 0 ? Kind.ALL : Kind.LOCAL, usedX[from], usedX[to], to - from + 1,
          lines[i].alpha, lines[i].alphaLow, lines[i].alphaHigh, lines[i].prefactor, resamples));
    }
    return out;
  }

  private static void requireResamples(int resamples) {
    if (resamples < 1) {
      throw new IllegalArgumentException("need at least one bootstrap resample, got " + resamples);
    }
  }

  /** [0, k-1], then [j, j+1] for each j, then [wide, k-1] unless wide is -1. */
  private static int[][] ranges(int k, int wide) {
    int[][] ranges = new int[k + (wide >= 0 ? 1 : 0)][];
    ranges[0] = new int[] {0, k - 1};
    for (int j = 0; j + 1 < k; j++) {
      ranges[j + 1] = new int[] {j, j + 1};
    }
    if (wide >= 0) {
      ranges[k] = new int[] {wide, k - 1};
    }
    return ranges;
  }

  /** One fitted line: -slope, its bootstrap interval, 10^intercept. */
  private record Line(double alpha, double alphaLow, double alphaHigh, double prefactor) {}

  /**
   * The core of every fit: log10(median loss) on log10(x) over each range of positions (ascending
   * x, each with its ok losses ascending), every range refitted on the same replicates.
   */
  private static Line[] lines(double[] x, double[][] sortedLosses, int[][] ranges, int resamples,
      long seed) {
    int k = x.length;
    double[] logX = new double[k];
    double[] logMedian = new double[k];
    int maxOk = 0;
    for (int j = 0; j < k; j++) {
      logX[j] = StrictMath.log10(x[j]);
      logMedian[j] = LogLoss.log10(Quantiles.median(sortedLosses[j]));
      maxOk = Math.max(maxOk, sortedLosses[j].length);
    }
    double[][] replicateAlpha = new double[ranges.length][resamples];
    RandomStream rng = new RandomStream(seed);
    double[] logMedianB = new double[k];
    int[] counts = new int[maxOk];
    for (int r = 0; r < resamples; r++) {
      for (int j = 0; j < k; j++) {
        logMedianB[j] = LogLoss.log10(resampledMedian(sortedLosses[j], counts, rng));
      }
      for (int i = 0; i < ranges.length; i++) {
        replicateAlpha[i][r] = -slope(logX, logMedianB, ranges[i][0], ranges[i][1]);
      }
    }
    Line[] out = new Line[ranges.length];
    for (int i = 0; i < ranges.length; i++) {
      int from = ranges[i][0];
      int to = ranges[i][1];
      double slope = slope(logX, logMedian, from, to);
      double intercept = mean(logMedian, from, to) - slope * mean(logX, from, to);
      double[] sorted = replicateAlpha[i].clone();
      java.util.Arrays.sort(sorted);
      out[i] = new Line(-slope, Quantiles.of(sorted, 0.025), Quantiles.of(sorted, 0.975),
          StrictMath.pow(10, intercept));
    }
    return out;
  }

  /** The median of one bootstrap resample of an ascending sample, drawn from rng. */
  static double resampledMedian(double[] sorted, int[] counts, RandomStream rng) {
    int n = sorted.length;
    java.util.Arrays.fill(counts, 0, n, 0);
    for (int i = 0; i < n; i++) {
      counts[(int) (rng.nextDouble() * n)]++;
    }
    return Quantiles.ofCounts(sorted, counts, n, 0.5);
  }

  /**
   * Least-squares slope of y on x over indices from..to inclusive. Kept rather than commons-math3's
   * SimpleRegression, which rounds differently (scaling_fit would change; CommonsMathTest).
   */
  static double slope(double[] x, double[] y, int from, int to) {
    double mx = mean(x, from, to);
    double my = mean(y, from, to);
    double sxy = 0;
    double sxx = 0;
    for (int j = from; j <= to; j++) {
      sxy += (x[j] - mx) * (y[j] - my);
      sxx += (x[j] - mx) * (x[j] - mx);
    }
    return sxy / sxx;
  }

  private static double mean(double[] v, int from, int to) {
    double s = 0;
    for (int j = from; j <= to; j++) {
      s += v[j];
    }
    return s / (to - from + 1);
  }
}
