package org.lotteryscaling.nn;

/**
 * The reference kernel: plain loops over double[], one neuron at a time over all M points, so the
 * inner loops run over contiguous memory. The forward pass keeps sigma and sigma' of every
 * neuron-point for the backward pass.
 *
 * <pre>
 *   z_im = w_i . x_m + b_i,   f_m = c + sum_i v_i sigma(z_im),   L = (1/M) sum_m (f_m - y_m)^2
 *   r_m = dL/df_m = 2 (f_m - y_m) / M
 *   dL/dc = sum_m r_m,   dL/dv_i = sum_m r_m sigma(z_im)
 *   dL/db_i = sum_m r_m v_i sigma'(z_im),   dL/dw_ij = sum_m r_m v_i sigma'(z_im) x_mj
 * </pre>
 */
public final class ScalarKernel implements GradientKernel {
  private final Activation activation;
  /** leaky_relu's negative slope. */
  private final double leakySlope;
  private final int d;
  private final int n;
  private final int points;
  /** x coordinate-major here: xj[j * M + m], so each coordinate is a contiguous run. */
  private final double[] xj;
  private final double[] y;
  private final double[] z;
  private final double[] sigma;
  private final double[] slope;
  private final double[] f;
  private final double[] r;

  public ScalarKernel(Activation activation, int width, Dataset data) {
    this(activation, Activation.LEAKY_SLOPE, width, data);
  }

  public ScalarKernel(Activation activation, double leakySlope, int width, Dataset data) {
    this.activation = activation;
    this.leakySlope = leakySlope;
    this.d = data.dimension();
    this.n = width;
    this.points = data.size();
    this.xj = new double[d * points];
    for (int m = 0; m < points; m++) {
      for (int j = 0; j < d; j++) {
        xj[j * points + m] = data.x(m, j);
      }
    }
    this.y = data.yCopy();
    this.z = new double[points];
    this.sigma = new double[n * points];
    this.slope = new double[n * points];
    this.f = new double[points];
    this.r = new double[points];
  }

  @Override
  public double loss(double[] theta) {
    return forward(theta);
  }

  @Override
  public double lossAndGradient(double[] theta, double[] grad) {
    double loss = forward(theta);
    int bOffset = n * d;
    int vOffset = bOffset + n;
    double scale = 2.0 / points;
    double gc = 0;
    for (int m = 0; m < points; m++) {
      r[m] = scale * (f[m] - y[m]);
      gc += r[m];
    }
    for (int i = 0; i < n; i++) {
      int row = i * points;
      double vi = theta[vOffset + i];
      double gv = 0;
      double gb = 0;
      for (int m = 0; m < points; m++) {
        gv += r[m] * sigma[row + m];
        double gz = r[m] * vi * slope[row + m];
        z[m] = gz;
        gb += gz;
      }
      for (int j = 0; j < d; j++) {
        int col = j * points;
        double gw = 0;
        for (int m = 0; m < points; m++) {
          gw += z[m] * xj[col + m];
        }
        grad[i * d + j] = gw;
      }
      grad[bOffset + i] = gb;
      grad[vOffset + i] = gv;
    }
    grad[theta.length - 1] = gc;
    return loss;
  }

  /** Fills sigma, slope and f for theta; returns the loss. */
  private double forward(double[] theta) {
    int bOffset = n * d;
    int vOffset = bOffset + n;
    double c = theta[theta.length - 1];
    for (int m = 0; m < points; m++) {
      f[m] = c;
    }
    for (int i = 0; i < n; i++) {
      double bi = theta[bOffset + i];
      for (int m = 0; m < points; m++) {
        z[m] = bi;
      }
      for (int j = 0; j < d; j++) {
        double wij = theta[i * d + j];
        int col = j * points;
        for (int m = 0; m < points; m++) {
          z[m] += wij * xj[col + m];
        }
      }
      int row = i * points;
      activation.evaluate(z, sigma, slope, row, points, leakySlope);
      double vi = theta[vOffset + i];
      for (int m = 0; m < points; m++) {
        f[m] += vi * sigma[row + m];
      }
    }
    double sum = 0;
    for (int m = 0; m < points; m++) {
      double e = f[m] - y[m];
      sum += e * e;
    }
    return sum / points;
  }
}
