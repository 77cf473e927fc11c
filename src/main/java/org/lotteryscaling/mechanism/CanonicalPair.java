package org.lotteryscaling.mechanism;

import org.lotteryscaling.nn.Network;

/**
 * A width-2 network in canonical form (section 3): its two neurons ordered so that networks equal
 * up to swapping the neurons compare equal, with the symmetry residuals of a lottery ticket.
 *
 * <p>Order: by the first coordinate of w ascending, then b, then v, then the remaining coordinates
 * of w (so a ticket reads w1 &lt; 0 &lt; w2, as in the paper's equation (2)). The parameter vector is
 * (w1, w2, b1, b2, v1, v2, c) for d = 1 and (w1[0..d), w2[0..d), b1, b2, v1, v2, c) in general,
 * a point of R^(2d+5).
 *
 * <p>Residuals: |w1 + w2| (Euclidean norm for d &gt; 1), |b1 - b2|, |v1 - v2|. The relative
 * residual is the largest of |w1 + w2| / (|w1| + |w2|), |b1 - b2| / (|b1| + |b2|) and
 * |v1 - v2| / (|v1| + |v2|) (each 0 when its denominator is 0); a network is symmetric when it is
 * at most {@value #SYMMETRIC_RELATIVE_RESIDUAL}. (v1 - v2 is a nearly flat direction of the loss on
 * even targets, so it stays a few percent apart even in tickets.)
 */
public record CanonicalPair(Network network, double wResidual, double bResidual, double vResidual,
    double relativeResidual) {

  public static final double SYMMETRIC_RELATIVE_RESIDUAL = 0.1;

  public boolean symmetric() {
    return relativeResidual <= SYMMETRIC_RELATIVE_RESIDUAL;
  }

  public static CanonicalPair of(Network network) {
    if (network.width() != 2) {
      throw new IllegalArgumentException("canonical pairs need width 2, got " + network.width());
    }
    Network n = compareNeurons(network, 0, 1) <= 0 ? network : swapped(network);
    int d = n.dimension();
    double sumSq = 0;
    double norm1 = 0;
    double norm2 = 0;
    for (int k = 0; k < d; k++) {
      double s = n.w(0, k) + n.w(1, k);
      sumSq += s * s;
      norm1 += n.w(0, k) * n.w(0, k);
      norm2 += n.w(1, k) * n.w(1, k);
    }
    double wRes = Math.sqrt(sumSq);
    double bRes = Math.abs(n.b(0) - n.b(1));
    double vRes = Math.abs(n.v(0) - n.v(1));
    double relative = Math.max(ratio(wRes, Math.sqrt(norm1) + Math.sqrt(norm2)),
        Math.max(ratio(bRes, Math.abs(n.b(0)) + Math.abs(n.b(1))),
            ratio(vRes, Math.abs(n.v(0)) + Math.abs(n.v(1)))));
    return new CanonicalPair(n, wRes, bRes, vRes, relative);
  }

  /** (w1, w2, b1, b2, v1, v2, c) in canonical order. */
  public double[] vector() {
    return vectorOf(network);
  }

  /** The parameter vector of a width-2 network in its given neuron order. */
  public static double[] vectorOf(Network n) {
    int d = n.dimension();
    double[] x = new double[2 * d + 5];
    for (int k = 0; k < d; k++) {
      x[k] = n.w(0, k);
      x[d + k] = n.w(1, k);
    }
    x[2 * d] = n.b(0);
    x[2 * d + 1] = n.b(1);
    x[2 * d + 2] = n.v(0);
    x[2 * d + 3] = n.v(1);
    x[2 * d + 4] = n.c();
    return x;
  }

  /** The width-2 network of a parameter vector laid out as {@link #vectorOf}. */
  public static Network networkOf(int d, double[] x) {
    double[][] w = new double[2][d];
    for (int k = 0; k < d; k++) {
      w[0][k] = x[k];
      w[1][k] = x[d + k];
    }
    return Network.of(w, new double[] {x[2 * d], x[2 * d + 1]},
        new double[] {x[2 * d + 2], x[2 * d + 3]}, x[2 * d + 4]);
  }

  /** The same vector with the two neurons swapped. */
  public static double[] swap(double[] x, int d) {
    double[] y = x.clone();
    for (int k = 0; k < d; k++) {
      y[k] = x[d + k];
      y[d + k] = x[k];
    }
    y[2 * d] = x[2 * d + 1];
    y[2 * d + 1] = x[2 * d];
    y[2 * d + 2] = x[2 * d + 3];
    y[2 * d + 3] = x[2 * d + 2];
    return y;
  }

  private static Network swapped(Network n) {
    return networkOf(n.dimension(), swap(vectorOf(n), n.dimension()));
  }

  private static int compareNeurons(Network n, int i, int j) {
    int c = Double.compare(n.w(i, 0), n.w(j, 0));
    if (c == 0) {
      c = Double.compare(n.b(i), n.b(j));
    }
    if (c == 0) {
      c = Double.compare(n.v(i), n.v(j));
    }
    for (int k = 1; c == 0 && k < n.dimension(); k++) {
      c = Double.compare(n.w(i, k), n.w(j, k));
    }
    return c;
  }

  private static double ratio(double residual, double scale) {
    return scale == 0 ? 0 : residual / scale;
  }
}
