package org.lotteryscaling.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void prominenceFollowsTheTopographicDefinition() {
    double[] f = {0, 3, 1, 5, 2, 4, 0};
    assertEquals(2, LossModes.prominence(f, 1), 0); // bases 0 (left) and 1 (right, before 5)
    assertEquals(5, LossModes.prominence(f, 3), 0);
    assertEquals(2, LossModes.prominence(f, 5), 0); // bases 2 (left, before 5) and 0
    assertEquals(java.util.List.of(1, 3, 5), LossModes.prominentPeaks(f));
    double[] plateau = {0, 2, 2, 2, 0};
    assertEquals(java.util.List.of(2), LossModes.prominentPeaks(plateau));
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
    LossModes none = LossModes.of(new WidthLosses(1, 6, new double[0]));
    assertEquals(0, none.count());
    assertNull(none.lowest());
    assertEquals(0, none.lotteryRate(), 0);
    assertTrue(Double.isNaN(none.bandwidth()));
  }
}
