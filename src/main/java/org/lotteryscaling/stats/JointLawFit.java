package org.lotteryscaling.stats;

/**
 * L(N, D) = E + A / N^alpha + B / D^beta, fitted to median losses over a grid of widths N and
 * training-set sizes D (data.points swept) by Chinchilla's approach 3 ({@link HuberLogFit}:
 * Huber loss, delta 1e-3, on log residuals of log L = LSE(a - alpha log N, b - beta log D, e)).
 * {@code e}, {@code a} and {@code b} are E, A and B themselves, not their logs; objective and
 * converged as in {@link OffsetPowerLawFit}.
 */
public record JointLawFit(double e, double a, double alpha, double b, double beta,
    double objective, boolean converged) {

  static final HuberLogFit.Law LAW = new HuberLogFit.Law(true, new int[][] {{0}, {1}});

  /** The fit to one loss per (n[i], d[i]) (all finite and > 0; at least 5 points). */
  public static JointLawFit fit(double[] n, double[] d, double[] loss) {
    return of(HuberLogFit.fit(LAW, data(n, d, loss)));
  }

  /** One optimiser run from the start (E, A, alpha, B, beta). */
  static JointLawFit fitFrom(double[] n, double[] d, double[] loss, double e, double a,
      double alpha, double b, double beta) {
    double[] start = {StrictMath.log(e), StrictMath.log(a), alpha, StrictMath.log(b), beta};
    return of(HuberLogFit.fitFrom(LAW, data(n, d, loss), start));
  }

  public double predict(double n, double d) {
    return e + a * StrictMath.pow(n, -alpha) + b * StrictMath.pow(d, -beta);
  }

  /** The fit with percentile bootstrap intervals at {@code level} for all five parameters. */
  public record Bootstrap(JointLawFit fit, double level, double eLow, double eHigh, double aLow,
      double aHigh, double alphaLow, double alphaHigh, double bLow, double bHigh, double betaLow,
      double betaHigh, int resamples, int unconverged) {}

  /**
   * The bootstrap over seeds: {@code losses[i]} are the ok per-seed losses of the cell
   * (n[i], d[i]). Cells in ascending (N, D), otherwise as {@link OffsetPowerLawFit#bootstrap}.
   */
  public static Bootstrap bootstrap(double[] n, double[] d, double[][] losses, int resamples,
      double level, long seed) {
    HuberLogFit.Replicates r =
        HuberLogFit.bootstrap(LAW, HuberLogFit.Cells.of(positions(n, d), losses), resamples, seed);
    double[][] p = new double[5][resamples];
    for (int k = 0; k < resamples; k++) {
      double[] t = r.theta()[k];
      p[0][k] = StrictMath.exp(t[0]);
      p[1][k] = StrictMath.exp(t[1]);
      p[2][k] = t[2];
      p[3][k] = StrictMath.exp(t[3]);
      p[4][k] = t[4];
    }
    double[][] q = new double[5][];
    for (int j = 0; j < 5; j++) {
      q[j] = HuberLogFit.interval(p[j], level);
    }
    return new Bootstrap(of(r.fit()), level, q[0][0], q[0][1], q[1][0], q[1][1], q[2][0],
        q[2][1], q[3][0], q[3][1], q[4][0], q[4][1], resamples, r.unconverged());
  }

  static double[][] positions(double[] n, double[] d) {
    if (n.length != d.length) {
      throw new IllegalArgumentException(n.length + " widths but " + d.length + " data sizes");
    }
    double[][] x = new double[n.length][];
    for (int i = 0; i < n.length; i++) {
      x[i] = new double[] {n[i], d[i]};
    }
    return x;
  }

  static HuberLogFit.Data data(double[] n, double[] d, double[] loss) {
    if (n.length != loss.length) {
      throw new IllegalArgumentException(n.length + " positions but " + loss.length + " losses");
    }
    return HuberLogFit.Data.of(positions(n, d), loss);
  }

  private static JointLawFit of(HuberLogFit.Result r) {
    double[] t = r.theta();
    return new JointLawFit(StrictMath.exp(t[0]), StrictMath.exp(t[1]), t[2], StrictMath.exp(t[3]),
        t[4], r.objective(), r.converged());
  }
}
