package org.lotteryscaling.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

/** Log against StrictMath (fdlibm), and VectorLog bit for bit against Log, both shapes. */
class LogTest {

  private static double ulps(double ours, double ref) {
    return ours == ref ? 0 : Math.abs(ours - ref) / Math.ulp(ref);
  }

  private static double worstLog(double[] xs) {
    double worst = 0;
    for (double x : xs) {
      worst = Math.max(worst, ulps(Log.log(x), StrictMath.log(x)));
    }
    return worst;
  }

  /** softplus's range [1, 1 + e^20], uniform and log-uniform, and near 1. */
  @Test
  void withinOneUlpOnSoftplusRange() {
    RandomStream random = new RandomStream(42);
    double[] xs = new double[600_000];
    double top = 1 + StrictMath.exp(20);
    for (int m = 0; m < xs.length; m++) {
      xs[m] = switch (m % 3) {
        case 0 -> random.uniform(1, top);
        case 1 -> StrictMath.exp(random.uniform(0, StrictMath.log(top)));
        default -> random.uniform(0.5, 2);
      };
    }
    double worst = worstLog(xs);
    assertTrue(worst <= 1.0, "worst error " + worst + " ulp");
  }

  /** Random bit patterns: every positive exponent, subnormals included. */
  @Test
  void withinOneUlpOnAllPositiveDoubles() {
    RandomStream random = new RandomStream(9);
    double[] xs = new double[300_000];
    for (int m = 0; m < xs.length; m++) {
      long bits = (long) random.uniform(0, 0x7fefffffffffffffL);
      xs[m] = Math.max(Double.MIN_VALUE, Double.longBitsToDouble(bits));
    }
    double worst = worstLog(xs);
    assertTrue(worst <= 1.0, "worst error " + worst + " ulp");
  }

  @Test
  void specialValues() {
    assertEquals(0.0, Log.log(1.0));
    assertEquals(Double.NEGATIVE_INFINITY, Log.log(0.0));
    assertEquals(Double.NEGATIVE_INFINITY, Log.log(-0.0));
    assertEquals(Double.POSITIVE_INFINITY, Log.log(Double.POSITIVE_INFINITY));
    assertTrue(Double.isNaN(Log.log(-1.0)));
    assertTrue(Double.isNaN(Log.log(Double.NEGATIVE_INFINITY)));
    assertTrue(Double.isNaN(Log.log(Double.NaN)));
    assertEquals(StrictMath.log(Double.MIN_VALUE), Log.log(Double.MIN_VALUE));
    assertEquals(StrictMath.log(Double.MAX_VALUE), Log.log(Double.MAX_VALUE),
        Math.ulp(StrictMath.log(Double.MAX_VALUE)));
  }

  @Test
  void log1pWithinOneUlpOnItsDomain() {
    RandomStream random = new RandomStream(5);
    double lo = Math.sqrt(0.5) - 1;
    double worst = 0;
    for (int m = 0; m < 600_000; m++) {
      double x = switch (m % 3) {
        case 0 -> random.uniform(0, 1);
        case 1 -> StrictMath.exp(random.uniform(-745, 0));
        default -> random.uniform(lo, 0);
      };
      worst = Math.max(worst, ulps(Log.log1p(x), StrictMath.log1p(x)));
    }
    for (double x : new double[] {0.0, 1.0, 0.5, Math.nextDown(0.5), Log.LOG1P_SPLIT,
        Math.nextDown(Log.LOG1P_SPLIT), Double.MIN_VALUE, 1e-300, lo}) {
      worst = Math.max(worst, ulps(Log.log1p(x), StrictMath.log1p(x)));
    }
    assertTrue(worst <= 1.0, "worst error " + worst + " ulp");
    assertEquals(0.0, Log.log1p(0.0));
  }

  private static void assertVectorBits(double[] xs, boolean log1p) {
    for (var species : new jdk.incubator.vector.VectorSpecies[] {DoubleVector.SPECIES_256,
        DoubleVector.SPECIES_512}) {
      @SuppressWarnings("unchecked")
      var s = (jdk.incubator.vector.VectorSpecies<Double>) species;
      int lanes = s.length();
      int padded = (xs.length + lanes - 1) / lanes * lanes;
      double[] in = java.util.Arrays.copyOf(xs, padded);
      double[] out = new double[padded];
      for (int m = 0; m < padded; m += lanes) {
        DoubleVector v = DoubleVector.fromArray(s, in, m);
        (log1p ? VectorLog.log1p(v) : VectorLog.log(v)).intoArray(out, m);
      }
      for (int m = 0; m < xs.length; m++) {
        double scalar = log1p ? Log.log1p(xs[m]) : Log.log(xs[m]);
        assertEquals(Double.doubleToLongBits(scalar), Double.doubleToLongBits(out[m]),
            "x=" + xs[m] + " lanes " + lanes);
      }
    }
  }

  @Test
  void vectorLogHasTheScalarBits() {
    RandomStream random = new RandomStream(3);
    double[] fixed = {0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, Double.MIN_NORMAL,
        Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NaN, Math.sqrt(0.5), Math.sqrt(2), 2.0, 0.5};
    double[] xs = new double[fixed.length + 60_000];
    System.arraycopy(fixed, 0, xs, 0, fixed.length);
    for (int m = fixed.length; m < xs.length; m++) {
      xs[m] = switch (m % 3) {
        case 0 -> random.uniform(1, 1 + StrictMath.exp(20));
        case 1 -> Double.longBitsToDouble((long) random.uniform(0, 0x7ff0000000000000L));
        default -> random.uniform(-1, 3);
      };
    }
    assertVectorBits(xs, false);
    double[] ys = new double[30_000];
    for (int m = 0; m < ys.length; m++) {
      ys[m] = m % 2 == 0 ? random.uniform(Math.sqrt(0.5) - 1, 1) : StrictMath.exp(-m % 800);
    }
    ys[0] = Double.NaN;
    ys[1] = Log.LOG1P_SPLIT;
    assertVectorBits(ys, true);
  }
}
