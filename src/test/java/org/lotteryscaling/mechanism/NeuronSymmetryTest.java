package org.lotteryscaling.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.nn.RandomStream;

class NeuronSymmetryTest {

  @Test
  void aNetworkOfExactMirrorPairsScoresSymmetric() {
    int[] partner = new int[200];
    Network n = Fixtures.mirrorNetwork(100, 5, partner);
    NeuronSymmetry s = NeuronSymmetry.of(n);
    assertEquals(1.0, s.share());
    for (int i = 0; i < 200; i++) {
      assertEquals(0.0, s.mirrorDistance()[i], 0.0);
      assertEquals(partner[i], s.mirrorPartner()[i]);
    }
    assertTrue(s.controlShare() > 0.02 && s.controlShare() < 0.5, "control " + s.controlShare());
    assertTrue(s.symmetric(), "score " + s.score());
  }

  @Test
  void randomNetworksDoNotScoreSymmetric() {
    for (long seed = 0; seed < 5; seed++) {
      // Independent Gaussian neurons, symmetric in distribution but not paired: chance level.
      RandomStream r = new RandomStream(seed);
      int width = 300;
      double[][] w = new double[width][1];
      double[] b = new double[width];
      for (int i = 0; i < width; i++) {
        w[i][0] = Fixtures.normal(r);
        b[i] = 0.5 * Fixtures.normal(r) - 1;
      }
      NeuronSymmetry s = NeuronSymmetry.of(Network.of(w, b, new double[width], 0));
      assertFalse(s.symmetric(), "seed " + seed + " score " + s.score());
      assertTrue(Math.abs(s.score()) < 0.25, "seed " + seed + " score " + s.score());
      // And a uniform random network (d = 2 too).
      assertFalse(NeuronSymmetry.of(Fixtures.randomNetwork(100, 2, seed)).symmetric());
    }
  }

  @Test
  void noisyMirrorPairsStaySymmetricUntilTheNoiseReachesTheNeuronSpacing() {
    int[] partner = new int[400];
    Network exact = Fixtures.mirrorNetwork(200, 9, partner);
    RandomStream r = new RandomStream(3);
    double[] theta = exact.parameters();
    double[] small = theta.clone();
    double[] large = theta.clone();
    for (int k = 0; k < 2 * 400; k++) { // w and b of every neuron
      double z = Fixtures.normal(r);
      small[k] += 1e-4 * z;
      large[k] += 1.0 * z;
    }
    assertTrue(NeuronSymmetry.of(Network.fromParameters(1, 400, small)).symmetric());
    assertFalse(NeuronSymmetry.of(Network.fromParameters(1, 400, large)).symmetric());
  }

  /**
   * Neurons collapsed to the origin (w = b = v = 0, up to rounding) are each other's mirror images;
   * they must neither make a random network look symmetric nor dilute a symmetric one.
   */
  @Test
  void collapsedNeuronsAreLeftOut() {
    RandomStream r = new RandomStream(11);
    int width = 100;
    int collapsed = 300;
    double[][] w = new double[width + collapsed][1];
    double[] b = new double[width + collapsed];
    double[] v = new double[width + collapsed];
    for (int i = 0; i < width; i++) {
      w[i][0] = Fixtures.normal(r);
      b[i] = 0.5 * Fixtures.normal(r) - 1;
      v[i] = Fixtures.normal(r);
    }
    for (int i = width; i < width + collapsed; i++) {
      w[i][0] = 1e-17 * Fixtures.normal(r);
      b[i] = 1e-18 * Fixtures.normal(r);
      v[i] = 1e-19 * Fixtures.normal(r);
    }
    NeuronSymmetry random = NeuronSymmetry.of(Network.of(w, b, v, 0));
    assertTrue(Math.abs(random.score()) < 0.25, "score " + random.score());
    assertTrue(Double.isNaN(random.mirrorDistance()[width]));
    assertEquals(-1, random.mirrorPartner()[width]);
    assertFalse(random.close(width));

    int[] partner = new int[200];
    Network mirror = Fixtures.mirrorNetwork(100, 5, partner);
    double[][] mw = mirror.wMatrix();
    double[][] w2 = new double[200 + collapsed][];
    double[] b2 = new double[200 + collapsed];
    double[] v2 = new double[200 + collapsed];
    for (int i = 0; i < 200 + collapsed; i++) {
      w2[i] = i < 200 ? mw[i] : new double[] {0.0};
      b2[i] = i < 200 ? mirror.b(i) : 0.0;
      v2[i] = i < 200 ? mirror.v(i) : 0.0;
    }
    NeuronSymmetry symmetric = NeuronSymmetry.of(Network.of(w2, b2, v2, 0));
    assertEquals(1.0, symmetric.share());
    assertEquals(partner[7], symmetric.mirrorPartner()[7]);
    assertTrue(symmetric.symmetric());
  }

  @Test
  void widthOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> NeuronSymmetry.of(Fixtures.randomNetwork(1, 1, 0)));
  }
}
