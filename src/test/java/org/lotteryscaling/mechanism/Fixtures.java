package org.lotteryscaling.mechanism;

import org.lotteryscaling.nn.Network;
import org.lotteryscaling.nn.RandomStream;

/** Networks with known structure for the mechanism tests. */
final class Fixtures {
  private Fixtures() {}

  /**
   * pairs exact mirror pairs (w, b) and (-w, b), 1-D input, with the neurons placed in a shuffled
   * order; partnerOf[i] receives neuron i's mirror partner.
   */
  static Network mirrorNetwork(int pairs, long seed, int[] partnerOf) {
    RandomStream r = new RandomStream(seed);
    int n = 2 * pairs;
    int[] slot = shuffled(n, r);
    double[][] w = new double[n][1];
    double[] b = new double[n];
    double[] v = new double[n];
    for (int p = 0; p < pairs; p++) {
      double wp = r.uniform(0.2, 3);
      double bp = r.uniform(-3, 3);
      int i = slot[2 * p];
      int j = slot[2 * p + 1];
      w[i][0] = wp;
      w[j][0] = -wp;
      b[i] = bp;
      b[j] = bp;
      v[i] = r.uniform(-2, 2);
      v[j] = v[i];
      partnerOf[i] = j;
      partnerOf[j] = i;
    }
    return Network.of(w, b, v, r.uniform(-1, 1));
  }

  /** A network with i.i.d. uniform parameters in [-2, 2]. */
  static Network randomNetwork(int width, int d, long seed) {
    RandomStream r = new RandomStream(seed);
    double[] theta = new double[Network.parameterCount(d, width)];
    for (int k = 0; k < theta.length; k++) {
      theta[k] = r.uniform(-2, 2);
    }
    return Network.fromParameters(d, width, theta);
  }

  static int[] shuffled(int n, RandomStream r) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = (int) (r.nextDouble() * (i + 1));
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  static double normal(RandomStream r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
