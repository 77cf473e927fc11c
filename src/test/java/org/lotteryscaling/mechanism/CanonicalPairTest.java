package org.lotteryscaling.mechanism;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lotteryscaling.nn.Network;

class CanonicalPairTest {
  /** The paper's equation (2). */
  static final double[] EQUATION_2 =
      {-0.83010483, 0.83010304, -1.16842330, -1.16842365, 5.68583536, 5.68586636, 3.1539197};

  @Test
  void bothNeuronOrdersGiveTheSameCanonicalNetwork() {
    for (long seed = 0; seed < 20; seed++) {
      for (int d : new int[] {1, 3}) {
        Network n = Fixtures.randomNetwork(2, d, seed);
        Network swapped = CanonicalPair.networkOf(d, CanonicalPair.swap(CanonicalPair.vectorOf(n), d));
        assertEquals(CanonicalPair.of(n), CanonicalPair.of(swapped));
        assertTrue(CanonicalPair.of(n).network().w(0, 0) <= CanonicalPair.of(n).network().w(1, 0));
      }
    }
  }

  @Test
  void equationTwoIsASymmetricTicketWithItsResiduals() {
    Network eq2 = CanonicalPair.networkOf(1, EQUATION_2);
    Network swapped = CanonicalPair.networkOf(1, CanonicalPair.swap(EQUATION_2, 1));
    CanonicalPair p = CanonicalPair.of(swapped);
    assertArrayEquals(EQUATION_2, p.vector(), 0.0);
    assertEquals(Math.abs(EQUATION_2[0] + EQUATION_2[1]), p.wResidual(), 1e-15);
    assertEquals(Math.abs(EQUATION_2[2] - EQUATION_2[3]), p.bResidual(), 1e-15);
    assertEquals(Math.abs(EQUATION_2[4] - EQUATION_2[5]), p.vResidual(), 1e-15);
    assertTrue(p.symmetric());
    assertEquals(CanonicalPair.of(eq2), p);
  }

  @Test
  void anAsymmetricPairIsNotSymmetric() {
    Network n = CanonicalPair.networkOf(1, new double[] {-0.5, 1.5, -1, 0.3, 2, 2, 0});
    CanonicalPair p = CanonicalPair.of(n);
    assertFalse(p.symmetric());
    assertEquals(1.0, p.wResidual(), 1e-15);
  }

  @Test
  void onlyWidthTwo() {
    assertThrows(IllegalArgumentException.class, () -> CanonicalPair.of(Fixtures.randomNetwork(3, 1, 0)));
  }
}
