package org.lotteryscaling.stats;

/**
 * Sample quantiles, one definition everywhere: Hyndman and Fan's type 7 (the default of R and
 * NumPy), linear interpolation between order statistics. For sorted x of length n and 0 <= p <= 1,
 * h = (n - 1) p and q(p) = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). The median is
 * q(0.5): the middle value, or the mean of the two middle values. Kept rather than commons-math3's
 * Percentile (R_7), which rounds the interpolation differently (CommonsMathTest) and has no
 * quantile of a resample given as multiplicities.
 */
public final class Quantiles {
  private Quantiles() {}

  /** The type-7 quantile of an ascending, non-empty array. */
  public static double of(double[] sorted, double p) {
    return of(sorted, sorted.length, p);
  }

  /** As {@link #of(double[], double)} over the first n values of {@code sorted}. */
  public static double of(double[] sorted, int n, double p) {
    if (n < 1) {
      throw new IllegalArgumentException("quantile of an empty sample");
    }
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("quantile level must be in [0, 1], got " + p);
    }
    double h = (n - 1) * p;
    int lo = (int) Math.floor(h);
    if (lo >= n - 1) {
      return sorted[n - 1];
    }
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
  }

  public static double median(double[] sorted) {
    return of(sorted, 0.5);
  }

  /** The type-7 quantile of values in any order (sorted on a copy); NaN when there are none. */
  public static double ofUnsorted(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return of(sorted, p);
  }

  /** The median of values in any order (sorted on a copy); NaN when there are none. */
  public static double medianOfUnsorted(double[] values) {
    return ofUnsorted(values, 0.5);
  }

  /**
   * The type-7 quantile of a resample given as multiplicities: {@code counts[i]} copies of
   * {@code sorted[i]}, n copies in all. A bootstrap resample of a sorted sample is exactly this, and
   * walking the counts finds its order statistics in O(length) without sorting.
   */
  public static double ofCounts(double[] sorted, int[] counts, int n, double p) {
    double h = (n - 1) * p;
    int lo = (int) Math.floor(h);
    double a = orderStatistic(sorted, counts, lo);
    if (lo >= n - 1 || h == lo) {
      return a;
    }
    return a + (h - lo) * (orderStatistic(sorted, counts, lo + 1) - a);
  }

  /** The k-th smallest (0-based) value of the resample with the given multiplicities. */
  private static double orderStatistic(double[] sorted, int[] counts, int k) {
    int seen = 0;
    for (int i = 0; i < sorted.length; i++) {
      seen += counts[i];
      if (seen > k) {
        return sorted[i];
      }
    }
    throw new IllegalArgumentException("order statistic " + k + " beyond the resample");
  }
}
