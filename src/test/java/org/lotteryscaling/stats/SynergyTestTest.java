package org.lotteryscaling.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lotteryscaling.nn.RandomStream;
import org.lotteryscaling.stats.SynergyTest.Verdict;

class SynergyTestTest {

  @Test
  void harmonicEnsemblesOfHalfWidthLossesAreEnsembling() {
    for (long seed = 0; seed < 5; seed++) {
      Synthetic s = new Synthetic(seed);
      double[] half = s.logNormal(1000, -3, 0.6);
      double[] full = s.harmonicPairs(1000, half);
      SynergyTest t = SynergyTest.of(new WidthLosses(10, 1000, half), new WidthLosses(20, 1000, full), seed);
      assertEquals(Verdict.ENSEMBLING, t.verdict(), t.toString());
      assertEquals(0, t.log10Ratio(), 0.1);
      assertEquals(1000, t.pairs());
      assertEquals(1000, t.trained());
      assertEquals(20, t.width());
      assertEquals(10, t.halfWidth());
    }
  }

  @Test
  void tenTimesLowerThanEnsemblingIsSynergyAndTenTimesHigherIsWorse() {
    Synthetic s = new Synthetic(4);
    double[] half = s.logNormal(800, -2, 0.5);
    double[] ensembled = s.harmonicPairs(600, half);
    double[] better = ensembled.clone();
    double[] worse = ensembled.clone();
    for (int i = 0; i < better.length; i++) {
      better[i] /= 10;
      worse[i] *= 10;
    }
    WidthLosses h = new WidthLosses(2, 800, half);
    SynergyTest syn = SynergyTest.of(h, new WidthLosses(4, 600, better), 1);
    assertEquals(Verdict.SYNERGY, syn.verdict(), syn.toString());
    assertEquals(-1, syn.log10Ratio(), 0.1);
    assertTrue(syn.pValue() < 1e-10 && syn.ksStatistic() > 0.5, syn.toString());
    SynergyTest bad = SynergyTest.of(h, new WidthLosses(4, 600, worse), 1);
    assertEquals(Verdict.WORSE_THAN_ENSEMBLING, bad.verdict(), bad.toString());
  }

  @Test
  void ensembleOfOneLossIsHalfOfIt() {
    // One N/2 network: every pair is that network twice, L~ = L/2 exactly.
    SynergyTest t = SynergyTest.of(new WidthLosses(1, 1, new double[] {0.3}),
        new WidthLosses(2, 1, new double[] {0.15}), 0);
    assertEquals(0.15, t.ensembleMedian(), 1e-17);
    assertEquals(0, t.ksStatistic(), 0);
    assertEquals(1, t.pValue(), 0);
    assertEquals(Verdict.UNDETERMINED, t.verdict());
    assertEquals(0, SynergyTest.harmonicEnsemble(0, 0), 0);
    assertEquals(1.0 / 3, SynergyTest.harmonicEnsemble(0.5, 1), 1e-16);
  }

  @Test
  void verdictRuleThresholds() {
    double factor2 = Math.log10(2);
    assertEquals(Verdict.SYNERGY, SynergyTest.verdict(-factor2 - 1e-9, 0.009, 100, 100));
    assertEquals(Verdict.ENSEMBLING, SynergyTest.verdict(-factor2 + 1e-9, 0.0, 100, 100));
    assertEquals(Verdict.ENSEMBLING, SynergyTest.verdict(-3, 0.011, 100, 100));
    assertEquals(Verdict.WORSE_THAN_ENSEMBLING, SynergyTest.verdict(factor2 + 1e-9, 0.001, 100, 100));
    assertEquals("worse_than_ensembling", Verdict.WORSE_THAN_ENSEMBLING.id());
    // Q(sqrt(n1 n2 / (n1 + n2))) < 0.01 needs n1 n2 / (n1 + n2) > 1.6276^2 = 2.649:
    // 5 and 5 (2.5) can never reject, 6 and 6 (3) can.
    assertEquals(Verdict.UNDETERMINED, SynergyTest.verdict(-3, 0.0, 5, 5));
    assertEquals(Verdict.SYNERGY, SynergyTest.verdict(-3, 0.0, 6, 6));
  }

  @Test
  void threeNetworksPerWidthCannotDecide() {
    SynergyTest t = SynergyTest.of(new WidthLosses(1, 3, new double[] {0.7, 0.8, 0.9}),
        new WidthLosses(2, 3, new double[] {1e-4, 2e-4, 3e-4}), 0);
    assertEquals(1, t.ksStatistic(), 0);
    assertEquals(Verdict.UNDETERMINED, t.verdict());
  }

  @Test
  void missingDataIsRejectedWithAReason() {
    WidthLosses some = new WidthLosses(2, 1, new double[] {1});
    assertThrows(IllegalArgumentException.class,
        () -> SynergyTest.of(new WidthLosses(1, 2, new double[0]), some, 0));
    assertThrows(IllegalArgumentException.class,
        () -> SynergyTest.of(new WidthLosses(3, 1, new double[] {1}), some, 0));
  }

  /**
   * The one harmonic formula, l1 l2 / (l1 + l2), against the 1 / (1/l1 + 1/l2) that figure 4 and
   * the ensembles table wrote: the same number up to rounding (a few ulps), and 0 where a loss is 0.
   */
  @Test
  void harmonicEnsembleIsTheReciprocalSumUpToRounding() {
    RandomStream rng = new RandomStream(9);
    for (int i = 0; i < 100_000; i++) {
      double l1 = Math.pow(10, -30 * rng.nextDouble());
      double l2 = Math.pow(10, -30 * rng.nextDouble());
      double reciprocal = 1.0 / (1.0 / l1 + 1.0 / l2);
      assertEquals(reciprocal, SynergyTest.harmonicEnsemble(l1, l2), 4 * Math.ulp(reciprocal));
    }
    assertEquals(0, SynergyTest.harmonicEnsemble(0, 1e-3), 0);
  }

  /** Figure 4 redraws the test's sample from the same losses and seed. */
  @Test
  void theEnsembleSampleIsAPureFunctionOfTheHalfWidthLossesAndTheSeed() {
    WidthLosses half = new WidthLosses(2, 12, new double[] {3e-3, 1e-6, 2e-4, 5e-2, 7e-6});
    long seed = SynergyTest.seed(0, "x2", "silu", 4);
    double[] a = SynergyTest.ensembleLosses(half, seed);
    assertEquals(5, a.length);
    assertArrayEquals(a, SynergyTest.ensembleLosses(
        new WidthLosses(2, 12, new double[] {5e-2, 7e-6, 1e-6, 3e-3, 2e-4}), seed));
    for (int k = 1; k < a.length; k++) {
      assertTrue(a[k - 1] <= a[k]);
    }
    assertNotEquals(seed, SynergyTest.seed(0, "x2", "silu", 8));
    assertNotEquals(seed, SynergyTest.seed(1, "x2", "silu", 4));
  }
}
