package org.lotteryscaling.mechanism;

import org.lotteryscaling.nn.Nonlinearity;
import org.lotteryscaling.nn.Dataset;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.stats.SynergyTest;

/**
 * Two trained networks combined by least-squares output weights (beyond the paper: the real
 * ensemble behind its synergy formula): f_E = a f_1 + b f_2 + c fitted on the training points, its
 * loss against the harmonic prediction 1/(1/L1 + 1/L2) of section 4.
 *
 * <p>Why the two can differ even for ideal tickets: when the errors e_i = f_i - y are orthogonal to
 * each other, to 1 and to y, the fit with an intercept has the closed form
 * {@code 1/(1/L1 + 1/L2 + 1/Var(y))} ({@link #orthogonalErrorLoss}); the harmonic formula is its
 * limit for Var(y) much larger than the losses.
 *
 * @param weightA   a
 * @param weightB   b
 * @param offset    c
 * @param lossA     mean squared error of f_1 alone
 * @param lossB     mean squared error of f_2 alone
 * @param loss      mean squared error of f_E
 */
public record Ensemble(double weightA, double weightB, double offset, double lossA, double lossB,
    double loss) {

  /** Fits the ensemble on predictions fa, fb of the targets y at the same points. */
  public static Ensemble fit(double[] fa, double[] fb, double[] y) {
    double[][] columns = {fa, fb, LeastSquares.ones(y.length)};
    double[] a = LeastSquares.solve(columns, y);
    return new Ensemble(a[0], a[1], a[2], meanSquaredError(fa, y), meanSquaredError(fb, y),
        LeastSquares.meanSquaredResidual(columns, a, y));
  }

  /** 1/(1/L1 + 1/L2): the loss section 4 predicts for the ensemble of two lottery tickets. */
  public double harmonicLoss() {
    return SynergyTest.harmonicEnsemble(lossA, lossB);
  }

  /** The exact least-squares loss when the two errors are orthogonal to each other, to 1 and to y. */
  public static double orthogonalErrorLoss(double lossA, double lossB, double varianceY) {
    return 1.0 / (1.0 / lossA + 1.0 / lossB + 1.0 / varianceY);
  }

  /** f(x_m) at each point of a dataset. */
  public static double[] predictions(Network network, Nonlinearity activation, Dataset data) {
    double[] f = new double[data.size()];
    double[] x = new double[data.dimension()];
    for (int m = 0; m < f.length; m++) {
      for (int j = 0; j < x.length; j++) {
        x[j] = data.x(m, j);
      }
      f[m] = network.apply(activation, x);
    }
    return f;
  }

  /** The ensemble's own predictions a fa + b fb + c. */
  public double[] combine(double[] fa, double[] fb) {
    double[] f = new double[fa.length];
    for (int m = 0; m < f.length; m++) {
      f[m] = weightA * fa[m] + weightB * fb[m] + offset;
    }
    return f;
  }

  public static double meanSquaredError(double[] f, double[] y) {
    double sum = 0;
    for (int m = 0; m < y.length; m++) {
      double r = f[m] - y[m];
      sum += r * r;
    }
    return sum / y.length;
  }
}
