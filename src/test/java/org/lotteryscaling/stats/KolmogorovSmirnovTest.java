package org.lotteryscaling.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KolmogorovSmirnovTest {

  @Test
  void survivalMatchesTabulatedKolmogorovValues() {
    // Classic critical values of Kolmogorov's distribution (Smirnov 1948 tables):
    // P(K > 1.22385) = 0.10, P(K > 1.35810) = 0.05, P(K > 1.62762) = 0.01, P(K > 1.94947) = 0.001;
    // and K(1) = 0.730000328.
    assertEquals(0.10, KolmogorovSmirnov.survival(1.22385), 2e-6);
    assertEquals(0.05, KolmogorovSmirnov.survival(1.35810), 2e-6);
    assertEquals(0.01, KolmogorovSmirnov.survival(1.62762), 2e-6);
    assertEquals(0.001, KolmogorovSmirnov.survival(1.94947), 2e-7);
    assertEquals(1 - 0.730000328, KolmogorovSmirnov.survival(1.0), 1e-8);
    assertEquals(1, KolmogorovSmirnov.survival(0), 0);
    assertEquals(1, KolmogorovSmirnov.survival(0.1), 1e-15);
    assertEquals(0, KolmogorovSmirnov.survival(40), 1e-300);
  }

  @Test
  void bothSeriesAgreeWhereBothConverge() {
    // Two forms of the same function (Jacobi's theta identity): an independent check of each.
    for (double lambda = 0.5; lambda <= 2.5; lambda += 0.05) {
      assertEquals(KolmogorovSmirnov.survivalLarge(lambda), 1 - KolmogorovSmirnov.cdfSmall(lambda),
          1e-13, "lambda " + lambda);
    }
  }

  @Test
  void statisticOfSmallSamplesByHand() {
    // F1 - F2 at 1, 2, 2.5, 3, 4: 1/3, 2/3, 1/6, 1/2, 0.
    assertEquals(2.0 / 3, KolmogorovSmirnov.statistic(new double[] {1, 2, 3}, new double[] {2.5, 4}), 1e-15);
    // Ties step together: at 1: 2/3 - 1/3; at 2: 0.
    assertEquals(1.0 / 3, KolmogorovSmirnov.statistic(new double[] {1, 1, 2}, new double[] {1, 2, 2}), 1e-15);
    assertEquals(0, KolmogorovSmirnov.statistic(new double[] {1, 2}, new double[] {1, 2}), 0);
    assertEquals(1, KolmogorovSmirnov.statistic(new double[] {1, 2}, new double[] {3}), 0);
  }

  @Test
  void pValuesUnderTheNullAreAboutUniform() {
    Synthetic s = new Synthetic(21);
    int trials = 400;
    int below5 = 0;
    int below50 = 0;
    for (int t = 0; t < trials; t++) {
      double[] a = s.logNormal(300, 0, 1);
      double[] b = s.logNormal(200, 0, 1);
      Arrays.sort(a);
      Arrays.sort(b);
      double p = KolmogorovSmirnov.pValue(KolmogorovSmirnov.statistic(a, b), 300, 200);
      below5 += p < 0.05 ? 1 : 0;
      below50 += p < 0.5 ? 1 : 0;
    }
    assertTrue(below5 >= 6 && below5 <= 36, below5 + " of " + trials + " below 0.05");
    assertTrue(below50 >= 160 && below50 <= 240, below50 + " of " + trials + " below 0.5");
  }
}
