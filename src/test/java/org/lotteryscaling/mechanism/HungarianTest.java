package org.lotteryscaling.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lotteryscaling.nn.RandomStream;

class HungarianTest {

  @Test
  void matchesBruteForceOnSmallRandomMatrices() {
    RandomStream r = new RandomStream(11);
    for (int n = 1; n <= 7; n++) {
      for (int trial = 0; trial < 40; trial++) {
        boolean ties = trial % 2 == 0; // small integers: many equal-cost optima
        double[][] cost = new double[n][n];
        for (double[] row : cost) {
          for (int j = 0; j < n; j++) {
            row[j] = ties ? Math.floor(r.uniform(0, 4)) : r.uniform(-5, 5);
          }
        }
        int[] a = Hungarian.assign(cost);
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int j = 0; j < n; j++) {
          assertEquals(j, sorted[j], "not a permutation");
        }
        assertEquals(bruteForce(cost), Hungarian.cost(cost, a), 1e-9, "n=" + n + " trial " + trial);
      }
    }
  }

  @Test
  void emptyAndNonSquareAndNonFinite() {
    assertEquals(0, Hungarian.assign(new double[0][0]).length);
    assertThrows(IllegalArgumentException.class, () -> Hungarian.assign(new double[][] {{1, 2}}));
    assertThrows(IllegalArgumentException.class,
        () -> Hungarian.assign(new double[][] {{1, Double.POSITIVE_INFINITY}, {0, 1}}));
  }

  static double bruteForce(double[][] cost) {
    int n = cost.length;
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    return permute(cost, p, 0);
  }

  private static double permute(double[][] cost, int[] p, int k) {
    if (k == p.length) {
      return Hungarian.cost(cost, p);
    }
    double best = Double.POSITIVE_INFINITY;
    for (int i = k; i < p.length; i++) {
      swap(p, k, i);
      best = Math.min(best, permute(cost, p, k + 1));
      swap(p, k, i);
    }
    return best;
  }

  private static void swap(int[] p, int a, int b) {
    int t = p[a];
    p[a] = p[b];
    p[b] = t;
  }
}
