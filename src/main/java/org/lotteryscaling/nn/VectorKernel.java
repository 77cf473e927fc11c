package org.lotteryscaling.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fast kernel: the formulas of {@link ScalarKernel}, evaluated on SIMD vectors of 4 doubles
 * (Vector API), 8 points per iteration.
 *
 * <p>Forward: one pass over blocks of 8 points; for each block, every neuron's pre-activation,
 * sigma and sigma' are computed once (sigma and sigma' stored for the backward pass) and
 * v_i sigma is added to f in registers, so f is written once per block. f is accumulated in the
 * scalar kernel's order (c, then neuron 0, 1, ...), so f and every sigma are the scalar kernel's bits.
 * Backward: one pass per neuron over all points that sums dL/dv, dL/db and (d = 1) dL/dw together.
 *
 * <p>Determinism: the shape is fixed (256 bits, {@link DoubleVector#SPECIES_256}), not the CPU's
 * preferred one, and every sum over points is kept as 8 partial sums (point m goes to partial
 * m mod 8) that are added in one fixed order at the end, so the result is the same bits on any
 * machine. Only the order of those sums differs from the scalar kernel. The points are padded to a
 * multiple of 8 with x = 0 and r = dL/df = 0, so padding adds exact zeros to every gradient sum.
 */
public final class VectorKernel implements GradientKernel {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
  private static final int LANES = 4;
  /** Points per iteration: two vectors, for two independent dependency chains. */
  static final int BLOCK = 2 * LANES;

  private final Activation activation;
  private final int d;
  private final int n;
  private final int points;
  /** points rounded up to a multiple of BLOCK. */
  private final int padded;
  /** Points in whole blocks; the rest (fewer than BLOCK) are summed one by one for the loss. */
  private final int whole;
  /** x coordinate-major and padded with zeros: xj[j * padded + m]. */
  private final double[] xj;
  private final double[] y;
  private final double[] sigma;
  private final double[] slope;
  private final double[] f;
  /** dL/df_m; zero on the padding, which is never written. */
  private final double[] r;
  /** dL/dz of one neuron, for d > 1. */
  private final double[] gz;
  private final double[] lanes = new double[LANES];
  /** dL/dc of the last lossAndGradient, summed by residuals. */
  private double gradientOfC;
  /** dL/dv_i and dL/db_i of the neuron the backward pass just summed. */
  private double gradientOfV;
  private double gradientOfB;

  private static final DoubleVector ZERO = DoubleVector.zero(S);
  private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);
  private static final DoubleVector TWO = DoubleVector.broadcast(S, 2.0);
  private static final DoubleVector LEAKY = DoubleVector.broadcast(S, Activation.LEAKY_SLOPE);

  public VectorKernel(Activation activation, int width, Dataset data) {
    this.activation = activation;
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
    this.y = new double[padded];
    System.arraycopy(data.yCopy(), 0, y, 0, points);
    this.sigma = new double[n * padded];
    this.slope = new double[n * padded];
    this.f = new double[padded];
    this.r = new double[padded];
    this.gz = new double[padded];
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
    for (int i = 0; i < n; i++) {
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
   * One pass over the points for neuron i: dL/dv_i and dL/db_i into the fields below; for d = 1,
   * dL/dw_i returned; for d > 1, dL/dz_im stored in gz for {@link #weightGradient} (returns 0).
   * Vectors never cross a method boundary, so none is boxed.
   */
  private double backward(int row, double vi) {
    DoubleVector gvA = DoubleVector.zero(S);
    DoubleVector gvB = DoubleVector.zero(S);
    DoubleVector gbA = DoubleVector.zero(S);
    DoubleVector gbB = DoubleVector.zero(S);
    DoubleVector gwA = DoubleVector.zero(S);
    DoubleVector gwB = DoubleVector.zero(S);
    for (int m = 0; m < padded; m += BLOCK) {
      DoubleVector rA = DoubleVector.fromArray(S, r, m);
      DoubleVector rB = DoubleVector.fromArray(S, r, m + LANES);
      gvA = gvA.add(rA.mul(DoubleVector.fromArray(S, sigma, row + m)));
      gvB = gvB.add(rB.mul(DoubleVector.fromArray(S, sigma, row + m + LANES)));
      DoubleVector gzA = rA.mul(vi).mul(DoubleVector.fromArray(S, slope, row + m));
      DoubleVector gzB = rB.mul(vi).mul(DoubleVector.fromArray(S, slope, row + m + LANES));
      gbA = gbA.add(gzA);
      gbB = gbB.add(gzB);
      if (d == 1) {
        gwA = gwA.add(gzA.mul(DoubleVector.fromArray(S, xj, m)));
        gwB = gwB.add(gzB.mul(DoubleVector.fromArray(S, xj, m + LANES)));
      } else {
        gzA.intoArray(gz, m);
        gzB.intoArray(gz, m + LANES);
      }
    }
    gvA.add(gvB).intoArray(lanes, 0);
    gradientOfV = sumLanes();
    gbA.add(gbB).intoArray(lanes, 0);
    gradientOfB = sumLanes();
    gwA.add(gwB).intoArray(lanes, 0);
    return sumLanes();
  }

  /** sum_m gz_m x_mj for the coordinate whose points start at col. */
  private double weightGradient(int col) {
    DoubleVector a = DoubleVector.zero(S);
    DoubleVector b = a;
    for (int m = 0; m < padded; m += BLOCK) {
      a = a.add(DoubleVector.fromArray(S, gz, m).mul(DoubleVector.fromArray(S, xj, col + m)));
      b = b.add(DoubleVector.fromArray(S, gz, m + LANES)
          .mul(DoubleVector.fromArray(S, xj, col + m + LANES)));
    }
    a.add(b).intoArray(lanes, 0);
    return sumLanes();
  }

  /**
   * Fills sigma, slope and f for theta: neuron by neuron, one pass over the points that computes
   * z, evaluates the activation, stores sigma and sigma' and adds v_i sigma to f. f is accumulated
   * in the scalar kernel's order (c, then neuron 0, 1, ...). One small loop per activation, so the
   * JIT inlines the vector exponential and keeps every vector in registers.
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
        default -> throw new AssertionError(activation);
      }
    }
  }

  /** z = b_i + sum_j w_ij x_j, into the buffer gz, in the scalar kernel's order. */
  private void preActivations(double[] theta, int i, double bi) {
    for (int m = 0; m < padded; m += LANES) {
      DoubleVector z = DoubleVector.broadcast(S, bi);
      for (int j = 0; j < d; j++) {
        z = z.add(DoubleVector.fromArray(S, xj, j * padded + m).mul(theta[i * d + j]));
      }
      z.intoArray(gz, m);
    }
  }

  /**
   * sigma = z s, sigma' = s (1 + z (1 - s)), s = 1 / (1 + exp(-z)): Activation.SILU's formulas.
   * One vector per iteration: with two, C2 stops inlining the second exponential (node-count
   * cutoff) and boxes it; the out-of-order core overlaps consecutive iterations anyway.
   */
  private void silu(double[] u, double w, double b, int row, double vi) {
    for (int m = 0; m < padded; m += LANES) {
      DoubleVector z = DoubleVector.broadcast(S, b).add(DoubleVector.fromArray(S, u, m).mul(w));
      DoubleVector s = ONE.div(VectorExp.exp(z.neg()).add(1.0));
      DoubleVector value = z.mul(s);
      value.intoArray(sigma, row + m);
      s.mul(z.mul(ONE.sub(s)).add(1.0)).intoArray(slope, row + m);
      DoubleVector.fromArray(S, f, m).add(value.mul(vi)).intoArray(f, m);
    }
  }

  /** t = 1 - 2 / (exp(2z) + 1), sigma' = 1 - t^2: Activation.TANH's formulas. */
  private void tanh(double[] u, double w, double b, int row, double vi) {
    for (int m = 0; m < padded; m += LANES) {
      DoubleVector z = DoubleVector.broadcast(S, b).add(DoubleVector.fromArray(S, u, m).mul(w));
      DoubleVector e = VectorExp.exp(z.add(z));
      DoubleVector t = ONE.sub(TWO.div(e.add(1.0)));
      t.intoArray(sigma, row + m);
      ONE.sub(t.mul(t)).intoArray(slope, row + m);
      DoubleVector.fromArray(S, f, m).add(t.mul(vi)).intoArray(f, m);
    }
  }

  private void relu(double[] u, double w, double b, int row, double vi) {
    for (int m = 0; m < padded; m += LANES) {
      DoubleVector z = DoubleVector.broadcast(S, b).add(DoubleVector.fromArray(S, u, m).mul(w));
      VectorMask<Double> on = z.compare(VectorOperators.GT, 0.0);
      DoubleVector value = ZERO.blend(z, on);
      value.intoArray(sigma, row + m);
      ZERO.blend(1.0, on).intoArray(slope, row + m);
      DoubleVector.fromArray(S, f, m).add(value.mul(vi)).intoArray(f, m);
    }
  }

  /** Negative slope {@link Activation#LEAKY_SLOPE}. */
  private void leakyRelu(double[] u, double w, double b, int row, double vi) {
    for (int m = 0; m < padded; m += LANES) {
      DoubleVector z = DoubleVector.broadcast(S, b).add(DoubleVector.fromArray(S, u, m).mul(w));
      VectorMask<Double> on = z.compare(VectorOperators.GT, 0.0);
      DoubleVector value = z.mul(Activation.LEAKY_SLOPE).blend(z, on);
      value.intoArray(sigma, row + m);
      LEAKY.blend(1.0, on).intoArray(slope, row + m);
      DoubleVector.fromArray(S, f, m).add(value.mul(vi)).intoArray(f, m);
    }
  }

  /**
   * The loss mean_m (f_m - y_m)^2 over the real points, r = dL/df and dL/dc. r is computed even
   * when only the loss is wanted: a branch on that inside the loop made C2 box the vectors.
   */
  private double residuals() {
    double scale = 2.0 / points;
    DoubleVector lossA = DoubleVector.zero(S);
    DoubleVector lossB = DoubleVector.zero(S);
    DoubleVector gcA = DoubleVector.zero(S);
    DoubleVector gcB = DoubleVector.zero(S);
    for (int m = 0; m < whole; m += BLOCK) {
      DoubleVector eA = DoubleVector.fromArray(S, f, m).sub(DoubleVector.fromArray(S, y, m));
      DoubleVector eB = DoubleVector.fromArray(S, f, m + LANES)
          .sub(DoubleVector.fromArray(S, y, m + LANES));
      lossA = lossA.add(eA.mul(eA));
      lossB = lossB.add(eB.mul(eB));
      DoubleVector rA = eA.mul(scale);
      DoubleVector rB = eB.mul(scale);
      rA.intoArray(r, m);
      rB.intoArray(r, m + LANES);
      gcA = gcA.add(rA);
      gcB = gcB.add(rB);
    }
    lossA.add(lossB).intoArray(lanes, 0);
    double loss = sumLanes();
    gcA.add(gcB).intoArray(lanes, 0);
    double gc = sumLanes();
    for (int m = whole; m < points; m++) {
      double e = f[m] - y[m];
      loss += e * e;
      r[m] = scale * e;
      gc += r[m];
    }
    gradientOfC = gc;
    return loss / points;
  }

  /**
   * The sum of the 8 partial sums a caller left in {@code lanes} (as a + b of its two accumulators),
   * in one fixed order. Vectors are not passed to methods, so that none is ever boxed.
   */
  private double sumLanes() {
    return (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
  }
}
