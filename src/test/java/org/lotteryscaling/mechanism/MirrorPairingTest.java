package org.lotteryscaling.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotteryscaling.nn.Network;

class MirrorPairingTest {

  @Test
  void findsTheExactMirrorPairsOfASymmetricNetwork() {
    for (int pairs : new int[] {1, 5, 15, 25}) {
      int[] partner = new int[2 * pairs];
      Network n = Fixtures.mirrorNetwork(pairs, 100 + pairs, partner);
      MirrorPairing m = MirrorPairing.of(n);
      assertEquals(pairs, m.pairs().length);
      assertTrue(m.exact());
      assertEquals(0, m.cost(), 1e-12);
      assertEquals(-1, m.unpaired());
      for (int[] p : m.pairs()) {
        assertEquals(partner[p[0]], p[1], "width " + 2 * pairs);
      }
    }
  }

  @Test
  void reachesTheBruteForceOptimumOnRandomNetworks() {
    for (int width = 2; width <= 9; width++) {
      for (long seed = 0; seed < 15; seed++) {
        Network n = Fixtures.randomNetwork(width, seed % 3 == 0 ? 2 : 1, seed * 31 + width);
        MirrorPairing m = MirrorPairing.of(n);
        assertTrue(m.exact(), "widths <= 20 are always solved exactly");
        assertEquals(width / 2, m.pairs().length);
        assertEquals(width % 2 == 0 ? -1 : m.unpaired(), m.unpaired());
        double recomputed = 0;
        boolean[] used = new boolean[width];
        for (int[] p : m.pairs()) {
          recomputed += MirrorPairing.mirrorDistance(n, p[0], p[1]);
          used[p[0]] = used[p[1]] = true;
        }
        if (m.unpaired() >= 0) {
          used[m.unpaired()] = true;
        }
        for (boolean u : used) {
          assertTrue(u, "every neuron is paired or the unpaired one");
        }
        assertEquals(recomputed, m.cost(), 1e-12);
        assertEquals(bruteForce(n, allNeurons(width)), m.cost(), 1e-9, "width " + width + " seed " + seed);
      }
    }
  }

  @Test
  void wideRandomNetworksGetAValidPairingNoWorseThanGreedy() {
    // Beyond brute force: check validity and the bipartite lower bound (half the optimal assignment).
    for (int width : new int[] {30, 50}) {
      Network n = Fixtures.randomNetwork(width, 1, width);
      MirrorPairing m = MirrorPairing.of(n);
      assertEquals(width / 2, m.pairs().length);
      double[][] cost = new double[width][width];
      for (int i = 0; i < width; i++) {
        for (int j = 0; j < width; j++) {
          cost[i][j] = i == j ? 1e6 : MirrorPairing.mirrorDistance(n, i, j);
        }
      }
      double bound = Hungarian.cost(cost, Hungarian.assign(cost)) / 2;
      assertTrue(m.cost() >= bound - 1e-9);
      if (m.exact()) {
        assertEquals(bound, m.cost(), 1e-9);
      }
    }
  }

  private static List<Integer> allNeurons(int width) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      all.add(i);
    }
    return all;
  }

  /** The cheapest way to pair the given neurons, one left out when their number is odd. */
  private static double bruteForce(Network n, List<Integer> left) {
    if (left.size() <= 1) {
      return 0;
    }
    double best = Double.POSITIVE_INFINITY;
    if (left.size() % 2 == 1) {
      for (int skip = 0; skip < left.size(); skip++) {
        List<Integer> rest = new ArrayList<>(left);
        rest.remove(skip);
        best = Math.min(best, bruteForce(n, rest));
      }
      return best;
    }
    int first = left.get(0);
    for (int k = 1; k < left.size(); k++) {
      List<Integer> rest = new ArrayList<>(left);
      int other = rest.remove(k);
      rest.remove(0);
      best = Math.min(best, MirrorPairing.mirrorDistance(n, first, other) + bruteForce(n, rest));
    }
    return best;
  }
}
