package org.lotteryscaling.mechanism;

import org.lotteryscaling.nn.Nonlinearity;
import org.lotteryscaling.nn.Dataset;
import org.lotteryscaling.nn.Network;

/**
 * A width-2 network distilled from a wide one (appendix D): the first layer (w, b) of the wide
 * network's best lottery ticket (highest R^2, {@link TicketDecomposition}) copied, the output layer
 * (v1, v2, c) refit by least squares on the training points in float64.
 *
 * @param ticket   the ticket it was distilled from
 * @param network  the distilled width-2 network
 */
public record Distillation(TicketDecomposition.Ticket ticket, Network network) {

  /** Distils from the best ticket of a decomposition; null when the network has no pair. */
  public static Distillation of(Network wide, TicketDecomposition decomposition, Nonlinearity activation,
      Dataset train) {
    if (decomposition.tickets().isEmpty()) {
      return null;
    }
    TicketDecomposition.Ticket best = decomposition.tickets().get(0);
    int d = wide.dimension();
    double[][] w = new double[2][d];
    for (int k = 0; k < d; k++) {
      w[0][k] = wide.w(best.neuronA(), k);
      w[1][k] = wide.w(best.neuronB(), k);
    }
    double[] b = {wide.b(best.neuronA()), wide.b(best.neuronB())};
    return new Distillation(best, refitOutputLayer(w, b, activation, train));
  }

  /** The network with first layer (w, b) whose (v, c) minimise the training MSE. */
  public static Network refitOutputLayer(double[][] w, double[] b, Nonlinearity activation,
      Dataset train) {
    int n = b.length;
    int d = w[0].length;
    double[][] columns = new double[n + 1][];
    double[] x = new double[d];
    for (int i = 0; i < n; i++) {
      columns[i] = new double[train.size()];
    }
    columns[n] = LeastSquares.ones(train.size());
    for (int m = 0; m < train.size(); m++) {
      for (int j = 0; j < d; j++) {
        x[j] = train.x(m, j);
      }
      for (int i = 0; i < n; i++) {
        double z = b[i];
        for (int j = 0; j < d; j++) {
          z += w[i][j] * x[j];
        }
        columns[i][m] = activation.value(z);
      }
    }
    double[] a = LeastSquares.solve(columns, train.yCopy());
    double[] v = new double[n];
    System.arraycopy(a, 0, v, 0, n);
    return Network.of(w, b, v, a[n]);
  }
}
