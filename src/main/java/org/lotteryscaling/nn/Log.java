package org.lotteryscaling.nn;

import static org.lotteryscaling.nn.Exp.LN2_HI;
import static org.lotteryscaling.nn.Exp.LN2_LO;

/**
 * The natural logarithm in plain double arithmetic, for the same reason as {@link Exp}: the same
 * bits on every JVM and CPU, and a SIMD twin ({@link VectorLog}) doing the same operations lane by
 * lane. The algorithm and polynomial are fdlibm's e_log.c (the one StrictMath.log uses): x = 2^k
 * (1 + f) with 1 + f in [sqrt(1/2), sqrt(2)), s = f / (2 + f), and
 * log(1 + f) = f - (hfsq - s (hfsq + R(s^2))), hfsq = f^2 / 2, R a degree-7 minimax polynomial.
 * Unlike fdlibm there is no branch on the size of f or k (the hfsq form, fdlibm's more accurate
 * one, everywhere), so that a vector evaluates it without masks.
 *
 * <p>{@link #log}: within 1 ulp of {@link StrictMath#log} (LogTest); subnormals are scaled by
 * 2^54 first and are as accurate; log(+-0) = -infinity, log(+infinity) = +infinity, a negative x
 * or NaN gives NaN. {@link #log1p} is for x in [sqrt(1/2) - 1, 1] only (softplus's argument is
 * exp(-|z|) in [0, 1]), where it is within 1 ulp of {@link StrictMath#log1p}.
 */
public final class Log {
  private Log() {}

  static final double LG1 = 6.666666666666735130e-01;
  static final double LG2 = 3.999999999940941908e-01;
  static final double LG3 = 2.857142874366239149e-01;
  static final double LG4 = 2.222219843214978396e-01;
  static final double LG5 = 1.818357216161805012e-01;
  static final double LG6 = 1.531383769920937332e-01;
  static final double LG7 = 1.479819860511658591e-01;

  static final long ONE_BITS = Double.doubleToRawLongBits(1.0);
  /** bits(1) - bits(sqrt(1/2)): added to bits(x), the exponent field holds k + 1023. */
  static final long SHIFT = ONE_BITS - 0x3fe6a09e667f3bcdL;
  static final long EXPONENT_MASK = 0xfff0000000000000L;
  static final long MAGIC_BITS = Double.doubleToRawLongBits(Exp.ROUND_MAGIC);
  /** bits(1.5 * 2^52) + k + 1023 is the double 1.5 * 2^52 + k + 1023: k without a long-to-double. */
  static final double K_MAGIC = Exp.ROUND_MAGIC + 1023.0;
  static final double TWO54 = 0x1p54;
  /** Above this log1p scales 1 + x by 1/2 (k = 1), so that f stays in the polynomial's range. */
  static final double LOG1P_SPLIT = 0.41421356237309503;
  /**
   * 1 / (1 + x) on [LOG1P_SPLIT, 0.5), the only place the correction is not 0, to 3%: the
   * correction is below 2^-54 there, so this costs under 0.03 ulp and saves a division.
   */
  static final double CORRECTION_SCALE = 0.6875;

  public static double log(double x) {
    if (!(x > 0)) {
      return x == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return x;
    }
    double kMagic = K_MAGIC;
    if (x < Double.MIN_NORMAL) {
      x *= TWO54;
      kMagic = K_MAGIC + 54.0;
    }
    long bits = Double.doubleToRawLongBits(x);
    long t = bits + SHIFT;
    double k = Double.longBitsToDouble(MAGIC_BITS + (t >>> 52)) - kMagic;
    double f = Double.longBitsToDouble(bits - (t & EXPONENT_MASK) + ONE_BITS) - 1.0;
    return core(f, k, 0.0);
  }

  /**
   * log(1 + x) for x in [sqrt(1/2) - 1, 1]. Below LOG1P_SPLIT f = x exactly; above, 1 + x =
   * 2 (1 + f) with f = (x - 1) / 2, where x - 1 is rounded only for x below 0.5 and its rounding
   * error (exact, by Fast2Sum) enters as the correction c / (1 + x).
   */
  public static double log1p(double x) {
    double d = x - 1.0;
    double err = x - (d + 1.0);
    boolean high = x >= LOG1P_SPLIT;
    double f = high ? d * 0.5 : x;
    double c = high ? err * CORRECTION_SCALE : 0.0;
    double k = high ? 1.0 : 0.0;
    return core(f, k, c);
  }

  /** k ln 2 + log(1 + f) + c, fdlibm's order of operations. */
  static double core(double f, double k, double c) {
    double s = f / (2.0 + f);
    double z = s * s;
    double w = z * z;
    double t1 = w * (LG2 + w * (LG4 + w * LG6));
    double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    double r = t2 + t1;
    double hfsq = 0.5 * f * f;
    return k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
  }
}
