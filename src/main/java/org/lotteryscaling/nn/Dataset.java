package org.lotteryscaling.nn;

/**
 * Regression data: M points of dimension d, stored point-major (x[m * d + j] is coordinate j of
 * point m), with one target value y[m] each. Immutable after construction.
 */
public final class Dataset {
  private final int dimension;
  private final double[] x;
  private final double[] y;

  public Dataset(int dimension, double[] x, double[] y) {
    if (dimension < 1 || x.length != (long) dimension * y.length || y.length == 0) {
      throw new IllegalArgumentException(
          "dataset needs d >= 1 and x of length d * M with M >= 1, got d=" + dimension
              + " x.length=" + x.length + " y.length=" + y.length);
    }
    this.dimension = dimension;
    this.x = x.clone();
    this.y = y.clone();
  }

  public int dimension() {
    return dimension;
  }

  public int size() {
    return y.length;
  }

  public double x(int point, int coordinate) {
    return x[point * dimension + coordinate];
  }

  public double y(int point) {
    return y[point];
  }

  /** Copies of the raw arrays, for kernels that lay the data out their own way. */
  public double[] xCopy() {
    return x.clone();
  }

  public double[] yCopy() {
    return y.clone();
  }
}
