package org.lotteryscaling.mechanism;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.lotteryscaling.nn.Network;

/**
 * A network's neurons partitioned into symmetric pairs (appendix C): the pairing that minimises
 * the total mirror distance, where the mirror distance of neurons i and j is the distance from
 * j's incoming weights (w_j, b_j) to i's mirror image (-w_i, b_i):
 * sqrt(|w_i + w_j|^2 + (b_i - b_j)^2), symmetric in i and j.
 *
 * <p>How: the Hungarian algorithm assigns each neuron a mirror image (the bipartite relaxation,
 * a neuron may not take its own image). A pairing of cost C is an assignment of cost 2C, so half
 * the optimal assignment bounds every pairing from below. The optimal assignment's cycles of length
 * 2 are pairs; a longer even cycle splits into its cheaper alternating half, which costs at most half
 * the cycle; so when there are no odd cycles the pairs reach the bound and are an exact optimum
 * ({@link #exact}). Odd cycles are resolved by an exact bitmask dynamic programme over all neurons
 * when the width is at most {@value #EXACT_DP_MAX} (exact), else over the odd-cycle neurons only
 * (or greedily beyond that), and then {@link #exact} is false. An odd width leaves one neuron
 * {@link #unpaired} (a dummy neuron at distance 0 from all takes it).
 *
 * @param pairs    neuron index pairs {a, b}, a &lt; b, ordered by a
 * @param unpaired the neuron left alone when the width is odd, else -1
 * @param exact    whether the pairing is proven to have the minimum total mirror distance
 * @param cost     the total mirror distance of the pairs
 */
public record MirrorPairing(int[][] pairs, int unpaired, boolean exact, double cost) {

  /** Widths up to this are solved exactly by dynamic programming when the assignment is not enough. */
  public static final int EXACT_DP_MAX = 20;

  /** The distance from neuron j's (w_j, b_j) to neuron i's mirror image (-w_i, b_i). */
  public static double mirrorDistance(Network n, int i, int j) {
    double sum = 0;
    for (int k = 0; k < n.dimension(); k++) {
      double dw = n.w(i, k) + n.w(j, k);
      sum += dw * dw;
    }
    double db = n.b(i) - n.b(j);
    return Math.sqrt(sum + db * db);
  }

  public static MirrorPairing of(Network network) {
    int width = network.width();
    if (width < 2) {
      return new MirrorPairing(new int[0][], width == 1 ? 0 : -1, true, 0);
    }
    int m = width % 2 == 0 ? width : width + 1; // node `width` is the dummy when the width is odd
    double[][] cost = new double[m][m];
    double largest = 0;
    for (int i = 0; i < width; i++) {
      for (int j = 0; j < width; j++) {
        if (i != j) {
          cost[i][j] = mirrorDistance(network, i, j);
          largest = Math.max(largest, cost[i][j]);
        }
      }
    }
    // No neuron may take its own image: a fixed point costs more than any fixed-point-free assignment.
    double forbidden = 1 + 2.0 * m * largest;
    for (int i = 0; i < m; i++) {
      cost[i][i] = forbidden;
    }

    int[] assignment = Hungarian.assign(cost);
    List<int[]> pairs = new ArrayList<>();
    List<Integer> oddCycleNodes = new ArrayList<>();
    boolean[] seen = new boolean[m];
    for (int start = 0; start < m; start++) {
      if (seen[start]) {
        continue;
      }
      List<Integer> cycle = new ArrayList<>();
      for (int k = start; !seen[k]; k = assignment[k]) {
        seen[k] = true;
        cycle.add(k);
      }
      if (cycle.size() % 2 == 1) {
        oddCycleNodes.addAll(cycle);
      } else {
        pairs.addAll(cheaperAlternatingHalf(cycle, cost));
      }
    }
    boolean exact = oddCycleNodes.isEmpty();
    if (!exact) {
      if (m <= EXACT_DP_MAX) {
        pairs = minimumMatching(allNodes(m), cost);
        exact = true;
      } else if (oddCycleNodes.size() <= EXACT_DP_MAX) {
        pairs.addAll(minimumMatching(oddCycleNodes, cost));
      } else {
        pairs.addAll(greedyMatching(oddCycleNodes, cost));
      }
    }
    return build(pairs, width, cost, exact);
  }

