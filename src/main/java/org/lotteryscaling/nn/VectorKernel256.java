package org.lotteryscaling.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorKernel}'s loops on 256-bit vectors (4 doubles; AVX2): the kernel for CPUs without
 * AVX-512. Every sum over points is two vectors: A holds the partial sums of the points m mod 8 in
 * 0..3, B those in 4..7; they go to lanes[0..3] and lanes[4..7] for {@link #sumLanes}.
 */
final class VectorKernel256 extends VectorKernel {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
  private static final int LANES = 4;

  private static final DoubleVector ZERO = DoubleVector.zero(S);
  private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);
  private static final DoubleVector TWO = DoubleVector.broadcast(S, 2.0);

  VectorKernel256(Activation activation, double leakySlope, int width, Dataset data) {
    super(activation, leakySlope, width, data);
  }

  @Override
  double backward(int row, double vi) {
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
    gvA.intoArray(lanes, 0);
    gvB.intoArray(lanes, LANES);
    gradientOfV = sumLanes();
    gbA.intoArray(lanes, 0);
    gbB.intoArray(lanes, LANES);
    gradientOfB = sumLanes();
    gwA.intoArray(lanes, 0);
    gwB.intoArray(lanes, LANES);
    return sumLanes();
  }

  @Override
  double weightGradient(int col) {
    DoubleVector a = DoubleVector.zero(S);
    DoubleVector b = a;
    for (int m = 0; m < padded; m += BLOCK) {
      a = a.add(DoubleVector.fromArray(S, gz, m).mul(DoubleVector.fromArray(S, xj, col + m)));
      b = b.add(DoubleVector.fromArray(S, gz, m + LANES)
          .mul(DoubleVector.fromArray(S, xj, col + m + LANES)));
    }
    a.intoArray(lanes, 0);
    b.intoArray(lanes, LANES);
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

  /**
   * One vector per iteration: with two, C2 stops inlining the second exponential (node-count
   * cutoff) and boxes it; the out-of-order core overlaps consecutive iterations anyway.
   */
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

  @Override
  void relu(double[] u, double w, double b, int row, double vi) {
    for (int m = 0; m < padded; m += LANES) {
      DoubleVector z = DoubleVector.broadcast(S, b).add(DoubleVector.fromArray(S, u, m).mul(w));
      VectorMask<Double> on = z.compare(VectorOperators.GT, 0.0);
      DoubleVector value = ZERO.blend(z, on);
      value.intoArray(sigma, row + m);
      ZERO.blend(1.0, on).intoArray(slope, row + m);
      DoubleVector.fromArray(S, f, m).add(value.mul(vi)).intoArray(f, m);
    }
  }

  @Override
  void leakyRelu(double[] u, double w, double b, int row, double vi) {
    DoubleVector lows = DoubleVector.broadcast(S, leakySlope); // hoisted: the slope is per kernel
    for (int m = 0; m < padded; m += LANES) {
      DoubleVector z = DoubleVector.broadcast(S, b).add(DoubleVector.fromArray(S, u, m).mul(w));
      VectorMask<Double> on = z.compare(VectorOperators.GT, 0.0);
      DoubleVector value = z.mul(leakySlope).blend(z, on);
      value.intoArray(sigma, row + m);
      lows.blend(1.0, on).intoArray(slope, row + m);
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
    lossA.intoArray(lanes, 0);
    lossB.intoArray(lanes, LANES);
    double loss = sumLanes();
    gcA.intoArray(lanes, 0);
    gcB.intoArray(lanes, LANES);
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
