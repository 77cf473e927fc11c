package org.lotteryscaling.mechanism;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lotteryscaling.nn.RandomStream;

class LossPeaksTest {

  @Test
  void findsThreeSeparatedPeaksAndAssignsEveryLoss() {
    RandomStream r = new RandomStream(1);
    double[] centres = {-2, -6, -4}; // log10 loss; listed out of order on purpose
    int[] sizes = {300, 40, 160};
    int total = 500;
    double[] losses = new double[total];
    int[] truth = new int[total];
    int[] expectedPeak = {2, 0, 1}; // peaks are numbered from the lowest loss
    int k = 0;
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < sizes[c]; i++, k++) {
        losses[k] = Math.pow(10, centres[c] + 0.1 * Fixtures.normal(r));
        truth[k] = expectedPeak[c];
      }
    }
    LossPeaks peaks = LossPeaks.of(losses, LossPeaks.DEFAULT_BANDWIDTH);
    assertEquals(3, peaks.peaks());
    assertArrayEquals(truth, peaks.peakOf());
    assertArrayEquals(new int[] {40, 160, 300}, peaks.count());
    assertEquals(-6, peaks.modeLog10()[0], 0.1);
    assertEquals(-4, peaks.modeLog10()[1], 0.1);
    assertEquals(-2, peaks.modeLog10()[2], 0.1);
  }

  @Test
  void oneLogNormalIsOnePeak() {
    RandomStream r = new RandomStream(2);
    double[] losses = new double[1000];
    for (int i = 0; i < losses.length; i++) {
      losses[i] = Math.pow(10, -3 + 0.3 * Fixtures.normal(r));
    }
    LossPeaks peaks = LossPeaks.of(losses, LossPeaks.DEFAULT_BANDWIDTH);
    assertEquals(1, peaks.peaks());
    assertEquals(-3, peaks.modeLog10()[0], 0.1);
  }

  @Test
  void edgeCases() {
    assertEquals(0, LossPeaks.of(new double[0], 0.1).peaks());
    LossPeaks one = LossPeaks.of(new double[] {1e-5}, 0.1);
    assertEquals(1, one.peaks());
    assertEquals(-5, one.modeLog10()[0], 1e-9);
    assertEquals(1, LossPeaks.of(new double[] {1e-3, 1e-3, 1e-3}, 0.1).peaks());
    assertThrows(IllegalArgumentException.class, () -> LossPeaks.of(new double[] {0.0}, 0.1));
    assertThrows(IllegalArgumentException.class, () -> LossPeaks.of(new double[] {Double.NaN}, 0.1));
    assertThrows(IllegalArgumentException.class, () -> LossPeaks.of(new double[] {1.0}, 0));
  }

  /**
   * LossPeaks is now stats.LogLossPeaks with the tickets' parameters. Against the finder it
   * replaced (LegacyLossPeaks: exact kernel sums on the same grid, pairwise merging of peaks whose
   * dip stays above 90% of the lower one): on well separated modes (the paper's case) both find the
   * same peaks with the same members, modes on the same grid point or the next (the binned density
   * can move a flat top by one step of h/10).
   */
  @Test
  void agreesWithTheFinderItReplacedOnSeparatedModes() {
    RandomStream r = new RandomStream(3);
    int samePoint = 0;
    int modes = 0;
    for (int trial = 0; trial < 60; trial++) {
      int k = 1 + trial % 4;
      int n = 20 + (int) (r.nextDouble() * 400);
      double[] losses = new double[n];
      for (int i = 0; i < n; i++) {
        int c = Math.min(k - 1, (int) (r.nextDouble() * k));
        losses[i] = Math.pow(10, -2 - 2.5 * c + (0.05 + 0.1 * (trial % 3)) * Fixtures.normal(r));
      }
      samePoint += compare(losses, LossPeaks.DEFAULT_BANDWIDTH);
      modes += LossPeaks.of(losses, LossPeaks.DEFAULT_BANDWIDTH).peaks();
    }
    assertTrue(samePoint >= 0.9 * modes, samePoint + " of " + modes + " modes on the same grid point");
  }

  /** The existing cases above give exactly the old answers. */
  @Test
  void givesTheOldAnswersOnTheExistingCases() {
    RandomStream r = new RandomStream(1);
    double[] centres = {-2, -6, -4};
    int[] sizes = {300, 40, 160};
    double[] three = new double[500];
    int k = 0;
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < sizes[c]; i++, k++) {
        three[k] = Math.pow(10, centres[c] + 0.1 * Fixtures.normal(r));
      }
    }
    RandomStream r2 = new RandomStream(2);
    double[] one = new double[1000];
    for (int i = 0; i < one.length; i++) {
      one[i] = Math.pow(10, -3 + 0.3 * Fixtures.normal(r2));
    }
    for (double[] losses : new double[][] {three, one, {1e-5}, {1e-3, 1e-3, 1e-3}}) {
      LossPeaks now = LossPeaks.of(losses, LossPeaks.DEFAULT_BANDWIDTH);
      LegacyLossPeaks before = LegacyLossPeaks.of(losses, LossPeaks.DEFAULT_BANDWIDTH);
      assertArrayEquals(before.peakOf(), now.peakOf());
      assertArrayEquals(before.count(), now.count());
      assertArrayEquals(before.modeLog10(), now.modeLog10(), 0);
    }
  }

  /** Same peaks and members; returns how many modes sit on the same grid point (else the next). */
  private static int compare(double[] losses, double h) {
    LossPeaks now = LossPeaks.of(losses, h);
    LegacyLossPeaks before = LegacyLossPeaks.of(losses, h);
    assertArrayEquals(before.count(), now.count());
    assertArrayEquals(before.peakOf(), now.peakOf());
    int same = 0;
    for (int p = 0; p < now.peaks(); p++) {
      assertEquals(before.modeLog10()[p], now.modeLog10()[p], 1.01 * h / 10);
      same += before.modeLog10()[p] == now.modeLog10()[p] ? 1 : 0;
    }
    return same;
  }
}
