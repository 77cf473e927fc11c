package org.lotteryscaling.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationTest {
  private static final double[] Z = {-30, -5.5, -2, -1e-3, 0.37, 1.278, 3, 12, 40};

  @Test
  void closedForms() {
    for (double z : Z) {
      assertEquals(z / (1 + Math.exp(-z)), Activation.SILU.value(z), 1e-15 * (1 + Math.abs(z)));
      assertEquals(Math.tanh(z), Activation.TANH.value(z), 1e-15);
      assertEquals(Math.max(z, 0), Activation.RELU.value(z));
      assertEquals(z > 0 ? z : 0.01 * z, Activation.LEAKY_RELU.value(z));
    }
  }

  /**
   * The SiLU minimum of the paper's footnote (|x*| = 1.278, B = -0.278). sigma' = 0 reduces to
   * x + 1 = -e^x, solved by x* = -1 - W(1/e) with sigma(x*) = -W(1/e), W(1/e) = 0.27846454276107380
   * (Lambert's W). Found here by bisection on the kernel's own slope.
   */
  @Test
  void siluMinimumMatchesThePaper() {
    double lambertWOfInverseE = 0.27846454276107380;
    double xStar = -1 - lambertWOfInverseE;
    double lo = -3;
    double hi = -0.5;
    double[] a = new double[1];
    double[] slope = new double[1];
    for (int k = 0; k < 200; k++) {
      double mid = (lo + hi) / 2;
      Activation.SILU.evaluate(new double[] {mid}, a, slope, 0, 1);
      if (slope[0] < 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    assertEquals(xStar, lo, 1e-12);
    assertEquals(-lambertWOfInverseE, Activation.SILU.value(lo), 1e-12);
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void evaluateGivesValueAndCentralDifferenceDerivative(Activation act) {
    double[] sigma = new double[Z.length + 2];
    double[] slope = new double[Z.length + 2];
    act.evaluate(Z, sigma, slope, 2, Z.length);
    double h = 1e-6;
    for (int k = 0; k < Z.length; k++) {
      double z = Z[k];
      assertEquals(act.value(z), sigma[k + 2], 0.0, act + " value at " + z);
      double fd = (act.value(z + h) - act.value(z - h)) / (2 * h);
      assertEquals(fd, slope[k + 2], 1e-8 * (1 + Math.abs(fd)), act + " slope at " + z);
    }
  }

  @Test
  void parsesIdsAndNamesTheAllowedOnesOnError() {
    assertEquals(Activation.LEAKY_RELU, Activation.parse("leaky_relu"));
    assertEquals(Activation.SILU, Activation.parse(" SiLU "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.parse("gelu"));
    assertTrue(e.getMessage().contains("gelu") && e.getMessage().contains("silu, relu, leaky_relu, tanh"));
  }
}
