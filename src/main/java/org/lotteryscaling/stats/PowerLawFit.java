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
    if (resamples < 1) {
      throw new IllegalArgumentException("need at least one bootstrap resample, got " + resamples);
    }
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
    double[] logN = new double[k];
    double[] logMedian = new double[k];
    for (int j = 0; j < k; j++) {
      logN[j] = StrictMath.log10(used.get(j).width());
      logMedian[j] = LogLoss.log10(used.get(j).median());
    }
    // Ranges: [0, k-1] for the overall fit, [j, j+1] for each local exponent, [wide, k-1] for the
    // wide fit when at least two widths are >= WIDE_MIN_WIDTH.
    int wide = 0;
    while (wide < k && used.get(wide).width() < WIDE_MIN_WIDTH) {
      wide++;
    }
    boolean hasWide = k - wide >= 2;
    int ranges = k + (hasWide ? 1 : 0);
    double[][] replicateAlpha = new double[ranges][resamples];
    RandomStream rng = new RandomStream(seed);
    double[] logMedianB = new double[k];
    int[] counts = new int[maxOk(used)];
    for (int r = 0; r < resamples; r++) {
      for (int j = 0; j < k; j++) {
        logMedianB[j] = LogLoss.log10(resampledMedian(used.get(j).losses(), counts, rng));
      }
      replicateAlpha[0][r] = -slope(logN, logMedianB, 0, k - 1);
      for (int j = 0; j + 1 < k; j++) {
        replicateAlpha[j + 1][r] = -slope(logN, logMedianB, j, j + 1);
      }
      if (hasWide) {
        replicateAlpha[k][r] = -slope(logN, logMedianB, wide, k - 1);
      }
    }
    List<PowerLawFit> out = new ArrayList<>(ranges);
    out.add(fit(Kind.ALL, used, logN, logMedian, 0, k - 1, replicateAlpha[0]));
    for (int j = 0; j + 1 < k; j++) {
      out.add(fit(Kind.LOCAL, used, logN, logMedian, j, j + 1, replicateAlpha[j + 1]));
    }
    if (hasWide) {
      out.add(fit(Kind.WIDE, used, logN, logMedian, wide, k - 1, replicateAlpha[k]));
    }
    return out;
  }

  private static PowerLawFit fit(Kind kind, List<WidthLosses> used, double[] logN,
      double[] logMedian, int from, int to, double[] replicates) {
    double slope = slope(logN, logMedian, from, to);
    double intercept = mean(logMedian, from, to) - slope * mean(logN, from, to);
    double[] sorted = replicates.clone();
    java.util.Arrays.sort(sorted);
    return new PowerLawFit(kind, used.get(from).width(), used.get(to).width(), to - from + 1,
        -slope, Quantiles.of(sorted, 0.025), Quantiles.of(sorted, 0.975),
        StrictMath.pow(10, intercept), replicates.length);
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

  private static int maxOk(List<WidthLosses> widths) {
    int m = 0;
    for (WidthLosses w : widths) {
      m = Math.max(m, w.ok());
    }
    return m;
  }
}
