package org.lotteryscaling.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.Network;

class ActivationCurvesTest {

  @Test
  void preAndPostActivationsOnAGrid() {
    double[] x = ActivationCurves.grid(-2, 2, 5);
    assertEquals(-2, x[0], 0);
    assertEquals(0, x[2], 0);
    assertEquals(2, x[4], 0);
    Network n = CanonicalPair.networkOf(1, CanonicalPairTest.EQUATION_2);
    ActivationCurves c = ActivationCurves.of(n, Activation.SILU, x);
    for (int i = 0; i < 2; i++) {
      for (int g = 0; g < x.length; g++) {
        double z = n.w(i, 0) * x[g] + n.b(i);
        assertEquals(z, c.pre()[i][g], 1e-15);
        assertEquals(z / (1 + Math.exp(-z)), c.post()[i][g], 1e-14);
      }
    }
    // A symmetric ticket: neuron 1 at x is neuron 0 at -x.
    for (int g = 0; g < x.length; g++) {
      assertEquals(c.post()[0][g], c.post()[1][x.length - 1 - g], 1e-5);
    }
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> ActivationCurves.grid(0, 1, 1));
    assertThrows(IllegalArgumentException.class,
        () -> ActivationCurves.of(Fixtures.randomNetwork(2, 2, 0), Activation.SILU, new double[] {0}));
  }
}
