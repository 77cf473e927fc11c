package org.lotteryscaling.stats;

import org.lotteryscaling.nn.RandomStream;

/** Synthetic loss samples with known answers, for the stats and aggregate tests. */
public final class Synthetic {
  private final RandomStream rng;

  public Synthetic(long seed) {
    this.rng = new RandomStream(seed);
  }

  /** A standard normal draw (Box-Muller). */
  public double normal() {
    double u = 1 - rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  public double uniform() {
    return rng.nextDouble();
  }

  /** n losses 10^(log10Center + sd * Z): lognormal, median 10^log10Center. */
  public double[] logNormal(int n, double log10Center, double log10Sd) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = Math.pow(10, log10Center + log10Sd * normal());
    }
    return out;
  }

  /** C * N^-alpha * lognormal noise (natural-log sd sigma), n losses. */
  public double[] powerLaw(int n, double c, double alpha, int width, double sigma) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = c * Math.pow(width, -alpha) * Math.exp(sigma * normal());
    }
    return out;
  }

  /** (E + A x^-alpha) * lognormal noise (natural-log sd sigma), n losses. */
  public double[] offsetLaw(int n, double e, double a, double alpha, double x, double sigma) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = (e + a * Math.pow(x, -alpha)) * Math.exp(sigma * normal());
    }
    return out;
  }

  /** (E + A N^-alpha + B D^-beta) * lognormal noise (natural-log sd sigma), n losses. */
  public double[] jointLaw(int n, double e, double a, double alpha, double b, double beta,
      double width, double points, double sigma) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = (e + a * Math.pow(width, -alpha) + b * Math.pow(points, -beta))
          * Math.exp(sigma * normal());
    }
    return out;
  }

  /** n losses, each the harmonic ensemble 1/(1/L1 + 1/L2) of two independent draws from half. */
  public double[] harmonicPairs(int n, double[] half) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double l1 = half[(int) (rng.nextDouble() * half.length)];
      double l2 = half[(int) (rng.nextDouble() * half.length)];
      out[i] = 1 / (1 / l1 + 1 / l2);
    }
    return out;
  }

  public static double[] concat(double[] a, double[] b) {
    double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
