package org.lotteryscaling.nn;

import static org.lotteryscaling.nn.Exp.G0;
import static org.lotteryscaling.nn.Exp.G1;
import static org.lotteryscaling.nn.Exp.G2;
import static org.lotteryscaling.nn.Exp.G3;
import static org.lotteryscaling.nn.Exp.G4;
import static org.lotteryscaling.nn.Exp.G5;
import static org.lotteryscaling.nn.Exp.G6;
import static org.lotteryscaling.nn.Exp.G7;
import static org.lotteryscaling.nn.Exp.G8;
import static org.lotteryscaling.nn.Exp.G9;
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
    return exp(x, true);
  }

  /**
   * exp(x) for x <= 0 (or NaN), where the overflow check's blend is a no-op: the same bits as
   * {@link #exp(DoubleVector)} with two operations fewer (softplus's exp(-|z|)).
   */
  public static DoubleVector expOfNonPositive(DoubleVector x) {
    return exp(x, false);
  }

  private static DoubleVector exp(DoubleVector x, boolean mayOverflow) {
    DoubleVector t = x.mul(INV_LN2).add(ROUND_MAGIC);
    DoubleVector k = t.sub(ROUND_MAGIC);
    DoubleVector r = x.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
    DoubleVector r2 = r.mul(r);
    DoubleVector even = r2.mul(G8).add(G6);
    DoubleVector odd = r2.mul(G9).add(G7);
    even = even.mul(r2).add(G4);
    odd = odd.mul(r2).add(G5);
    even = even.mul(r2).add(G2);
    odd = odd.mul(r2).add(G3);
    even = even.mul(r2).add(G0);
    odd = odd.mul(r2).add(G1);
    DoubleVector p = r2.mul(odd.mul(r).add(even)).add(r).add(1.0);
    DoubleVector scale = t.viewAsIntegralLanes()
        .sub(EXPONENT_OFFSET)
        .lanewise(VectorOperators.LSHL, 52)
        .viewAsFloatingLanes();
    DoubleVector e = p.mul(scale);
    // NaN lanes are NaN already (p is NaN); the range checks of the scalar code, as blends
    if (mayOverflow) {
      e = e.blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.GE, MAX_ARG));
    }
    return e.blend(0.0, x.compare(VectorOperators.LT, MIN_ARG));
  }
}
