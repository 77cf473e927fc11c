package org.lotteryscaling.nn;

import static org.lotteryscaling.nn.Exp.C10;
import static org.lotteryscaling.nn.Exp.C11;
import static org.lotteryscaling.nn.Exp.C12;
import static org.lotteryscaling.nn.Exp.C13;
import static org.lotteryscaling.nn.Exp.C2;
import static org.lotteryscaling.nn.Exp.C3;
import static org.lotteryscaling.nn.Exp.C4;
import static org.lotteryscaling.nn.Exp.C5;
import static org.lotteryscaling.nn.Exp.C6;
import static org.lotteryscaling.nn.Exp.C7;
import static org.lotteryscaling.nn.Exp.C8;
import static org.lotteryscaling.nn.Exp.C9;
import static org.lotteryscaling.nn.Exp.INV_LN2;
import static org.lotteryscaling.nn.Exp.LN2_HI;
import static org.lotteryscaling.nn.Exp.LN2_LO;
import static org.lotteryscaling.nn.Exp.MAX_ARG;
import static org.lotteryscaling.nn.Exp.MIN_ARG;
import static org.lotteryscaling.nn.Exp.ROUND_MAGIC;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

/**
 * {@link Exp#exp} on every lane of a vector: the same IEEE operations in the same order (no FMA),
 * so each lane is bit for bit what the scalar function returns, on any CPU and any vector width.
 *
 * <p>The one step done differently is building 2^k: the scalar code converts k to a long, the
 * vector code reads k out of the low bits of t = x / ln 2 + 1.5 * 2^52 (the magic-number rounding
 * leaves k + bits(1.5 * 2^52) there), which avoids a double-to-long conversion that AVX2 lacks.
 * Both give the same integer, hence the same double.
 */
public final class VectorExp {
  private VectorExp() {}

  /** bits(ROUND_MAGIC) - 1023: subtracting it from bits(t) leaves the biased exponent k + 1023. */
  private static final long EXPONENT_OFFSET = Double.doubleToRawLongBits(ROUND_MAGIC) - 1023L;

  public static DoubleVector exp(DoubleVector x) {
    DoubleVector t = x.mul(INV_LN2).add(ROUND_MAGIC);
    DoubleVector k = t.sub(ROUND_MAGIC);
    DoubleVector r = x.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
    DoubleVector p = r.mul(C13).add(C12);
    p = p.mul(r).add(C11);
    p = p.mul(r).add(C10);
    p = p.mul(r).add(C9);
    p = p.mul(r).add(C8);
    p = p.mul(r).add(C7);
    p = p.mul(r).add(C6);
    p = p.mul(r).add(C5);
    p = p.mul(r).add(C4);
    p = p.mul(r).add(C3);
    p = p.mul(r).add(C2);
    p = p.mul(r).add(1.0);
    p = p.mul(r).add(1.0);
    DoubleVector scale = t.viewAsIntegralLanes()
        .sub(EXPONENT_OFFSET)
        .lanewise(VectorOperators.LSHL, 52)
        .viewAsFloatingLanes();
    DoubleVector e = p.mul(scale);
    // NaN lanes are NaN already (p is NaN); the range checks of the scalar code, as blends
    e = e.blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.GE, MAX_ARG));
    return e.blend(0.0, x.compare(VectorOperators.LT, MIN_ARG));
  }
}
