package org.lotteryscaling.nn;

import jdk.incubator.vector.DoubleVector;

/**
 * The fast kernel: the formulas of {@link ScalarKernel}, evaluated on SIMD vectors (Vector API),
 * 8 points per iteration. This class holds the workspace and the order of the work; the loops
 * themselves are in {@link VectorKernel256} (4 doubles per vector, any x86-64 with AVX2) and
 * {@link VectorKernel512} (8 doubles, AVX-512), one class per vector shape because C2 compiles
 * Vector API code to SIMD instructions only when the species is a static final constant.
 *
 * <p>Forward: neuron by neuron, one pass over the points computes z, sigma and sigma' (stored for
 * the backward pass; the 512-bit relu and leaky_relu derive sigma' from sigma there instead) and
 * adds v_i sigma to f. f is accumulated in the scalar kernel's order
 * (c, then neuron 0, 1, ...), so f and every sigma are the scalar kernel's bits.
 * Backward: one pass per neuron over all points that sums dL/dv, dL/db and (d = 1) dL/dw together.
 *
 * <p>Determinism: every sum over points is kept as 8 partial sums (point m goes to partial m mod 8)
 * that {@link #sumLanes} adds in one fixed order at the end. One 512-bit vector is exactly those 8
 * partials; the 256-bit kernel keeps them in two vectors (points m mod 8 in 0..3 and in 4..7). So
 * both shapes give the same bits, on any machine; only the order of those sums differs from the
 * scalar kernel. The points are padded to a multiple of 8 with x = 0 and r = dL/df = 0, so padding
 * adds exact zeros to every gradient sum.
 */
public abstract class VectorKernel implements GradientKernel {
  /** Points per iteration, and the number of partial sums of every sum over points. */
  static final int BLOCK = 8;

  final Activation activation;
  /** leaky_relu's negative slope. */
  final double leakySlope;
  final int d;
  final int n;
  final int points;
  /** points rounded up to a multiple of BLOCK. */
  final int padded;
  /** Points in whole blocks; the rest (fewer than BLOCK) are summed one by one for the loss. */
  final int whole;
  /** x coordinate-major and padded with zeros: xj[j * padded + m]. */
  final double[] xj;
  final double[] y;
  final double[] sigma;
  final double[] slope;
  final double[] f;
  /**
   * max_m |x_m| for d = 1 (NaN if any x is NaN), for {@link #geluUnclamped}; the padding's zeros
   * change nothing.
   */
  final double maxAbsX;
  /** dL/df_m; zero on the padding, which is never written. */
  final double[] r;
  /** dL/dz of one neuron, for d > 1. */
  final double[] gz;
  /** The 8 partial sums of one sum over points, partial k holding the points m = k mod 8. */
  final double[] lanes = new double[BLOCK];
  /** dL/dw, dL/dv, dL/db of two neurons, from {@link #backwardPair}. */
  final double[] pair = new double[6];
  /** dL/dc of the last lossAndGradient, summed by residuals. */
  double gradientOfC;
  /** dL/dv_i and dL/db_i of the neuron the backward pass just summed. */
  double gradientOfV;
  double gradientOfB;

  VectorKernel(Activation activation, double leakySlope, int width, Dataset data) {
    this.activation = activation;
    this.leakySlope = leakySlope;
    this.d = data.dimension();
    this.n = width;
    this.points = data.size();
    this.padded = (points + BLOCK - 1) / BLOCK * BLOCK;
    this.whole = points / BLOCK * BLOCK;
    this.xj = new double[d * padded];
    for (int m = 0; m < points; m++) {
      for (int j = 0; j < d; j++) {
        xj[j * padded + m] = data.x(m, j);
      }
    }
    double max = 0.0;
    for (int m = 0; m < points; m++) {
      max = Math.max(max, Math.abs(data.x(m, 0)));
    }
    this.maxAbsX = d == 1 ? max : Double.NaN;
    this.y = new double[padded];
    System.arraycopy(data.yCopy(), 0, y, 0, points);
    this.sigma = new double[n * padded];
    this.slope = new double[n * padded];
    this.f = new double[padded];
    this.r = new double[padded];
    this.gz = new double[padded];
  }