  private static List<Integer> allNodes(int m) {
    List<Integer> nodes = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      nodes.add(i);
    }
    return nodes;
  }

  private static MirrorPairing build(List<int[]> pairs, int width, double[][] cost, boolean exact) {
    List<int[]> real = new ArrayList<>();
    int unpaired = -1;
    double total = 0;
    for (int[] p : pairs) {
      int a = Math.min(p[0], p[1]);
      int b = Math.max(p[0], p[1]);
      if (b == width) { // paired with the dummy
        unpaired = a;
      } else {
        real.add(new int[] {a, b});
        total += cost[a][b];
      }
    }
    real.sort(Comparator.comparingInt(p -> p[0]));
    return new MirrorPairing(real.toArray(new int[0][]), unpaired, exact, total);
  }

  private static List<int[]> cheaperAlternatingHalf(List<Integer> cycle, double[][] cost) {
    int len = cycle.size();
    double even = 0;
    double odd = 0;
    for (int k = 0; k < len; k += 2) {
      even += cost[cycle.get(k)][cycle.get(k + 1)];
      odd += cost[cycle.get(k + 1)][cycle.get((k + 2) % len)];
    }
    int shift = even <= odd ? 0 : 1;
    List<int[]> half = new ArrayList<>();
    for (int k = 0; k < len; k += 2) {
      half.add(new int[] {cycle.get(k + shift), cycle.get((k + 1 + shift) % len)});
    }
    return half;
  }

  /** An exact minimum-cost perfect matching of an even number of nodes, by DP over subsets. */
  static List<int[]> minimumMatching(List<Integer> nodes, double[][] cost) {
    int k = nodes.size();
    int full = (1 << k) - 1;
    double[] best = new double[full + 1];
    int[] partner = new int[full + 1];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    best[0] = 0;
    for (int mask = 1; mask <= full; mask++) {
      if (Integer.bitCount(mask) % 2 == 1) {
        continue;
      }
      int i = Integer.numberOfTrailingZeros(mask);
      for (int rest = mask & ~(1 << i); rest != 0; rest &= rest - 1) {
        int j = Integer.numberOfTrailingZeros(rest);
        double c = best[mask & ~(1 << i) & ~(1 << j)] + cost[nodes.get(i)][nodes.get(j)];
        if (c < best[mask]) {
          best[mask] = c;
          partner[mask] = j;
        }
      }
    }
    List<int[]> pairs = new ArrayList<>();
    for (int mask = full; mask != 0; ) {
      int i = Integer.numberOfTrailingZeros(mask);
      int j = partner[mask];
      pairs.add(new int[] {nodes.get(i), nodes.get(j)});
      mask &= ~(1 << i) & ~(1 << j);
    }
    return pairs;
  }

  private static List<int[]> greedyMatching(List<Integer> nodes, double[][] cost) {
    List<Integer> left = new ArrayList<>(nodes);
    List<int[]> pairs = new ArrayList<>();
    while (left.size() >= 2) {
      int bi = 0;
      int bj = 1;
      for (int i = 0; i < left.size(); i++) {
        for (int j = i + 1; j < left.size(); j++) {
          if (cost[left.get(i)][left.get(j)] < cost[left.get(bi)][left.get(bj)]) {
            bi = i;
            bj = j;
          }
        }
      }
      pairs.add(new int[] {left.get(bi), left.get(bj)});
      left.remove(bj);
      left.remove(bi);
    }
    return pairs;
  }
}
