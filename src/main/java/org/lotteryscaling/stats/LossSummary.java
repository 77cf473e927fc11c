package org.lotteryscaling.stats;

/**
 * Order statistics of one width's final losses (type-7 quantiles, {@link Quantiles}) and the mean
 * and sample standard deviation (n - 1 denominator) of log10 loss, over the ok networks. With no
 * ok network every statistic is NaN; with one, the sd is NaN.
 */
public record LossSummary(long networks, int ok, long diverged, double min, double q10, double q25,
    double median, double q75, double q90, double max, double meanLog10, double sdLog10) {

  public static LossSummary of(WidthLosses w) {
    double[] x = w.losses();
    int n = x.length;
    if (n == 0) {
      double nan = Double.NaN;
      return new LossSummary(w.networks(), 0, w.diverged(), nan, nan, nan, nan, nan, nan, nan, nan, nan);
    }
    double[] logs = LogLoss.log10(x);
    return new LossSummary(w.networks(), n, w.diverged(), x[0], Quantiles.of(x, 0.10),
        Quantiles.of(x, 0.25), Quantiles.of(x, 0.5), Quantiles.of(x, 0.75), Quantiles.of(x, 0.90),
        x[n - 1], mean(logs), sampleSd(logs));
  }

  static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  /**
   * Sample standard deviation (n - 1); NaN for fewer than two values. Kept rather than
   * commons-math3's StandardDeviation, which rounds differently (CommonsMathTest).
   */
  static double sampleSd(double[] x) {
    if (x.length < 2) {
      return Double.NaN;
    }
    double m = mean(x);
    double ss = 0;
    for (double v : x) {
      ss += (v - m) * (v - m);
    }
    return Math.sqrt(ss / (x.length - 1));
  }
}