  /**
   * The widest shape this CPU runs as native SIMD instructions: 512 bits where the JVM's preferred
   * vector is that wide (AVX-512), else 256. Either gives the same bits; the other shape would run
   * in software (correct but about 50x slower).
   */
  public static int preferredBits() {
    return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 512 ? 512 : 256;
  }

  @Override
  public double loss(double[] theta) {
    forward(theta);
    return residuals();
  }

  @Override
  public double lossAndGradient(double[] theta, double[] grad) {
    forward(theta);
    double loss = residuals();
    grad[theta.length - 1] = gradientOfC;
    int bOffset = n * d;
    int vOffset = bOffset + n;
    int first = 0;
    if (d == 1) {
      for (; first + 1 < n; first += 2) {
        backwardPair(first * padded, theta[vOffset + first], theta[vOffset + first + 1]);
        for (int k = 0; k < 2; k++) {
          grad[first + k] = pair[3 * k];
          grad[vOffset + first + k] = pair[3 * k + 1];
          grad[bOffset + first + k] = pair[3 * k + 2];
        }
      }
    }
    for (int i = first; i < n; i++) {
      double vi = theta[vOffset + i];
      int row = i * padded;
      double gw = backward(row, vi);
      if (d == 1) {
        grad[i] = gw;
      } else {
        for (int j = 0; j < d; j++) {
          grad[i * d + j] = weightGradient(j * padded);
        }
      }
      grad[vOffset + i] = gradientOfV;
      grad[bOffset + i] = gradientOfB;
    }
    return loss;
  }

  /**
   * Fills sigma, slope and f for theta, neuron by neuron (see the activation loops). f starts at c
   * and gets v_i sigma_i added in neuron order.
   *
   * <p>The loops compute z = b + w u from one input row u: for d = 1 that is x itself, with the
   * neuron's w and b; for d > 1, z is summed first into the buffer gz and the loops see u = z,
   * w = 1 and b = -0.0, the exact additive identity (-0 + z = z for every z, signed zeros included),
   * so z is the scalar kernel's z in both cases.
   */
  private void forward(double[] theta) {
    int bOffset = n * d;
    int vOffset = bOffset + n;
    java.util.Arrays.fill(f, theta[theta.length - 1]);
    for (int i = 0; i < n; i++) {
      double[] u = xj;
      double w = theta[i];
      double b = theta[bOffset + i];
      if (d > 1) {
        preActivations(theta, i, b);
        u = gz;
        w = 1.0;
        b = -0.0;
      }
      int row = i * padded;
      double vi = theta[vOffset + i];
      switch (activation) {
        case SILU -> silu(u, w, b, row, vi);
        case TANH -> tanh(u, w, b, row, vi);
        case RELU -> relu(u, w, b, row, vi);
        case LEAKY_RELU -> leakyRelu(u, w, b, row, vi);
        case GELU -> gelu(u, w, b, row, vi);
        case SIGMOID -> sigmoid(u, w, b, row, vi);
        case SOFTPLUS -> softplus(u, w, b, row, vi);
        default -> throw new AssertionError(activation);
      }
    }
  }

  /**
   * One pass over the points for neuron i: dL/dv_i and dL/db_i into gradientOfV and gradientOfB;
   * for d = 1, dL/dw_i returned; for d > 1, dL/dz_im stored in gz for {@link #weightGradient}
   * (returns 0). Vectors never cross a method boundary, so none is boxed.
   */
  abstract double backward(int row, double vi);

  /**
   * For d = 1, {@link #backward} of the neurons whose rows start at row and row + padded, with
   * dL/dw, dL/dv, dL/db of the first, then of the second, into {@link #pair}. Two passes here; a
   * shape may override it with one pass over the points for both (the sums are per neuron, so the
   * bits are the same either way).
   */
  void backwardPair(int row, double v0, double v1) {
    pair[0] = backward(row, v0);
    pair[1] = gradientOfV;
    pair[2] = gradientOfB;
    pair[3] = backward(row + padded, v1);
    pair[4] = gradientOfV;
    pair[5] = gradientOfB;
  }

