package org.lotteryscaling.mechanism;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Least squares in float64: the coefficients a minimising |X a - y|^2 for a design matrix given
 * column by column, by EJML's QR with column pivoting (which copes with nearly collinear columns,
 * as distilled networks have) and one step of iterative refinement on the residual.
 */
public final class LeastSquares {
  private LeastSquares() {}

  /** columns[j][m]: column j of X at row m. */
  public static double[] solve(double[][] columns, double[] y) {
    int rows = y.length;
    int p = columns.length;
    if (rows < p) {
      throw new IllegalArgumentException("least squares needs at least as many rows (" + rows
          + ") as coefficients (" + p + ")");
    }
    DMatrixRMaj x = new DMatrixRMaj(rows, p);
    for (int j = 0; j < p; j++) {
      for (int m = 0; m < rows; m++) {
        x.set(m, j, columns[j][m]);
      }
    }
    DMatrixRMaj target = new DMatrixRMaj(rows, 1, true, y);
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
    if (!solver.setA(x.copy())) {
      throw new IllegalStateException("least squares: decomposition failed");
    }
    DMatrixRMaj a = new DMatrixRMaj(p, 1);
    solver.solve(target, a);
    // One refinement step: solve for the correction from the residual of the first solution.
    DMatrixRMaj residual = target.copy();
    CommonOps_DDRM.multAdd(-1, x, a, residual);
    DMatrixRMaj correction = new DMatrixRMaj(p, 1);
    solver.solve(residual, correction);
    CommonOps_DDRM.addEquals(a, correction);
    double[] out = a.getData().clone();
    for (double v : out) {
      if (!Double.isFinite(v)) {
        throw new IllegalStateException("least squares gave a non-finite coefficient");
      }
    }
    return out;
  }

  /** The column of ones of an intercept. */
  public static double[] ones(int rows) {
    double[] one = new double[rows];
    java.util.Arrays.fill(one, 1.0);
    return one;
  }

  /** Mean squared value of X a - y. */
  public static double meanSquaredResidual(double[][] columns, double[] a, double[] y) {
    double sum = 0;
    for (int m = 0; m < y.length; m++) {
      double r = -y[m];
      for (int j = 0; j < columns.length; j++) {
        r += a[j] * columns[j][m];
      }
      sum += r * r;
    }
    return sum / y.length;
  }
}
