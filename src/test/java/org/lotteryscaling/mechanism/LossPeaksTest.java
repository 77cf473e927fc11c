package org.lotteryscaling.mechanism;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
