package org.lotteryscaling.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.Dataset;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.nn.RandomStream;

class LeastSquaresTest {

  static Dataset uniformPoints(int m, Network labeller, Activation activation, long seed) {
    RandomStream r = new RandomStream(seed);
    double[] x = new double[m];
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      x[i] = r.uniform(-2, 2);
      y[i] = labeller.apply(activation, new double[] {x[i]});
    }
    return new Dataset(1, x, y);
  }

  @Test
  void refittingAnOutputLayerRecoversKnownWeights() {
    double[][] w = {{-0.83}, {1.4}};
    double[] b = {-1.17, 0.3};
    for (Activation act : Activation.values()) {
      Network truth = Network.of(w, b, new double[] {5.69, -2.25}, 3.15);
      Dataset data = uniformPoints(400, truth, act, 7);
      Network fit = Distillation.refitOutputLayer(w, b, act, data);
      assertEquals(5.69, fit.v(0), 1e-9, act.id());
      assertEquals(-2.25, fit.v(1), 1e-9, act.id());
      assertEquals(3.15, fit.c(), 1e-9, act.id());
      assertTrue(fit.meanSquaredError(act, data) < 1e-20);
    }
  }

  @Test
  void leastSquaresMatchesTheNormalEquationsOnNoisyData() {
    RandomStream r = new RandomStream(8);
    int m = 200;
    double[] x1 = new double[m];
    double[] x2 = new double[m];
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      x1[i] = r.uniform(-1, 1);
      x2[i] = r.uniform(-1, 1);
      y[i] = 2 * x1[i] - x2[i] + 0.5 + 0.1 * Fixtures.normal(r);
    }
    double[][] cols = {x1, x2, LeastSquares.ones(m)};
    double[] a = LeastSquares.solve(cols, y);
    // At the minimum the residual is orthogonal to every column.
    for (double[] col : cols) {
      double dot = 0;
      for (int i = 0; i < m; i++) {
        dot += col[i] * (a[0] * x1[i] + a[1] * x2[i] + a[2] - y[i]);
      }
      assertEquals(0, dot, 1e-10);
    }
  }

  @Test
  void anEnsembleWithOrthogonalErrorsMatchesTheClosedFormAndTheHarmonicFormula() {
    RandomStream r = new RandomStream(9);
    int m = 1000;
    // y, e1, e2: e1 and e2 orthogonal to 1, to y and to each other (Gram-Schmidt on random vectors).
    double[][] basis = new double[4][m];
    for (int i = 0; i < m; i++) {
      basis[0][i] = 1;
      for (int k = 1; k < 4; k++) {
        basis[k][i] = Fixtures.normal(r);
      }
    }
    for (int k = 1; k < 4; k++) {
      for (int j = 0; j < k; j++) {
        double proj = dot(basis[k], basis[j]) / dot(basis[j], basis[j]);
        for (int i = 0; i < m; i++) {
          basis[k][i] -= proj * basis[j][i];
        }
      }
    }
    for (double[] scales : new double[][] {{3.0, 0.2, 0.1}, {1.0, 0.5, 0.5}, {10.0, 1e-3, 3e-3}}) {
      double[] y = new double[m];
      double[] f1 = new double[m];
      double[] f2 = new double[m];
      for (int i = 0; i < m; i++) {
        y[i] = 2.0 + scales[0] * basis[1][i];
        f1[i] = y[i] + scales[1] * basis[2][i];
        f2[i] = y[i] + scales[2] * basis[3][i];
      }
      Ensemble e = Ensemble.fit(f1, f2, y);
      double varY = dot(basis[1], basis[1]) / m * scales[0] * scales[0];
      double expected = Ensemble.orthogonalErrorLoss(e.lossA(), e.lossB(), varY);
      assertEquals(expected, e.loss(), 1e-9 * expected);
      // The harmonic formula is its limit when Var(y) dominates the losses.
      double relative = Math.abs(e.loss() / e.harmonicLoss() - 1);
      assertTrue(relative <= 1.01 * e.harmonicLoss() / varY, "relative gap " + relative);
    }
  }

  @Test
  void anEnsembleOfANetworkWithItselfIsThatNetwork() {
    double[] y = {1, 2, 3, 5};
    double[] f = {1.1, 1.8, 3.3, 4.9};
    Ensemble e = Ensemble.fit(f, f.clone(), y);
    // Collinear columns: the pivoting QR still finds the best fit a f + c.
    double[] a = LeastSquares.solve(new double[][] {f, LeastSquares.ones(4)}, y);
    assertEquals(LeastSquares.meanSquaredResidual(new double[][] {f, LeastSquares.ones(4)}, a, y),
        e.loss(), 1e-12);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
