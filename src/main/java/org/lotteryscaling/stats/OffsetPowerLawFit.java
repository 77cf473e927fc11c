package org.lotteryscaling.stats;

/**
 * L = E + A x^-alpha, fitted to median losses along any positive axis x (the width N, or a swept
 * setting such as the number of training points) by Chinchilla's approach 3 ({@link HuberLogFit}:
 * Huber loss, delta 1e-3, on log residuals of log L = LSE(e, a - alpha log x), E = exp(e),
 * A = exp(a); the best of a grid of starts). {@code e} and {@code a} here are E and A
 * themselves, not their logs. {@code objective} is the sum of Huber losses at the fit;
 * {@code converged} says the optimiser stopped at a stationary point (HuberLogFit's rule), not on
 * its iteration budget or a stalled line search.
 */
public record OffsetPowerLawFit(double e, double a, double alpha, double objective,
    boolean converged) {

  static final HuberLogFit.Law LAW = new HuberLogFit.Law(true, new int[][] {{0}});

  /** The fit to one loss per position (positions finite and > 0, losses finite and > 0; >= 3). */
  public static OffsetPowerLawFit fit(double[] x, double[] loss) {
    return of(HuberLogFit.fit(LAW, data(x, loss)));
  }

  /** One optimiser run from the start (E, A, alpha): for the test that a far start converges. */
  static OffsetPowerLawFit fitFrom(double[] x, double[] loss, double e, double a, double alpha) {
    double[] start = {StrictMath.log(e), StrictMath.log(a), alpha};
    return of(HuberLogFit.fitFrom(LAW, data(x, loss), start));
  }

  public double predict(double x) {
    return e + a * StrictMath.pow(x, -alpha);
  }

  /**
   * The fit to the cells' medians with percentile bootstrap intervals at {@code level} (e.g. 0.9)
   * for E, A and alpha; {@code unconverged} counts the replicates whose refit was flagged.
   */
  public record Bootstrap(OffsetPowerLawFit fit, double level, double eLow, double eHigh,
      double aLow, double aHigh, double alphaLow, double alphaHigh, int resamples,
      int unconverged) {}

  /**
   * The bootstrap over seeds: {@code losses[i]} are the ok per-seed losses at {@code x[i]}
   * (any order; cells without losses are left out). Cells are taken in ascending x and each
   * replicate resamples every cell's seeds with replacement, recomputes the medians and refits
   * (HuberLogFit.bootstrap: the streams of {@link PowerLawFit}). A pure function of the losses
   * and the seed.
   */
  public static Bootstrap bootstrap(double[] x, double[][] losses, int resamples, double level,
      long seed) {
    double[][] positions = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      positions[i] = new double[] {x[i]};
    }
    HuberLogFit.Replicates r =
        HuberLogFit.bootstrap(LAW, HuberLogFit.Cells.of(positions, losses), resamples, seed);
    double[][] p = new double[3][resamples];
    for (int k = 0; k < resamples; k++) {
      p[0][k] = StrictMath.exp(r.theta()[k][0]);
      p[1][k] = StrictMath.exp(r.theta()[k][1]);
      p[2][k] = r.theta()[k][2];
    }
    double[] e = HuberLogFit.interval(p[0], level);
    double[] a = HuberLogFit.interval(p[1], level);
    double[] alpha = HuberLogFit.interval(p[2], level);
    return new Bootstrap(of(r.fit()), level, e[0], e[1], a[0], a[1], alpha[0], alpha[1],
        resamples, r.unconverged());
  }

  static HuberLogFit.Data data(double[] x, double[] loss) {
    if (x.length != loss.length) {
      throw new IllegalArgumentException(x.length + " positions but " + loss.length + " losses");
    }
    double[][] positions = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      positions[i] = new double[] {x[i]};
    }
    return HuberLogFit.Data.of(positions, loss);
  }

  private static OffsetPowerLawFit of(HuberLogFit.Result r) {
    double[] t = r.theta();
    return new OffsetPowerLawFit(StrictMath.exp(t[0]), StrictMath.exp(t[1]), t[2], r.objective(),
        r.converged());
  }
}
