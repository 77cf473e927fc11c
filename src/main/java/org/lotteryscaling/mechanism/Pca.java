package org.lotteryscaling.mechanism;

import java.util.Arrays;
import java.util.Comparator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Principal component analysis of points in R^p: the eigenvectors of their sample covariance
 * (EJML's symmetric eigendecomposition), by decreasing variance. Each component's sign is fixed so
 * that its largest-magnitude coordinate is positive, so the same points give the same scores.
 *
 * @param mean        the points' mean
 * @param components  row k: the k-th principal direction (unit length)
 * @param variances   the variance along each component, decreasing
 */
public record Pca(double[] mean, double[][] components, double[] variances) {

  public static Pca of(double[][] points) {
    int n = points.length;
    if (n == 0) {
      throw new IllegalArgumentException("PCA needs at least one point");
    }
    int p = points[0].length;
    double[] mean = new double[p];
    for (double[] x : points) {
      for (int k = 0; k < p; k++) {
        mean[k] += x[k] / n;
      }
    }
    DMatrixRMaj cov = new DMatrixRMaj(p, p);
    for (double[] x : points) {
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < p; b++) {
          cov.add(a, b, (x[a] - mean[a]) * (x[b] - mean[b]) / n);
        }
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
    if (!eig.decompose(cov)) {
      throw new IllegalStateException("eigendecomposition of the covariance failed");
    }
    Integer[] order = new Integer[p];
    for (int e = 0; e < p; e++) {
      order[e] = e;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer e) -> -eig.getEigenvalue(e).real));
    double[][] components = new double[p][p];
    double[] variances = new double[p];
    for (int r = 0; r < p; r++) {
      int e = order[r];
      variances[r] = Math.max(eig.getEigenvalue(e).real, 0);
      DMatrixRMaj vec = eig.getEigenVector(e);
      int largest = 0;
      double norm = 0;
      for (int k = 0; k < p; k++) {
        norm += vec.get(k, 0) * vec.get(k, 0);
        if (Math.abs(vec.get(k, 0)) > Math.abs(vec.get(largest, 0))) {
          largest = k;
        }
      }
      double sign = vec.get(largest, 0) < 0 ? -1 : 1;
      for (int k = 0; k < p; k++) {
        components[r][k] = sign * vec.get(k, 0) / Math.sqrt(norm);
      }
    }
    return new Pca(mean, components, variances);
  }

  /** The point's coordinates along the first {@code count} components. */
  public double[] scores(double[] x, int count) {
    double[] s = new double[count];
    for (int r = 0; r < count; r++) {
      for (int k = 0; k < x.length; k++) {
        s[r] += components[r][k] * (x[k] - mean[k]);
      }
    }
    return s;
  }

  /** Each component's share of the total variance. */
  public double[] explainedRatio() {
    double total = 0;
    for (double v : variances) {
      total += v;
    }
    double[] out = new double[variances.length];
    for (int r = 0; r < out.length; r++) {
      out[r] = total == 0 ? 0 : variances[r] / total;
    }
    return out;
  }
}
