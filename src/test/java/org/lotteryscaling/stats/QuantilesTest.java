package org.lotteryscaling.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotteryscaling.nn.RandomStream;

class QuantilesTest {

  @Test
  void typeSevenInterpolatesBetweenOrderStatistics() {
    double[] x = {1, 2, 3, 4};
    // numpy.quantile([1, 2, 3, 4], [0, .25, .5, .9, 1]) = [1, 1.75, 2.5, 3.7, 4]
    assertEquals(1, Quantiles.of(x, 0), 0);
    assertEquals(1.75, Quantiles.of(x, 0.25), 1e-15);
    assertEquals(2.5, Quantiles.median(x), 0);
    assertEquals(3.7, Quantiles.of(x, 0.9), 1e-15);
    assertEquals(4, Quantiles.of(x, 1), 0);
    assertEquals(7, Quantiles.of(new double[] {7}, 0.3), 0);
    assertEquals(2, Quantiles.median(new double[] {1, 2, 3}), 0);
  }

  @Test
  void badInputIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new double[0], 0.5));
    assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new double[] {1}, 1.5));
    assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new double[] {1}, Double.NaN));
  }

  @Test
  void quantileOfMultiplicitiesEqualsQuantileOfTheExpandedResample() {
    RandomStream rng = new RandomStream(3);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + trial % 9;
      double[] sorted = new double[n];
      for (int i = 0; i < n; i++) {
        sorted[i] = i + rng.nextDouble();
      }
      int[] counts = new int[n];
      double[] expanded = new double[n];
      for (int i = 0; i < n; i++) {
        counts[(int) (rng.nextDouble() * n)]++;
      }
      int at = 0;
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < counts[i]; c++) {
          expanded[at++] = sorted[i];
        }
      }
      Arrays.sort(expanded);
      for (double p : new double[] {0, 0.1, 0.5, 0.77, 1}) {
        assertEquals(Quantiles.of(expanded, p), Quantiles.ofCounts(sorted, counts, n, p), 1e-12);
      }
    }
  }

  @Test
  void unsortedInputIsSortedOnACopyAndEmptyGivesNaN() {
    double[] values = {4, 1, 3, 2};
    assertEquals(2.5, Quantiles.medianOfUnsorted(values), 0);
    assertEquals(2, Quantiles.medianOfUnsorted(new double[] {3, 1, 2}), 0);
    assertEquals(1.75, Quantiles.ofUnsorted(values, 0.25), 1e-15);
    assertEquals(List.of(4.0, 1.0, 3.0, 2.0), Arrays.stream(values).boxed().toList());
    assertTrue(Double.isNaN(Quantiles.medianOfUnsorted(new double[0])));
  }

  /**
   * The medians this class replaced (report's Fmt, BenchCommand, AnalyzeJob's algorithms median)
   * averaged the two middle values as (a + b) / 2; type 7 gives a + 0.5 (b - a). When b <= 2a
   * (Sterbenz) b - a is exact, so both are the correctly rounded midpoint: bit-identical. Losses of
   * one cluster can spread further; there the two may differ by one ulp at most.
   */
  @Test
  void evenMedianIsTheMidpointOfTheOldFormula() {
    RandomStream rng = new RandomStream(11);
    for (int trial = 0; trial < 100_000; trial++) {
      double a = Math.pow(10, -20 * rng.nextDouble());
      double b = a * (1 + rng.nextDouble());
      double[] x = {a, b};
      assertEquals((a + b) / 2, Quantiles.median(x), 0);
      double c = a * Math.pow(10, 12 * rng.nextDouble());
      double old = (a + c) / 2;
      assertEquals(old, Quantiles.median(new double[] {a, c}), Math.ulp(old));
    }
  }
}
