package org.lotteryscaling.stats;

import org.lotteryscaling.nn.RandomStream;

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

  /**
   * The 95% percentile bootstrap interval of the median: {@code resamples} replicates, each the
   * median of as many losses as there are, drawn with replacement from one SplitMix64 stream of
   * {@code seed} over the ascending losses (the scaling fits' draws, {@link
   * PowerLawFit#resampledMedian}); the type-7 2.5% and 97.5% quantiles of the replicates. NaN,
   * NaN without losses. A pure function of the losses and the seed.
   */
  public static double[] medianInterval(WidthLosses w, int resamples, long seed) {
    double[] x = w.losses();
    if (x.length == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    RandomStream rng = new RandomStream(seed);
    int[] counts = new int[x.length];
    double[] medians = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      medians[r] = PowerLawFit.resampledMedian(x, counts, rng);
    }
    java.util.Arrays.sort(medians);
    return new double[] {Quantiles.of(medians, 0.025), Quantiles.of(medians, 0.975)};
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
