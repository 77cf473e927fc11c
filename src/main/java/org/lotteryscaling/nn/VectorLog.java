package org.lotteryscaling.nn;

import static org.lotteryscaling.nn.Exp.LN2_HI;
import static org.lotteryscaling.nn.Exp.LN2_LO;
import static org.lotteryscaling.nn.Log.CORRECTION_SCALE;
import static org.lotteryscaling.nn.Log.EXPONENT_MASK;
import static org.lotteryscaling.nn.Log.K_MAGIC;
import static org.lotteryscaling.nn.Log.LG1;
import static org.lotteryscaling.nn.Log.LG2;
import static org.lotteryscaling.nn.Log.LG3;
import static org.lotteryscaling.nn.Log.LG4;
import static org.lotteryscaling.nn.Log.LG5;
import static org.lotteryscaling.nn.Log.LG6;
import static org.lotteryscaling.nn.Log.LG7;
import static org.lotteryscaling.nn.Log.LOG1P_SPLIT;
import static org.lotteryscaling.nn.Log.MAGIC_BITS;
import static org.lotteryscaling.nn.Log.ONE_BITS;
import static org.lotteryscaling.nn.Log.SHIFT;
import static org.lotteryscaling.nn.Log.TWO54;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * {@link Log#log} and {@link Log#log1p} on every lane: the same IEEE operations in the same order
 * (no FMA), so each lane is the scalar function's bits. The scalar code's branches are blends
 * here; k is read through the magic number 1.5 * 2^52 (as the scalar code does too), and the
 * exponent is split with logical shifts only, which AVX2 has for 64-bit lanes.
 */
public final class VectorLog {
  private VectorLog() {}

  public static DoubleVector log(DoubleVector x) {
    VectorMask<Double> subnormal = x.compare(VectorOperators.LT, Double.MIN_NORMAL);
    DoubleVector xs = x.blend(x.mul(TWO54), subnormal);
    DoubleVector kMagic = x.broadcast(K_MAGIC).blend(K_MAGIC + 54.0, subnormal);
    LongVector bits = (LongVector) xs.viewAsIntegralLanes();
    LongVector t = bits.add(SHIFT);
    DoubleVector k = ((LongVector) t.lanewise(VectorOperators.LSHR, 52).add(MAGIC_BITS))
        .viewAsFloatingLanes().sub(kMagic);
    DoubleVector f = ((LongVector) bits.sub(t.and(EXPONENT_MASK)).add(ONE_BITS))
        .viewAsFloatingLanes().sub(1.0);
    DoubleVector y = core(f, k, x.broadcast(0.0));
    y = y.blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY));
    y = y.blend(Double.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0.0));
    return y.blend(Double.NaN, x.compare(VectorOperators.GE, 0.0).not());
  }

  /** {@link Log#log1p}: x in [sqrt(1/2) - 1, 1]. */
  public static DoubleVector log1p(DoubleVector x) {
    DoubleVector d = x.sub(1.0);
    DoubleVector err = x.sub(d.add(1.0));
    VectorMask<Double> high = x.compare(VectorOperators.GE, LOG1P_SPLIT);
    DoubleVector zero = x.broadcast(0.0);
    DoubleVector f = x.blend(d.mul(0.5), high);
    // k is 0 or 1, so k ln2_hi and k ln2_lo + c are blends: the same bits (0 ln2 = +0, and
    // ln2_lo + c = c + ln2_lo), two operations fewer
    DoubleVector kHi = zero.blend(LN2_HI, high);
    DoubleVector kLoC = zero.blend(err.mul(CORRECTION_SCALE).add(LN2_LO), high);
    return split(f, kHi, kLoC);
  }

  /** a[from + m] = log1p(a[from + m]) for m in [0, count), count a multiple of the lanes. */
  public static void log1pInPlace(jdk.incubator.vector.VectorSpecies<Double> species, double[] a,
      int from, int count) {
    for (int m = 0; m < count; m += species.length()) {
      log1p(DoubleVector.fromArray(species, a, from + m)).intoArray(a, from + m);
    }
  }

  private static DoubleVector core(DoubleVector f, DoubleVector k, DoubleVector c) {
    return split(f, k.mul(LN2_HI), k.mul(LN2_LO).add(c));
  }

  /** {@link #core}, k ln2_hi and k ln2_lo + c given. */
  private static DoubleVector split(DoubleVector f, DoubleVector kHi, DoubleVector kLoC) {
    DoubleVector s = f.div(f.add(2.0));
    DoubleVector z = s.mul(s);
    DoubleVector w = z.mul(z);
    DoubleVector t1 = w.mul(w.mul(w.mul(LG6).add(LG4)).add(LG2));
    DoubleVector t2 = z.mul(w.mul(w.mul(w.mul(LG7).add(LG5)).add(LG3)).add(LG1));
    DoubleVector r = t2.add(t1);
    DoubleVector hfsq = f.mul(0.5).mul(f);
    DoubleVector inner = s.mul(hfsq.add(r)).add(kLoC);
    return kHi.sub(hfsq.sub(inner).sub(f));
  }
}