  /** sum_m gz_m x_mj for the coordinate whose points start at col. */
  abstract double weightGradient(int col);

  /** z = b_i + sum_j w_ij x_j, into the buffer gz, in the scalar kernel's order. */
  abstract void preActivations(double[] theta, int i, double bi);

  /** sigma = z s, sigma' = s (1 + z (1 - s)), s = 1 / (1 + exp(-z)): Activation.SILU's formulas. */
  abstract void silu(double[] u, double w, double b, int row, double vi);

  /** t = 1 - 2 / (exp(2z) + 1), sigma' = 1 - t^2: Activation.TANH's formulas. */
  abstract void tanh(double[] u, double w, double b, int row, double vi);

  abstract void relu(double[] u, double w, double b, int row, double vi);

  /** Negative slope {@link #leakySlope}. */
  abstract void leakyRelu(double[] u, double w, double b, int row, double vi);

  /**
   * a = 2 sqrt(2/pi) (z + 0.044715 z c^2) with c^2 = z^2 clamped to 625, s = 1 / (1 + exp(-a)),
   * sigma = z s, sigma' = s + z s (1 - s) da/dz: Activation.GELU's formulas.
   */
  abstract void gelu(double[] u, double w, double b, int row, double vi);

  /**
   * Whether no z = b + u w of this neuron can exceed {@link Activation#GELU_CLAMP} in size, so that
   * gelu's clamp of z^2 is a no-op on every lane and the loop may leave it out with the same bits:
   * for d = 1 (u = x), |z| = |fl(b + fl(u w))| <= fl(|b| + fl(max|x| |w|)), rounding being
   * monotone, and |z| <= 25 gives z^2 <= fl(25 25) = 625. NaN or infinite b, w or x answer false.
   */
  final boolean geluUnclamped(double w, double b) {
    return zWithin(w, b, Activation.GELU_CLAMP);
  }

  /**
   * Whether no z = b + u w of this neuron can exceed {@link Activation#SOFTPLUS_THRESHOLD}, so that
   * softplus's z > 20 blends are no-ops on every lane and its loops may leave them out with the
   * same bits: for d = 1 (u = x), z <= |z| <= fl(|b| + fl(max|x| |w|)) as for
   * {@link #geluUnclamped}. NaN or infinite b, w or x answer false.
   */
  final boolean softplusBelowThreshold(double w, double b) {
    return zWithin(w, b, Activation.SOFTPLUS_THRESHOLD);
  }

  /** |z| <= bound on every point, proved by the bound |b| + max|x| |w| (d = 1 only; NaN: false). */
  private boolean zWithin(double w, double b, double bound) {
    return d == 1 && Math.abs(b) + maxAbsX * Math.abs(w) <= bound;
  }

  /** e = exp(-|z|), q = 1 / (1 + e), sigma = q or e q, sigma' = e q^2: Activation.SIGMOID's. */
  abstract void sigmoid(double[] u, double w, double b, int row, double vi);

  /** max(z, 0) + log1p(exp(-|z|)), z above 20; sigma' = sigmoid(z): Activation.SOFTPLUS's. */
  abstract void softplus(double[] u, double w, double b, int row, double vi);

  /**
   * The loss mean_m (f_m - y_m)^2 over the real points; fills r = dL/df and gradientOfC. r is
   * computed even when only the loss is wanted: a branch on that inside the loop made C2 box the
   * vectors.
   */
  abstract double residuals();

  /**
   * The sum of the 8 partial sums a loop left in {@link #lanes}, in one fixed order (the order the
   * first, 256-bit kernel used, so that committed results keep their bits). Vectors are not passed
   * to methods, so that none is ever boxed.
   */
  final double sumLanes() {
    return ((lanes[0] + lanes[4]) + (lanes[1] + lanes[5]))
        + ((lanes[2] + lanes[6]) + (lanes[3] + lanes[7]));
  }
}
