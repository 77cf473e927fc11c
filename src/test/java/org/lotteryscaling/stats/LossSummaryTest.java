package org.lotteryscaling.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LossSummaryTest {

  @Test
  void quantilesAndLogMomentsOfAKnownSample() {
    // losses 10^-1 .. 10^-5: log10 mean -3, sd sqrt(2.5); the median is the middle loss.
    LossSummary s = LossSummary.of(new WidthLosses(4, 7, new double[] {1e-3, 1e-1, 1e-5, 1e-2, 1e-4}));
    assertEquals(7, s.networks());
    assertEquals(5, s.ok());
    assertEquals(2, s.diverged());
    assertEquals(1e-5, s.min(), 0);
    assertEquals(1e-3, s.median(), 0);
    assertEquals(1e-1, s.max(), 0);
    assertEquals(1e-4, s.q25(), 0);
    assertEquals(1e-5 + 0.4 * (1e-4 - 1e-5), s.q10(), 1e-20);
    assertEquals(-3, s.meanLog10(), 1e-12);
    assertEquals(Math.sqrt(2.5), s.sdLog10(), 1e-12);
  }

  @Test
  void oneNetworkHasEveryQuantileAtItsLossAndNoSpread() {
    LossSummary s = LossSummary.of(new WidthLosses(1, 1, new double[] {0.25}));
    assertEquals(0.25, s.min(), 0);
    assertEquals(0.25, s.q10(), 0);
    assertEquals(0.25, s.q90(), 0);
    assertEquals(Math.log10(0.25), s.meanLog10(), 1e-15);
    assertTrue(Double.isNaN(s.sdLog10()));
  }

  @Test
  void allDivergedCountsThemAndHasNoLossStatistics() {
    LossSummary s = LossSummary.of(new WidthLosses(8, 3, new double[0]));
    assertEquals(3, s.networks());
    assertEquals(0, s.ok());
    assertEquals(3, s.diverged());
    assertTrue(Double.isNaN(s.median()) && Double.isNaN(s.meanLog10()) && Double.isNaN(s.min()));
  }

  @Test
  void aZeroLossIsFiniteOnTheLogScaleAndBadLossesAreRejected() {
    LossSummary s = LossSummary.of(new WidthLosses(2, 2, new double[] {0, 1}));
    assertTrue(Double.isFinite(s.meanLog10()));
    assertThrows(IllegalArgumentException.class, () -> new WidthLosses(2, 1, new double[] {Double.NaN}));
    assertThrows(IllegalArgumentException.class, () -> new WidthLosses(2, 1, new double[] {-1}));
    assertThrows(IllegalArgumentException.class, () -> new WidthLosses(2, 1, new double[] {1, 2}));
  }
}
