package org.lotteryscaling.mechanism;

import java.util.Arrays;

/**
 * The Hungarian algorithm (Kuhn-Munkres with row and column potentials, O(n^3)): an exact
 * minimum-cost assignment of the n rows of a square cost matrix to its n columns.
 */
public final class Hungarian {
  private Hungarian() {}

  /** The column assigned to each row, minimising the sum of cost[row][column]; costs must be finite. */
  public static int[] assign(double[][] cost) {
    int n = cost.length;
    for (double[] row : cost) {
      if (row.length != n) {
        throw new IllegalArgumentException("cost matrix must be square, got " + n + " x " + row.length);
      }
      for (double c : row) {
        if (!Double.isFinite(c)) {
          throw new IllegalArgumentException("costs must be finite, got " + c);
        }
      }
    }
    // 1-based arrays; column 0 is the virtual column the row being added starts from.
    double[] u = new double[n + 1];
    double[] v = new double[n + 1];
    int[] rowOfColumn = new int[n + 1];
    int[] way = new int[n + 1];
    double[] minReduced = new double[n + 1];
    boolean[] used = new boolean[n + 1];
    for (int i = 1; i <= n; i++) {
      rowOfColumn[0] = i;
      int column = 0;
      Arrays.fill(minReduced, Double.POSITIVE_INFINITY);
      Arrays.fill(used, false);
      do {
        used[column] = true;
        int row = rowOfColumn[column];
        double delta = Double.POSITIVE_INFINITY;
        int next = 0;
        for (int j = 1; j <= n; j++) {
          if (!used[j]) {
            double reduced = cost[row - 1][j - 1] - u[row] - v[j];
            if (reduced < minReduced[j]) {
              minReduced[j] = reduced;
              way[j] = column;
            }
            if (minReduced[j] < delta) {
              delta = minReduced[j];
              next = j;
            }
          }
        }
        for (int j = 0; j <= n; j++) {
          if (used[j]) {
            u[rowOfColumn[j]] += delta;
            v[j] -= delta;
          } else {
            minReduced[j] -= delta;
          }
        }
        column = next;
      } while (rowOfColumn[column] != 0);
      // Flip the augmenting path back to the virtual column.
      do {
        int previous = way[column];
        rowOfColumn[column] = rowOfColumn[previous];
        column = previous;
      } while (column != 0);
    }
    int[] assignment = new int[n];
    for (int j = 1; j <= n; j++) {
      assignment[rowOfColumn[j] - 1] = j - 1;
    }
    return assignment;
  }

  /** The total cost of an assignment. */
  public static double cost(double[][] cost, int[] assignment) {
    double sum = 0;
    for (int i = 0; i < assignment.length; i++) {
      sum += cost[i][assignment[i]];
    }
    return sum;
  }
}
