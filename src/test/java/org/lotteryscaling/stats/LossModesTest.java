package org.lotteryscaling.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LossModesTest {

  /** Modes of `low` tickets around 10^lowCenter and `high` others around 10^highCenter. */
  static LossModes mixture(long seed, int low, double lowCenter, int high, double highCenter,
      double sd, long diverged) {
    Synthetic s = new Synthetic(seed);
    double[] losses = Synthetic.concat(s.logNormal(low, lowCenter, sd), s.logNormal(high, highCenter, sd));
    return LossModes.of(new WidthLosses(2, low + high + diverged, losses));
  }

  @Test
  void twoComponentMixtureHasTwoModesAndTheLowComponentsShare() {
    // 300 lottery tickets around 1e-6, 700 others around 1e-2, 100 diverged.
    LossModes modes = mixture(11, 300, -6, 700, -2, 0.3, 100);
    assertEquals(2, modes.count());
    assertEquals(-6, modes.lowest().log10Loss(), 0.15);
    assertEquals(-2, modes.peaks().get(1).log10Loss(), 0.15);
    // Components 13 sd apart: the valley separates them exactly.
    assertEquals(300, modes.lowest().networks());
    assertEquals(700, modes.peaks().get(1).networks());
    assertEquals(300.0 / 1100, modes.lotteryRate(), 1e-12);
    // Closer (8 sd) and uneven: both peaks, and about the right share.
    LossModes closer = mixture(5, 150, -5, 850, -3, 0.25, 0);
    assertEquals(2, closer.count());
    assertEquals(0.15, closer.lotteryRate(), 0.01);
  }

  @Test
  void oneLognormalHasOneModeAtItsCenterHoldingEveryNetwork() {
    // The mode of a kernel density is a noisy estimator (here sd about 0.1 decade): check several
    // samples one by one loosely and their average tightly.
    double sum = 0;
    for (long seed = 0; seed < 10; seed++) {
      LossModes modes = LossModes.of(new WidthLosses(20, 1000, new Synthetic(seed).logNormal(1000, -4, 0.5)));
      assertEquals(1, modes.count());
      assertEquals(-4, modes.lowest().log10Loss(), 0.35);
      assertEquals(1.0, modes.lotteryRate(), 0);
      sum += modes.lowest().log10Loss();
    }
    assertEquals(-4, sum / 10, 0.1);
  }

  @Test
  void bandwidthIsSilvermansRule() {
    double[] logs = {-4, -3, -2, -1, 0};
    double sd = Math.sqrt(2.5);
    double iqr = 2; // type-7 quartiles -3 and -1
    double expected = 0.9 * Math.min(sd, iqr / 1.34) * Math.pow(5, -0.2);
    assertEquals(expected, LossModes.silvermanBandwidth(logs), 1e-12);
    // Zero IQR with spread: sd is used.
    double[] ties = {1, 1, 1, 1, 1, 1, 1, 5};
    double sdTies = LossSummary.sampleSd(ties);
    assertEquals(0.9 * sdTies * Math.pow(8, -0.2), LossModes.silvermanBandwidth(ties), 1e-12);
  }

  @Test
  void binnedDensityMatchesTheExactKernelSumAndIntegratesToOne() {
    double[] x = new Synthetic(8).logNormal(300, 0, 1);
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.log10(x[i]);
    }
    java.util.Arrays.sort(x);
    double h = LossModes.silvermanBandwidth(x);
    double from = x[0] - 3 * h;
    double step = (x[x.length - 1] + 3 * h - from) / (LossModes.GRID_POINTS - 1);
    double[] f = LogLossPeaks.binnedDensity(x, h, from, step, LossModes.GRID_POINTS);
    double max = 0;
    double integral = 0;
    for (int g = 0; g < f.length; g++) {
      double exact = 0;
      for (double xi : x) {
        double z = (from + g * step - xi) / h;
        exact += Math.exp(-0.5 * z * z) / (x.length * h * Math.sqrt(2 * Math.PI));
      }
      assertEquals(exact, f[g], 2e-3 * 1 / h, "grid point " + g);
      max = Math.max(max, f[g]);
      integral += f[g] * step;
    }
    assertEquals(1, integral, 1e-3);
  }

  @Test
  void manyEqualLossesAndOneOutlierAreTwoPeaksNotNone() {
    // Five networks in the same minimum (equal to 9 digits: h is about 1e-9 decades), one far
    // above: the kernel is far narrower than the grid step, and binning still finds both.
    double[] losses = {1e-4, 1e-4 * (1 + 1e-9), 1e-4 * (1 + 2e-9), 1e-4 * (1 + 3e-9), 1e-4 * (1 + 4e-9), 1e-1};
    LossModes modes = LossModes.of(new WidthLosses(4, 6, losses));
    assertTrue(modes.bandwidth() > 0 && modes.bandwidth() < 1e-6, modes.toString());
    assertEquals(2, modes.count(), modes.toString());
    assertEquals(-4, modes.lowest().log10Loss(), 0.01);
    assertEquals(5, modes.lowest().networks());
    assertEquals(1, modes.peaks().get(1).networks());
  }

  @Test
  void prominenceFollowsTheTopographicDefinition() {
    double[] f = {0, 3, 1, 5, 2, 4, 0};
    assertEquals(2, LogLossPeaks.prominence(f, 1), 0); // bases 0 (left) and 1 (right, before 5)
    assertEquals(5, LogLossPeaks.prominence(f, 3), 0);
    assertEquals(2, LogLossPeaks.prominence(f, 5), 0); // bases 2 (left, before 5) and 0
    assertEquals(java.util.List.of(1, 3, 5), LogLossPeaks.peaks(f, LossModes.RULE));
    double[] plateau = {0, 2, 2, 2, 0};
    assertEquals(java.util.List.of(2), LogLossPeaks.peaks(plateau, LossModes.RULE));
    // Outside the grid the density is 0: edge spikes are peaks, their outer base is 0.
    double[] edges = {3, 1, 2};
    assertEquals(java.util.List.of(0, 2), LogLossPeaks.peaks(edges, LossModes.RULE));
    assertEquals(3, LogLossPeaks.prominence(edges, 0), 0);
    assertEquals(1, LogLossPeaks.prominence(edges, 2), 0);
  }

  /**
   * Six networks at log10 loss -4 and four at -2 (a = 1 decade either side of -3): Silverman's h
   * is 0.9 sd n^-1/5 = 0.9 (1.033 a) 10^-0.2 = 0.587 a, so the kernel density, a mixture of two
   * Gaussians of sd h' at +-a, is bimodal at h' = h (a / h' = 1.7, a dip of about 60% of the lower
   * peak) and unimodal at h' = 2h (a / h' = 0.85 < 1, below which no two-Gaussian mixture has two
   * modes). The count is 2, its range over h/2..2h is 1 to 2.
   */
  @Test
  void thePeakCountsRangeOverBandwidthsFollowsTheMixturesBimodality() {
    double[] losses = {1e-4, 1e-4, 1e-4, 1e-4, 1e-4, 1e-4, 1e-2, 1e-2, 1e-2, 1e-2};
    LossModes modes = LossModes.of(new WidthLosses(3, 10, losses));
    assertEquals(0.587, modes.bandwidth(), 0.001);
    assertEquals(2, modes.count());
    assertEquals(1, modes.countLow(), modes.toString());
    assertEquals(2, modes.countHigh(), modes.toString());
    // Far apart (13 sd): two peaks at every bandwidth of the range.
    LossModes separated = mixture(11, 300, -6, 700, -2, 0.3, 100);
    assertEquals(List.of(2, 2, 2), List.of(separated.countLow(), separated.count(),
        separated.countHigh()));
  }

  /** The range is the fewest and most of the peak finder's counts at each bandwidth factor. */
  @Test
  void thePeakCountsRangeIsTheFinderAtEachBandwidthFactor() {
    for (long seed = 0; seed < 5; seed++) {
      Synthetic s = new Synthetic(seed);
      double[] losses = Synthetic.concat(s.logNormal(40, -5, 0.4), s.logNormal(60, -3.5, 0.4));
      LossModes modes = LossModes.of(new WidthLosses(2, 100, losses));
      double[] x = LogLoss.log10(losses);
      java.util.Arrays.sort(x);
      int low = Integer.MAX_VALUE;
      int high = 0;
      for (double factor : new double[] {0.5, Math.sqrt(0.5), 1, Math.sqrt(2), 2}) {
        int count = LogLossPeaks.find(x, factor * modes.bandwidth(), LossModes.RULE).size();
        low = Math.min(low, count);
        high = Math.max(high, count);
      }
      assertEquals(List.of(low, high), List.of(modes.countLow(), modes.countHigh()));
      assertTrue(low <= modes.count() && modes.count() <= high, modes.toString());
    }
  }

  @Test
  void degenerateSamplesHaveDefinedModes() {
    LossModes one = LossModes.of(new WidthLosses(1, 4, new double[] {1e-3}));
    assertEquals(1, one.count());
    assertEquals(0, one.bandwidth(), 0);
    assertEquals(-3, one.lowest().log10Loss(), 1e-12);
    assertEquals(0.25, one.lotteryRate(), 0);
    LossModes same = LossModes.of(new WidthLosses(1, 3, new double[] {0.5, 0.5, 0.5}));
    assertEquals(1, same.count());
    assertEquals(3, same.lowest().networks());
    assertEquals(List.of(1, 1), List.of(one.countLow(), one.countHigh()));
    assertEquals(List.of(1, 1), List.of(same.countLow(), same.countHigh()));
    LossModes none = LossModes.of(new WidthLosses(1, 6, new double[0]));
    assertEquals(0, none.count());
    assertNull(none.lowest());
    assertEquals(0, none.lotteryRate(), 0);
    assertTrue(Double.isNaN(none.bandwidth()));
    assertEquals(List.of(0, 0), List.of(none.countLow(), none.countHigh()));
  }
}
