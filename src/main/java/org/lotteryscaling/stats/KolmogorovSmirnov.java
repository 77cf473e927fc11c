package org.lotteryscaling.stats;

/**
 * The two-sample Kolmogorov-Smirnov test: D = sup |F1 - F2| of the two empirical distribution
 * functions, and its asymptotic p-value Q(sqrt(n1 n2 / (n1 + n2)) D) from Kolmogorov's limiting
 * distribution Q(lambda) = 2 sum_{k>=1} (-1)^(k-1) exp(-2 k^2 lambda^2) (no finite-sample
 * correction; good for samples of a few dozen and more). Kept rather than commons-math3's
 * KolmogorovSmirnovTest, which rounds D and p differently and gives exact p-values below
 * n1 n2 = 10000: the synergy table would change (CommonsMathTest).
 */
public final class KolmogorovSmirnov {
  private KolmogorovSmirnov() {}

  /** D of two non-empty ascending samples; ties are stepped over together. */
  public static double statistic(double[] a, double[] b) {
    int n1 = a.length;
    int n2 = b.length;
    if (n1 == 0 || n2 == 0) {
      throw new IllegalArgumentException("KS statistic of an empty sample");
    }
    int i = 0;
    int j = 0;
    double d = 0;
    while (i < n1 && j < n2) {
      double x = Math.min(a[i], b[j]);
      while (i < n1 && a[i] == x) {
        i++;
      }
      while (j < n2 && b[j] == x) {
        j++;
      }
      d = Math.max(d, Math.abs((double) i / n1 - (double) j / n2));
    }
    return d;
  }

  /** Asymptotic p-value of a two-sample statistic d with sample sizes n1 and n2. */
  public static double pValue(double d, long n1, long n2) {
    double effective = (double) n1 * n2 / (n1 + n2);
    return survival(Math.sqrt(effective) * d);
  }

  /**
   * Q(lambda) = P(K > lambda) for Kolmogorov's K. For lambda < 1.18 the alternating series converges
   * slowly, so there it is 1 minus the Jacobi-theta form
   * P(K <= lambda) = sqrt(2 pi) / lambda sum_{k>=1} exp(-(2k - 1)^2 pi^2 / (8 lambda^2)).
   */
  public static double survival(double lambda) {
    if (!(lambda > 0)) {
      return 1;
    }
    return lambda < 1.18 ? 1 - cdfSmall(lambda) : survivalLarge(lambda);
  }

  /** P(K <= lambda) by the theta series, accurate for small and moderate lambda. */
  static double cdfSmall(double lambda) {
    double c = -Math.PI * Math.PI / (8 * lambda * lambda);
    double sum = 0;
    for (int k = 1; k <= 100; k++) {
      double term = StrictMath.exp(c * (2 * k - 1) * (2 * k - 1));
      sum += term;
      if (term < 1e-17 * sum) {
        break;
      }
    }
    return Math.sqrt(2 * Math.PI) / lambda * sum;
  }

  /** Q(lambda) by the alternating series, accurate for moderate and large lambda. */
  static double survivalLarge(double lambda) {
    double sum = 0;
    double sign = 1;
    for (int k = 1; k <= 100; k++) {
      double term = StrictMath.exp(-2.0 * k * k * lambda * lambda);
      sum += sign * term;
      if (term < 1e-17 * Math.abs(sum) || term == 0) {
        break;
      }
      sign = -sign;
    }
    return Math.max(0, Math.min(1, 2 * sum));
  }
}
