package org.lotteryscaling.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorKernel}'s loops on 512-bit vectors (8 doubles; AVX-512): one vector is one block of
 * 8 points, and every sum over points is one vector whose lane k is the partial sum of the points
 * m = k mod 8, the same partial sums, added in the same order, as {@link VectorKernel256}'s.
 */
final class VectorKernel512 extends VectorKernel {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_512;
  private static final int LANES = 8;

  private static final DoubleVector ZERO = DoubleVector.zero(S);
  private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);
  private static final DoubleVector TWO = DoubleVector.broadcast(S, 2.0);

  /**
   * relu and leaky_relu: sigma' is 1 where sigma > 0 and {@link #low} elsewhere, exactly (sigma > 0
   * if and only if z > 0, NaN included), so their forward loops do not store sigma' and the backward
   * pass derives it from sigma: one array fewer to write and read (width 50, M = 1000, medians of
   * 5 interleaved rounds: relu 1.55e9 to 2.03e9 neuron-steps/s, leaky_relu 1.78e9 to 2.33e9).
   */
  private final boolean kinked;
  /** sigma' where z <= 0: 0 for relu, {@link #leakySlope} for leaky_relu. */
  private final double low;

  VectorKernel512(Activation activation, double leakySlope, int width, Dataset data) {
    super(activation, leakySlope, width, data);
    this.kinked = activation == Activation.RELU || activation == Activation.LEAKY_RELU;
    this.low = activation == Activation.RELU ? 0.0 : leakySlope;
  }

  @Override
  double backward(int row, double vi) {
    // accumulators start from zero(S), not the constant ZERO: a loop phi over a constant vector
    // object made C2 box all three (1.8 MB allocated per step)
    DoubleVector gv = DoubleVector.zero(S);
    DoubleVector gb = DoubleVector.zero(S);
    DoubleVector gw = DoubleVector.zero(S);
    DoubleVector lows = DoubleVector.broadcast(S, low);
    for (int m = 0; m < padded; m += LANES) {
      DoubleVector rm = DoubleVector.fromArray(S, r, m);
      DoubleVector s = DoubleVector.fromArray(S, sigma, row + m);
      gv = gv.add(rm.mul(s));
      DoubleVector sl = kinked ? lows.blend(1.0, s.compare(VectorOperators.GT, 0.0))
          : DoubleVector.fromArray(S, slope, row + m);
      DoubleVector gzm = rm.mul(vi).mul(sl);
      gb = gb.add(gzm);
      if (d == 1) {
        gw = gw.add(gzm.mul(DoubleVector.fromArray(S, xj, m)));
      } else {
        gzm.intoArray(gz, m);
      }
    }
    gv.intoArray(lanes, 0);
    gradientOfV = sumLanes();
    gb.intoArray(lanes, 0);
    gradientOfB = sumLanes();
    gw.intoArray(lanes, 0);
    return sumLanes();
  }

  /**
   * Two neurons in one pass: r and x are loaded once for both, and six independent sums are in
   * flight instead of three (relu and leaky_relu 4% and 7% faster than two passes, silu and tanh no
   * faster: medians of 5 interleaved rounds, width 50, 1000 points).
   */
  @Override
  void backwardPair(int row, double v0, double v1) {
    int row1 = row + padded;
    DoubleVector gw0 = DoubleVector.zero(S);
    DoubleVector gv0 = DoubleVector.zero(S);
    DoubleVector gb0 = DoubleVector.zero(S);
    DoubleVector gw1 = DoubleVector.zero(S);
    DoubleVector gv1 = DoubleVector.zero(S);
    DoubleVector gb1 = DoubleVector.zero(S);
    DoubleVector lows = DoubleVector.broadcast(S, low);
    for (int m = 0; m < padded; m += LANES) {
      DoubleVector rm = DoubleVector.fromArray(S, r, m);
      DoubleVector x = DoubleVector.fromArray(S, xj, m);
      DoubleVector s0 = DoubleVector.fromArray(S, sigma, row + m);
      DoubleVector s1 = DoubleVector.fromArray(S, sigma, row1 + m);
      gv0 = gv0.add(rm.mul(s0));
      gv1 = gv1.add(rm.mul(s1));
      DoubleVector sl0 = kinked ? lows.blend(1.0, s0.compare(VectorOperators.GT, 0.0))
          : DoubleVector.fromArray(S, slope, row + m);
      DoubleVector sl1 = kinked ? lows.blend(1.0, s1.compare(VectorOperators.GT, 0.0))
          : DoubleVector.fromArray(S, slope, row1 + m);
      DoubleVector gz0 = rm.mul(v0).mul(sl0);
      DoubleVector gz1 = rm.mul(v1).mul(sl1);
      gb0 = gb0.add(gz0);
      gb1 = gb1.add(gz1);
      gw0 = gw0.add(gz0.mul(x));
      gw1 = gw1.add(gz1.mul(x));
    }
    gw0.intoArray(lanes, 0);
    pair[0] = sumLanes();
    gv0.intoArray(lanes, 0);
    pair[1] = sumLanes();
    gb0.intoArray(lanes, 0);
    pair[2] = sumLanes();
    gw1.intoArray(lanes, 0);
    pair[3] = sumLanes();
    gv1.intoArray(lanes, 0);
    pair[4] = sumLanes();
    gb1.intoArray(lanes, 0);
    pair[5] = sumLanes();
  }

  @Override
  double weightGradient(int col) {
    DoubleVector a = DoubleVector.zero(S);
    for (int m = 0; m < padded; m += LANES) {
      a = a.add(DoubleVector.fromArray(S, gz, m).mul(DoubleVector.fromArray(S, xj, col + m)));
    }
    a.intoArray(lanes, 0);
    return sumLanes();
  }

  @Override
  void preActivations(double[] theta, int i, double bi) {
    for (int m = 0; m < padded; m += LANES) {
      DoubleVector z = DoubleVector.broadcast(S, bi);
      for (int j = 0; j < d; j++) {
        z = z.add(DoubleVector.fromArray(S, xj, j * padded + m).mul(theta[i * d + j]));
      }
      z.intoArray(gz, m);
    }
  }

  @Override
  void silu(double[] u, double w, double b, int row, double vi) {
    for (int m = 0; m < padded; m += LANES) {
      DoubleVector z = DoubleVector.broadcast(S, b).add(DoubleVector.fromArray(S, u, m).mul(w));
      DoubleVector s = ONE.div(VectorExp.exp(z.neg()).add(1.0));
      DoubleVector value = z.mul(s);
      value.intoArray(sigma, row + m);
      s.mul(z.mul(ONE.sub(s)).add(1.0)).intoArray(slope, row + m);
      DoubleVector.fromArray(S, f, m).add(value.mul(vi)).intoArray(f, m);
    }
  }

  @Override
  void tanh(double[] u, double w, double b, int row, double vi) {
    for (int m = 0; m < padded; m += LANES) {
      DoubleVector z = DoubleVector.broadcast(S, b).add(DoubleVector.fromArray(S, u, m).mul(w));
      DoubleVector e = VectorExp.exp(z.add(z));
      DoubleVector t = ONE.sub(TWO.div(e.add(1.0)));
      t.intoArray(sigma, row + m);
      ONE.sub(t.mul(t)).intoArray(slope, row + m);
      DoubleVector.fromArray(S, f, m).add(t.mul(vi)).intoArray(f, m);
    }
  }

  /** sigma' is not stored: see {@link #kinked}. */
  @Override
  void relu(double[] u, double w, double b, int row, double vi) {
    for (int m = 0; m < padded; m += LANES) {
      DoubleVector z = DoubleVector.broadcast(S, b).add(DoubleVector.fromArray(S, u, m).mul(w));
      VectorMask<Double> on = z.compare(VectorOperators.GT, 0.0);
      DoubleVector value = ZERO.blend(z, on);
      value.intoArray(sigma, row + m);
      DoubleVector.fromArray(S, f, m).add(value.mul(vi)).intoArray(f, m);
    }
  }

  /** sigma' is not stored: see {@link #kinked}. */
  @Override
  void leakyRelu(double[] u, double w, double b, int row, double vi) {
    for (int m = 0; m < padded; m += LANES) {
      DoubleVector z = DoubleVector.broadcast(S, b).add(DoubleVector.fromArray(S, u, m).mul(w));
      VectorMask<Double> on = z.compare(VectorOperators.GT, 0.0);
      DoubleVector value = z.mul(leakySlope).blend(z, on);
      value.intoArray(sigma, row + m);
      DoubleVector.fromArray(S, f, m).add(value.mul(vi)).intoArray(f, m);
    }
  }

  /**
   * Activation.GELU's operations in its order; one blend, for its clamp of z^2, left out (same
   * bits) where {@link #geluUnclamped} says it is a no-op.
   */
  @Override
  void gelu(double[] u, double w, double b, int row, double vi) {
    if (geluUnclamped(w, b)) {
      for (int m = 0; m < padded; m += LANES) {
        DoubleVector z = DoubleVector.broadcast(S, b).add(DoubleVector.fromArray(S, u, m).mul(w));
        DoubleVector c2 = z.mul(z);
        // -a = z (-0.044715 2 sqrt(2/pi) c^2 - 2 sqrt(2/pi)), Activation.GELU's order
        DoubleVector na = c2.mul(Activation.GELU_MINUS_TWO_BETA_KAPPA)
            .sub(Activation.GELU_TWO_BETA).mul(z);
        DoubleVector s = ONE.div(VectorExp.exp(na).add(1.0));
        DoubleVector value = z.mul(s);
        value.intoArray(sigma, row + m);
        DoubleVector da = c2.mul(Activation.GELU_SIX_BETA_KAPPA).add(Activation.GELU_TWO_BETA);
        s.add(z.mul(s.mul(ONE.sub(s))).mul(da)).intoArray(slope, row + m);
        DoubleVector.fromArray(S, f, m).add(value.mul(vi)).intoArray(f, m);
      }
      return;
    }
    for (int m = 0; m < padded; m += LANES) {
      DoubleVector z = DoubleVector.broadcast(S, b).add(DoubleVector.fromArray(S, u, m).mul(w));
      DoubleVector z2 = z.mul(z);
      // z2 > GELU_CLAMP2 ? GELU_CLAMP2 : z2, lane by lane (a NaN stays NaN)
      DoubleVector c2 = z2.blend(Activation.GELU_CLAMP2,
          z2.compare(VectorOperators.GT, Activation.GELU_CLAMP2));
          // -a = z (-0.044715 2 sqrt(2/pi) c^2 - 2 sqrt(2/pi)), Activation.GELU's order
          DoubleVector na = c2.mul(Activation.GELU_MINUS_TWO_BETA_KAPPA)
              .sub(Activation.GELU_TWO_BETA).mul(z);
          DoubleVector s = ONE.div(VectorExp.exp(na).add(1.0));
      DoubleVector value = z.mul(s);
      value.intoArray(sigma, row + m);
      DoubleVector da = c2.mul(Activation.GELU_SIX_BETA_KAPPA).add(Activation.GELU_TWO_BETA);
      s.add(z.mul(s.mul(ONE.sub(s))).mul(da)).intoArray(slope, row + m);
      DoubleVector.fromArray(S, f, m).add(value.mul(vi)).intoArray(f, m);
    }
  }

  @Override
  void sigmoid(double[] u, double w, double b, int row, double vi) {
    for (int m = 0; m < padded; m += LANES) {
      DoubleVector z = DoubleVector.broadcast(S, b).add(DoubleVector.fromArray(S, u, m).mul(w));
      DoubleVector e = VectorExp.exp(z.abs().neg());
      DoubleVector q = ONE.div(e.add(1.0));
      DoubleVector eq = e.mul(q);
      DoubleVector value = eq.blend(q, z.compare(VectorOperators.GE, 0.0));
      value.intoArray(sigma, row + m);
      eq.mul(q).intoArray(slope, row + m);
      DoubleVector.fromArray(S, f, m).add(value.mul(vi)).intoArray(f, m);
    }
  }

  @Override
  void softplus(double[] u, double w, double b, int row, double vi) {
    // Two passes over the row, z recomputed (the same bits): exp and sigma' here, log1p and sigma
    // in softplusValue, a method of its own. With exp and log1p in one loop, C2 hit its node
    // budget (NodeCountInliningCutoff) before inlining VectorLog.log1p, boxed every vector (1.2 MB
    // per step) and ran at a third of silu's speed. exp's argument -|z| is <= 0, so its overflow
    // blend is left out (expOfNonPositive, same bits); where softplusBelowThreshold proves z <= 20
    // on every lane, so are the threshold's blends.
    boolean below = softplusBelowThreshold(w, b);
    if (below) {
      for (int m = 0; m < padded; m += LANES) {
        DoubleVector z = DoubleVector.broadcast(S, b).add(DoubleVector.fromArray(S, u, m).mul(w));
        DoubleVector e = VectorExp.expOfNonPositive(z.abs().neg());
        DoubleVector q = ONE.div(e.add(1.0));
        e.intoArray(sigma, row + m);
        e.mul(q).blend(q, z.compare(VectorOperators.GE, 0.0)).intoArray(slope, row + m);
      }
    } else {
      for (int m = 0; m < padded; m += LANES) {
        DoubleVector z = DoubleVector.broadcast(S, b).add(DoubleVector.fromArray(S, u, m).mul(w));
        DoubleVector e = VectorExp.expOfNonPositive(z.abs().neg());
        DoubleVector q = ONE.div(e.add(1.0));
        VectorMask<Double> linear = z.compare(VectorOperators.GT, Activation.SOFTPLUS_THRESHOLD);
        e.intoArray(sigma, row + m);
        e.mul(q).blend(q, z.compare(VectorOperators.GE, 0.0)).blend(1.0, linear)
            .intoArray(slope, row + m);
      }
    }
    softplusValue(u, w, b, row, vi, below);
  }

  /**
   * sigma = max(z, 0) + log1p(e) (z above 20) from the e = exp(-|z|) left in sigma, and f += v
   * sigma: one pass instead of log1p's and then sigma's (same bits).
   */
  private void softplusValue(double[] u, double w, double b, int row, double vi, boolean below) {
    if (below) {
      for (int m = 0; m < padded; m += LANES) {
        DoubleVector z = DoubleVector.broadcast(S, b).add(DoubleVector.fromArray(S, u, m).mul(w));
        DoubleVector l = VectorLog.log1p(DoubleVector.fromArray(S, sigma, row + m));
        DoubleVector value = ZERO.blend(z, z.compare(VectorOperators.GT, 0.0)).add(l);
        value.intoArray(sigma, row + m);
        DoubleVector.fromArray(S, f, m).add(value.mul(vi)).intoArray(f, m);
      }
      return;
    }
    for (int m = 0; m < padded; m += LANES) {
      DoubleVector z = DoubleVector.broadcast(S, b).add(DoubleVector.fromArray(S, u, m).mul(w));
      DoubleVector l = VectorLog.log1p(DoubleVector.fromArray(S, sigma, row + m));
      VectorMask<Double> linear = z.compare(VectorOperators.GT, Activation.SOFTPLUS_THRESHOLD);
      DoubleVector value = ZERO.blend(z, z.compare(VectorOperators.GT, 0.0))
          .add(l).blend(z, linear);
      value.intoArray(sigma, row + m);
      DoubleVector.fromArray(S, f, m).add(value.mul(vi)).intoArray(f, m);
    }
  }

  @Override
  double residuals() {
    double scale = 2.0 / points;
    DoubleVector loss8 = DoubleVector.zero(S);
    DoubleVector gc8 = DoubleVector.zero(S);
    for (int m = 0; m < whole; m += LANES) {
      DoubleVector e = DoubleVector.fromArray(S, f, m).sub(DoubleVector.fromArray(S, y, m));
      loss8 = loss8.add(e.mul(e));
      DoubleVector rm = e.mul(scale);
      rm.intoArray(r, m);
      gc8 = gc8.add(rm);
    }
    loss8.intoArray(lanes, 0);
    double loss = sumLanes();
    gc8.intoArray(lanes, 0);
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
}
