package org.lotteryscaling.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

/** Every lane of VectorExp.exp is bit for bit Exp.exp of that lane. */
class VectorExpTest {
  private static final int LANES = DoubleVector.SPECIES_256.length();

  /** Evaluates VectorExp lane by lane over xs (the last vector padded with zeros) and compares bits. */
  private static void assertBitIdentical(double[] xs) {
    int padded = (xs.length + LANES - 1) / LANES * LANES;
    double[] in = java.util.Arrays.copyOf(xs, padded);
    double[] out = new double[padded];
    for (int m = 0; m < padded; m += LANES) {
      VectorExp.exp(DoubleVector.fromArray(DoubleVector.SPECIES_256, in, m)).intoArray(out, m);
    }
    for (int m = 0; m < xs.length; m++) {
      // doubleToLongBits: exact bits, every NaN counted as the one canonical NaN
      assertEquals(Double.doubleToLongBits(Exp.exp(xs[m])), Double.doubleToLongBits(out[m]),
          "x=" + xs[m] + " scalar " + Exp.exp(xs[m]) + " vector " + out[m]);
    }
  }

  @Test
  void randomArgumentsOverTheWholeRangeAndBeyond() {
    RandomStream random = new RandomStream(7);
    double[] xs = new double[100_003];
    for (int m = 0; m < xs.length; m++) {
      xs[m] = switch (m % 3) {
        case 0 -> random.uniform(-760, 760);
        case 1 -> random.uniform(-3, 3);
        default -> random.uniform(-1e-6, 1e-6);
      };
    }
    assertBitIdentical(xs);
  }

  @Test
  void extremesLimitsAndRoundingBoundaries() {
    double ln2 = Math.log(2);
    double[] fixed = {0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        Exp.MAX_ARG, Math.nextDown(Exp.MAX_ARG), Math.nextUp(Exp.MAX_ARG), Exp.MIN_ARG,
        Math.nextDown(Exp.MIN_ARG), Math.nextUp(Exp.MIN_ARG), 709.78, 710, -745, -746, 1e308,
        -1e308, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NaN, ln2 / 2, -ln2 / 2};
    double[] xs = new double[fixed.length + 4 * 2000];
    System.arraycopy(fixed, 0, xs, 0, fixed.length);
    int at = fixed.length;
    // arguments next to the points where k = round(x / ln 2) changes: (k + 1/2) ln 2
    for (int k = -1000; k < 1000; k++) {
      double boundary = (k + 0.5) * ln2;
      xs[at++] = boundary;
      xs[at++] = Math.nextUp(boundary);
      xs[at++] = Math.nextDown(boundary);
      xs[at++] = k * ln2;
    }
    assertBitIdentical(xs);
  }

  /** expOfNonPositive (softplus's exp(-|z|)) on x <= 0 and NaN: exp's bits, every lane. */
  @Test
  void expOfNonPositiveIsExpBelowZero() {
    RandomStream random = new RandomStream(8);
    double[] xs = new double[40_000];
    for (int m = 0; m < xs.length; m++) {
      xs[m] = m % 2 == 0 ? random.uniform(-760, 0) : -Math.pow(10, random.uniform(-20, 3));
    }
    double[] fixed = {0.0, -0.0, -Double.MIN_VALUE, Exp.MIN_ARG, Math.nextDown(Exp.MIN_ARG),
        Math.nextUp(Exp.MIN_ARG), -1e308, Double.NEGATIVE_INFINITY, Double.NaN};
    System.arraycopy(fixed, 0, xs, 0, fixed.length);
    for (int m = 0; m < xs.length; m += LANES) {
      DoubleVector x = DoubleVector.fromArray(DoubleVector.SPECIES_256, xs, m);
      double[] a = VectorExp.exp(x).toArray();
      double[] b = VectorExp.expOfNonPositive(x).toArray();
      for (int k = 0; k < LANES; k++) {
        assertEquals(Double.doubleToLongBits(a[k]), Double.doubleToLongBits(b[k]), "x=" + xs[m + k]);
      }
    }
  }
}
