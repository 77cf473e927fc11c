package org.lotteryscaling.mechanism;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.lotteryscaling.nn.Nonlinearity;
import org.lotteryscaling.nn.Dataset;
import org.lotteryscaling.nn.Network;

/**
 * A wide network disentangled into lottery tickets (appendix C): its neurons paired by
 * {@link MirrorPairing}; each pair's function g_k(x) = v_a sigma(w_a x + b_a) + v_b sigma(w_b x + b_b);
 * its best linear fit alpha_k g_k + beta_k to the target on the training points, the R^2 of that
 * fit and its error function e_k = alpha_k g_k + beta_k - y.
 *
 * <p>The correlation matrix of the tickets is C_kl = &lt;e_k, e_l&gt; / (|e_k| |e_l|) over the training
 * points (the errors have mean zero, so this is also their Pearson correlation; a ticket with zero
 * error has C_kk = 1 and 0 elsewhere). The effective number of independent tickets is the
 * participation ratio of its eigenvalues, {@code n_eff = (sum lambda)^2 / sum lambda^2}: K for K
 * uncorrelated tickets, 1 when all errors are the same function.
 *
 * @param pairing       the pairing of the neurons
 * @param tickets       the pairs as tickets, best R^2 first
 * @param correlation   C, in the order of {@code tickets}
 * @param eigenvalues   C's eigenvalues, decreasing
 */
public record TicketDecomposition(MirrorPairing pairing, List<Ticket> tickets,
    double[][] correlation, double[] eigenvalues) {

  /**
   * One lottery ticket.
   *
   * @param neuronA, neuronB  the pair's neurons
   * @param mirrorDistance    their mirror distance
   * @param r2                R^2 of the best linear fit of g to the target
   * @param scale, offset     that fit's alpha and beta
   * @param errorRms          root mean square of e over the training points
   * @param errorCurve        e on the grid points given to {@link #of} (empty without a grid)
   */
  public record Ticket(int neuronA, int neuronB, double mirrorDistance, double r2, double scale,
      double offset, double errorRms, double[] errorCurve) {}

  /** The effective number of independent tickets, (sum lambda)^2 / sum lambda^2 (0 with no tickets). */
  public double effectiveTickets() {
    double sum = 0;
    double squares = 0;
    for (double l : eigenvalues) {
      sum += l;
      squares += l * l;
    }
    return squares == 0 ? 0 : sum * sum / squares;
  }

  public static TicketDecomposition of(Network network, Nonlinearity activation, Dataset train,
      Dataset grid) {
    MirrorPairing pairing = MirrorPairing.of(network);
    List<Ticket> tickets = new ArrayList<>();
    List<double[]> errors = new ArrayList<>();
    for (int[] pair : pairing.pairs()) {
      double[] g = pairFunction(network, activation, pair, train);
      double[] y = train.yCopy();
      double gMean = mean(g);
      double yMean = mean(y);
      double sgg = 0;
      double sgy = 0;
      double syy = 0;
      for (int m = 0; m < y.length; m++) {
        sgg += (g[m] - gMean) * (g[m] - gMean);
        sgy += (g[m] - gMean) * (y[m] - yMean);
        syy += (y[m] - yMean) * (y[m] - yMean);
      }
      double alpha = sgg == 0 ? 0 : sgy / sgg;
      double beta = yMean - alpha * gMean;
      double[] e = new double[y.length];
      double sse = 0;
      for (int m = 0; m < y.length; m++) {
        e[m] = alpha * g[m] + beta - y[m];
        sse += e[m] * e[m];
      }
      double r2 = syy == 0 ? 0 : 1 - sse / syy;
      double[] curve = new double[grid == null ? 0 : grid.size()];
      double[] gGrid = grid == null ? curve : pairFunction(network, activation, pair, grid);
      for (int m = 0; m < curve.length; m++) {
        curve[m] = alpha * gGrid[m] + beta - grid.y(m);
      }
      tickets.add(new Ticket(pair[0], pair[1], MirrorPairing.mirrorDistance(network, pair[0], pair[1]),
          r2, alpha, beta, Math.sqrt(sse / y.length), curve));
      errors.add(e);
    }
    Integer[] order = new Integer[tickets.size()];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -tickets.get(k).r2()));
    List<Ticket> sorted = new ArrayList<>();
    List<double[]> sortedErrors = new ArrayList<>();
    for (int k : order) {
      sorted.add(tickets.get(k));
      sortedErrors.add(errors.get(k));
    }
    double[][] correlation = correlation(sortedErrors);
    return new TicketDecomposition(pairing, List.copyOf(sorted), correlation,
        symmetricEigenvalues(correlation));
  }

  /** g(x_m) for each point of the dataset. */
  public static double[] pairFunction(Network n, Nonlinearity activation, int[] pair, Dataset data) {
    double[] g = new double[data.size()];
    double[] x = new double[n.dimension()];
    for (int m = 0; m < g.length; m++) {
      for (int j = 0; j < x.length; j++) {
        x[j] = data.x(m, j);
      }
      for (int i : pair) {
        g[m] += n.v(i) * activation.value(n.preActivation(i, x));
      }
    }
    return g;
  }

  static double[][] correlation(List<double[]> errors) {
    int k = errors.size();
    double[] norms = new double[k];
    for (int a = 0; a < k; a++) {
      norms[a] = Math.sqrt(dot(errors.get(a), errors.get(a)));
    }
    double[][] c = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        if (a == b) {
          c[a][b] = 1;
        } else if (norms[a] > 0 && norms[b] > 0) {
          c[a][b] = dot(errors.get(a), errors.get(b)) / (norms[a] * norms[b]);
        }
      }
    }
    return c;
  }

  /** Eigenvalues of a symmetric matrix, decreasing (EJML). */
  static double[] symmetricEigenvalues(double[][] matrix) {
    int k = matrix.length;
    if (k == 0) {
      return new double[0];
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, false, true);
    if (!eig.decompose(new DMatrixRMaj(matrix))) {
      throw new IllegalStateException("eigendecomposition of a correlation matrix failed");
    }
    double[] values = new double[k];
    for (int e = 0; e < k; e++) {
      values[e] = eig.getEigenvalue(e).real;
    }
    Arrays.sort(values);
    for (int a = 0, b = k - 1; a < b; a++, b--) {
      double t = values[a];
      values[a] = values[b];
      values[b] = t;
    }
    return values;
  }

  private static double mean(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.length;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int m = 0; m < a.length; m++) {
      s += a[m] * b[m];
    }
    return s;
  }
}
