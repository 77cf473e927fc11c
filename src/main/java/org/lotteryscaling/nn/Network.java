package org.lotteryscaling.nn;

import java.util.Arrays;

/**
 * Equation (1) of the paper: f(x) = sum_i v_i sigma(w_i . x + b_i) + c, with input dimension d and
 * width N. An immutable value: the parameters are one flat vector theta laid out as
 * [w (N x d, neuron-major) | b (N) | v (N) | c], the layout the gradient kernel and Adam work on.
 */
public final class Network {
  private final int dimension;
  private final int width;
  private final double[] theta;

  private Network(int dimension, int width, double[] theta) {
    this.dimension = dimension;
    this.width = width;
    this.theta = theta;
  }

  public static int parameterCount(int dimension, int width) {
    return width * dimension + 2 * width + 1;
  }

  /** A network from a flat parameter vector in the layout above (copied). */
  public static Network fromParameters(int dimension, int width, double[] theta) {
    if (dimension < 1 || width < 1) {
      throw new IllegalArgumentException("need d >= 1 and N >= 1, got d=" + dimension + " N=" + width);
    }
    if (theta.length != parameterCount(dimension, width)) {
      throw new IllegalArgumentException("expected " + parameterCount(dimension, width)
          + " parameters for d=" + dimension + " N=" + width + ", got " + theta.length);
    }
    return new Network(dimension, width, theta.clone());
  }

  /** A network from its named parts: w[i][j], b[i], v[i], c. */
  public static Network of(double[][] w, double[] b, double[] v, double c) {
    int n = b.length;
    int d = w.length == 0 ? 0 : w[0].length;
    double[] theta = new double[parameterCount(d, n)];
    for (int i = 0; i < n; i++) {
      System.arraycopy(w[i], 0, theta, i * d, d);
    }
    System.arraycopy(b, 0, theta, n * d, n);
    System.arraycopy(v, 0, theta, n * d + n, n);
    theta[theta.length - 1] = c;
    return fromParameters(d, n, theta);
  }

  public int dimension() {
    return dimension;
  }

  public int width() {
    return width;
  }

  public double w(int neuron, int coordinate) {
    return theta[neuron * dimension + coordinate];
  }

  public double b(int neuron) {
    return theta[width * dimension + neuron];
  }

  public double v(int neuron) {
    return theta[width * dimension + width + neuron];
  }

  public double c() {
    return theta[theta.length - 1];
  }

  public double[] parameters() {
    return theta.clone();
  }

  public double[][] wMatrix() {
    double[][] w = new double[width][];
    for (int i = 0; i < width; i++) {
      w[i] = Arrays.copyOfRange(theta, i * dimension, (i + 1) * dimension);
    }
    return w;
  }

  public double[] bVector() {
    return Arrays.copyOfRange(theta, width * dimension, width * dimension + width);
  }

  public double[] vVector() {
    return Arrays.copyOfRange(theta, width * dimension + width, width * dimension + 2 * width);
  }

  /** Hidden neuron i's pre-activation w_i . x + b_i. */
  public double preActivation(int neuron, double[] x) {
    double z = b(neuron);
    for (int j = 0; j < dimension; j++) {
      z += w(neuron, j) * x[j];
    }
    return z;
  }

  /** f(x), evaluated directly from equation (1): the slow, obviously correct version. */
  public double apply(Nonlinearity activation, double[] x) {
    double f = c();
    for (int i = 0; i < width; i++) {
      f += v(i) * activation.value(preActivation(i, x));
    }
    return f;
  }

  /** Mean squared error of f on a dataset, evaluated point by point with {@link #apply}. */
  public double meanSquaredError(Nonlinearity activation, Dataset data) {
    double[] x = new double[dimension];
    double sum = 0;
    for (int m = 0; m < data.size(); m++) {
      for (int j = 0; j < dimension; j++) {
        x[j] = data.x(m, j);
      }
      double r = apply(activation, x) - data.y(m);
      sum += r * r;
    }
    return sum / data.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Network n && n.dimension == dimension && Arrays.equals(n.theta, theta);
  }

  @Override
  public int hashCode() {
    return 31 * dimension + Arrays.hashCode(theta);
  }

  @Override
  public String toString() {
    return "Network(d=" + dimension + ", N=" + width + ", theta=" + Arrays.toString(theta) + ")";
  }
}
