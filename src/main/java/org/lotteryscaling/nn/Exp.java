package org.lotteryscaling.nn;

/**
 * The exponential function in plain double arithmetic, so that a network's training is the same
 * bits on every JVM and CPU ({@link Math#exp} may differ between platforms and JIT tiers), and so
 * that a SIMD kernel can evaluate exactly the same operations lane by lane.
 *
 * <p>exp(x) = 2^k * exp(r) with k = round(x / ln 2) and r = x - k ln 2 (Cody-Waite split of ln 2),
 * |r| <= ln(2)/2; exp(r) = 1 + r + r^2 G(r) with G a degree-9 near-minimax polynomial (Chebyshev
 * interpolation of (e^r - 1 - r) / r^2 on [-0.35, 0.35], bench/exp_coefficients.py), whose error
 * there is below 2e-17 relative with the coefficients rounded to double. G is evaluated as
 * even(r^2) + r odd(r^2), two independent Horner chains half as long as one, which lets a CPU
 * overlap them (about 20% faster in the vector kernel than one degree-13 Horner chain).
 * Measured against {@link StrictMath#exp}: within 1 ulp over [-700, 700] (ExpTest).
 */
public final class Exp {
  private Exp() {}

  /** Above this exp overflows to infinity; below {@link #MIN_ARG} it is returned as 0. */
  public static final double MAX_ARG = 709.0;
  public static final double MIN_ARG = -708.0;

  static final double INV_LN2 = 1.4426950408889634;
  /** ln 2 = LN2_HI + LN2_LO; LN2_HI has trailing zero bits so that k * LN2_HI is exact. */
  static final double LN2_HI = 0.6931471803691238;
  static final double LN2_LO = 1.9082149292705877e-10;
  /** Adding then subtracting 1.5 * 2^52 rounds a double of magnitude below 2^51 to an integer. */
  static final double ROUND_MAGIC = 0x1.8p52;

  /** G(r) = G0 + G1 r + ... + G9 r^9, close to the Taylor coefficients 1/(j+2)!. */
  static final double G0 = 0.5000000000000001;
  static final double G1 = 0.16666666666666669;
  static final double G2 = 0.04166666666662068;
  static final double G3 = 0.008333333333329796;
  static final double G4 = 0.0013888888918918907;
  static final double G5 = 0.00019841269864364933;
  static final double G6 = 2.4801518672268355e-05;
  static final double G7 = 2.7557266442353424e-06;
  static final double G8 = 2.7621324269313687e-07;
  static final double G9 = 2.5101335854788522e-08;

  public static double exp(double x) {
    if (!(x < MAX_ARG)) {
      return x != x ? x : Double.POSITIVE_INFINITY;
    }
    if (x < MIN_ARG) {
      return 0.0;
    }
    double k = (x * INV_LN2 + ROUND_MAGIC) - ROUND_MAGIC;
    double r = (x - k * LN2_HI) - k * LN2_LO;
    double r2 = r * r;
    double even = G8 * r2 + G6;
    even = even * r2 + G4;
    even = even * r2 + G2;
    even = even * r2 + G0;
    double odd = G9 * r2 + G7;
    odd = odd * r2 + G5;
    odd = odd * r2 + G3;
    odd = odd * r2 + G1;
    double g = odd * r + even;
    double p = 1.0 + (r + r2 * g);
    return p * Double.longBitsToDouble(((long) k + 1023L) << 52);
  }
}
