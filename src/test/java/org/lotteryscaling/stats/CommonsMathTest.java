package org.lotteryscaling.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;
import org.lotteryscaling.nn.RandomStream;

/**
 * Why the statistics commons-math3 (3.6.1, on the classpath through Spark) also offers stay
 * hand-written: the library computes the same quantities, but with other rounding (and, for small
 * KS samples, another p-value), so using it would change committed numbers of loss_summary,
 * scaling_fit and synergy. Each test shows the agreement and the difference.
 */
class CommonsMathTest {
  private final RandomStream rng = new RandomStream(1);

  private double[] sortedUniform(int n, double scale) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = scale * rng.nextDouble();
    }
    Arrays.sort(x);
    return x;
  }

  @Test
  void kolmogorovSmirnovRoundsDifferentlyAndUsesExactSmallSampleProbabilities() {
    var library = new org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest();
    int statisticDiffers = 0;
    int pValueDiffers = 0;
    for (int t = 0; t < 500; t++) {
      double[] a = sortedUniform(20 + t % 300, 1);
      double[] b = sortedUniform(20 + (7 * t) % 300, 1.1);
      double d = KolmogorovSmirnov.statistic(a, b);
      double theirs = library.kolmogorovSmirnovStatistic(a, b);
      assertEquals(theirs, d, 1e-15); // |i/n1 - j/n2| against (i n2 - j n1) / (n1 n2)
      statisticDiffers += d != theirs ? 1 : 0;
      double p = KolmogorovSmirnov.pValue(d, a.length, b.length);
      double theirP = library.approximateP(d, a.length, b.length);
      assertEquals(theirP, p, 1e-11 * theirP + 1e-300);
      pValueDiffers += p != theirP ? 1 : 0;
    }
    assertTrue(statisticDiffers > 0 && pValueDiffers > 0, statisticDiffers + " " + pValueDiffers);
    // Below n1 n2 = 10000 the library answers the exact p-value, not the asymptotic one the
    // synergy verdict is defined with: 0.079 against 0.329 here.
    double[] x = {1, 2, 3, 4, 5};
    double[] y = {3.5, 4.5, 5.5, 6.5, 7.5};
    double ours = KolmogorovSmirnov.pValue(KolmogorovSmirnov.statistic(x, y), 5, 5);
    assertTrue(Math.abs(library.kolmogorovSmirnovTest(x, y) - ours) > 0.2);
  }

  @Test
  void simpleRegressionRoundsTheSlopeDifferently() {
    int differs = 0;
    for (int t = 0; t < 500; t++) {
      int k = 2 + t % 8;
      double[] x = new double[k];
      double[] y = new double[k];
      SimpleRegression library = new SimpleRegression();
      for (int j = 0; j < k; j++) {
        x[j] = Math.log10(1 + 3 * j + rng.nextDouble());
        y[j] = -x[j] + 0.1 * rng.nextDouble();
        library.addData(x[j], y[j]);
      }
      double ours = PowerLawFit.slope(x, y, 0, k - 1);
      assertEquals(library.getSlope(), ours, 1e-12 * Math.abs(ours));
      differs += ours != library.getSlope() ? 1 : 0;
    }
    assertTrue(differs > 0);
  }

  @Test
  void percentileOfTypeSevenRoundsDifferently() {
    Percentile library = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    int differs = 0;
    for (int t = 0; t < 500; t++) {
      double[] x = sortedUniform(1 + t % 50, 10);
      for (double p : new double[] {0.025, 0.25, 0.5, 0.75, 0.975}) {
        double ours = Quantiles.of(x, p);
        double theirs = library.evaluate(x, 100 * p);
        assertEquals(theirs, ours, 1e-14 * Math.abs(theirs));
        differs += ours != theirs ? 1 : 0;
      }
    }
    assertTrue(differs > 0);
  }

  @Test
  void standardDeviationRoundsDifferently() {
    StandardDeviation library = new StandardDeviation();
    int differs = 0;
    for (int t = 0; t < 500; t++) {
      double[] x = sortedUniform(2 + t % 50, -10);
      double ours = LossSummary.sampleSd(x);
      assertEquals(library.evaluate(x), ours, 1e-13 * ours);
      differs += ours != library.evaluate(x) ? 1 : 0;
    }
    assertTrue(differs > 0);
  }
}
