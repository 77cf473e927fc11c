package org.lotteryscaling.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** L(N, D) = E + A/N^alpha + B/D^beta against synthetic per-seed losses of known parameters. */
class JointLawFitTest {

  static final double[] N = {2, 4, 8, 16, 32};
  static final double[] D = {100, 300, 1000, 3000, 10000};
  // Truth: a floor of 1e-3, the width term dominant at small N, the data term at small D.
  static final double E = 1e-3;
  static final double A = 0.5;
  static final double ALPHA = 1;
  static final double B = 2;
  static final double BETA = 0.7;

  /** The grid's cells as parallel arrays: n[i], d[i], per-seed losses[i]. */
  record Grid(double[] n, double[] d, double[][] losses) {}

  static Grid grid(long seed, int seeds, double sigma) {
    Synthetic s = new Synthetic(seed);
    int k = N.length * D.length;
    double[] n = new double[k];
    double[] d = new double[k];
    double[][] losses = new double[k][seeds];
    for (int i = 0; i < N.length; i++) {
      for (int j = 0; j < D.length; j++) {
        int c = i * D.length + j;
        n[c] = N[i];
        d[c] = D[j];
        double law = E + A * Math.pow(N[i], -ALPHA) + B * Math.pow(D[j], -BETA);
        for (int t = 0; t < seeds; t++) {
          losses[c][t] = law * Math.exp(sigma * s.normal());
        }
      }
    }
    return new Grid(n, d, losses);
  }

  @Test
  void exactLossesGiveTheLawBack() {
    Grid g = grid(1, 1, 0);
    double[] loss = OffsetPowerLawFitTest.medians(g.losses());
    JointLawFit f = JointLawFit.fit(g.n(), g.d(), loss);
    assertTrue(f.converged(), f.toString());
    assertEquals(E, f.e(), 1e-8);
    assertEquals(A, f.a(), 1e-6);
    assertEquals(ALPHA, f.alpha(), 1e-6);
    assertEquals(B, f.b(), 1e-5);
    assertEquals(BETA, f.beta(), 1e-6);
    assertEquals(loss[7], f.predict(g.n()[7], g.d()[7]), 1e-9);
  }

  @Test
  void noisySeedsGiveTheLawBackInsideTheNinetyPercentIntervals() {
    Grid g = grid(2, 30, 0.3);
    JointLawFit.Bootstrap b = JointLawFit.bootstrap(g.n(), g.d(), g.losses(), 100, 0.9, 1);
    assertTrue(b.fit().converged(), b.toString());
    assertTrue(b.eLow() <= E && E <= b.eHigh(), b.toString());
    assertTrue(b.aLow() <= A && A <= b.aHigh(), b.toString());
    assertTrue(b.alphaLow() <= ALPHA && ALPHA <= b.alphaHigh(), b.toString());
    assertTrue(b.bLow() <= B && B <= b.bHigh(), b.toString());
    assertTrue(b.betaLow() <= BETA && BETA <= b.betaHigh(), b.toString());
    assertEquals(0, b.unconverged(), b.toString());
  }

  @Test
  void aStartFarFromTheOptimumConvergesToIt() {
    Grid g = grid(3, 30, 0.3);
    double[] loss = OffsetPowerLawFitTest.medians(g.losses());
    JointLawFit best = JointLawFit.fit(g.n(), g.d(), loss);
    // Every parameter far off: E above every loss, A and B 1e-3 of the truth, exponents 5.
    JointLawFit far = JointLawFit.fitFrom(g.n(), g.d(), loss, 10, 5e-4, 5, 2e-3, 5);
    assertTrue(far.converged(), far.toString());
    assertEquals(best.objective(), far.objective(), 1e-8 * best.objective());
    assertEquals(best.alpha(), far.alpha(), 1e-5);
    assertEquals(best.beta(), far.beta(), 1e-5);
  }

  /** 200 replicates, 100 resamples each (run with -Dcoverage=true; a few minutes). */
  @Test
  @EnabledIfSystemProperty(named = "coverage", matches = "true")
  void ninetyPercentIntervalsCoverTheTruthAtLeastEightyFivePercentOfTheTime() {
    int[] covered = new int[5];
    int replicates = 200;
    for (int t = 0; t < replicates; t++) {
      Grid g = grid(1000 + t, 20, 0.3);
      JointLawFit.Bootstrap b = JointLawFit.bootstrap(g.n(), g.d(), g.losses(), 100, 0.9, t);
      covered[0] += b.eLow() <= E && E <= b.eHigh() ? 1 : 0;
      covered[1] += b.aLow() <= A && A <= b.aHigh() ? 1 : 0;
      covered[2] += b.alphaLow() <= ALPHA && ALPHA <= b.alphaHigh() ? 1 : 0;
      covered[3] += b.bLow() <= B && B <= b.bHigh() ? 1 : 0;
      covered[4] += b.betaLow() <= BETA && BETA <= b.betaHigh() ? 1 : 0;
    }
    System.out.println("joint law coverage over 200: E, A, alpha, B, beta "
        + java.util.Arrays.toString(covered));
    // Measured (docs/analyses.md): coverage is at least nominal but above 95% for some
    // parameters (percentile intervals of medians of few seeds are conservative), so only the
    // lower end of 85-95% is asserted.
    for (int c : covered) {
      assertTrue(c >= 170, java.util.Arrays.toString(covered));
    }
  }
}
