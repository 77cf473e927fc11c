package org.lotteryscaling.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationTest {
  private static final double[] Z = {-30, -5.5, -2, -1e-3, 0.37, 1.278, 3, 12, 40};

  @Test
  void closedForms() {
    for (double z : Z) {
      assertEquals(z / (1 + Math.exp(-z)), Activation.SILU.value(z), 1e-15 * (1 + Math.abs(z)));
      assertEquals(Math.tanh(z), Activation.TANH.value(z), 1e-15);
      assertEquals(Math.max(z, 0), Activation.RELU.value(z));
      assertEquals(z > 0 ? z : 0.01 * z, Activation.LEAKY_RELU.value(z));
    }
    assertEquals(2 * Math.sqrt(2 / Math.PI), Activation.GELU_TWO_BETA, 0.0);
    for (double z : EDGES) {
      assertClose(gelu(z), Activation.GELU.value(z), geluTolerance(z), "gelu at " + z);
      assertClose(sigmoid(z), Activation.SIGMOID.value(z), 1e-15, "sigmoid at " + z);
      assertClose(softplus(z), Activation.SOFTPLUS.value(z), 1e-15, "softplus at " + z);
    }
  }

  /** z = 0, +-tiny, around softplus's threshold 20, where exp(-|z|) is subnormal-free, and huge. */
  private static final double[] EDGES = {0.0, -0.0, 1e-300, -1e-300, Double.MIN_VALUE, 1e-8,
      -1e-8, 0.5, -0.5, 1.278, -1.278, 3, -3, 19.999, 20, 20.001, -20, 22, -22, 25, -25, 26, -26, 40,
      -40, 700, -700, 1e200, -1e200};

  /**
   * The closed forms, by StrictMath. For gelu, 0.5 (1 + tanh u) is taken as 1 / (1 + exp(-2u)),
   * the same number, because 1 + tanh u cancels for u << 0 and would be the inaccurate side.
   */
  static double gelu(double z) {
    double u = Math.sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z);
    if (z > 30) {
      return z; // exp(-2u) is below 1e-16 beyond z = 5 and exactly 0 well before 30
    }
    if (z < -30) {
      return z * 0.0;
    }
    return z / (1 + StrictMath.exp(-2 * u));
  }

  /**
   * gelu' = s + z s (1 - s) da/dz with s = sigmoid(a), a = 2u, 1 - s = sigmoid(-a) (not 1 - tanh^2,
   * which cancels); the two terms have opposite signs for z < 0, so {@link #geluSlopeScale} is
   * what its rounding is relative to.
   */
  static double geluSlope(double z) {
    if (Math.abs(z) > 30) {
      return z > 0 ? 1 : 0;
    }
    double a = 2 * Math.sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z);
    return sigmoid(a) + geluSlopeTerm(z, a);
  }

  private static double geluSlopeTerm(double z, double a) {
    return z * sigmoid(a) * sigmoid(-a) * 2 * Math.sqrt(2 / Math.PI) * (1 + 3 * 0.044715 * z * z);
  }

  static double geluSlopeScale(double z) {
    if (Math.abs(z) > 30) {
      return 1;
    }
    double a = 2 * Math.sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z);
    return sigmoid(a) + Math.abs(geluSlopeTerm(z, a));
  }

  /**
   * gelu's relative tolerance: s = sigmoid(a) moves by |a| (1 - s) times the relative rounding of
   * a, and a is rounded differently here (three rounded products) than in the kernel, so the
   * comparison allows |a| ulps, not the few ulps of the others.
   */
  static double geluTolerance(double z) {
    double a = Math.abs(2 * Math.sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z));
    return 4e-16 * (4 + Math.min(a, 1e3));
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + StrictMath.exp(-z)) : StrictMath.exp(z) / (1 + StrictMath.exp(z));
  }

  static double softplus(double z) {
    return z > 20 ? z : Math.max(z, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(z)));
  }

  /** Relative, and exactly where the expected value is 0 (signed zeros not told apart). */
  private static void assertClose(double expected, double actual, double relative, String where) {
    assertEquals(expected, actual, relative * Math.abs(expected), where);
  }

  /**
   * sigma' of the three new activations at the edges against their closed-form derivatives, and
   * each vector kernel's sigma and sigma' against Activation.evaluate, bit for bit: a network with
   * one neuron, w = 1 and b = -0.0 (z = x exactly) on the points x = the edges and random ones.
   */
  @ParameterizedTest
  @EnumSource(value = Activation.class, names = {"GELU", "SIGMOID", "SOFTPLUS"})
  void newActivationsAtTheEdges(Activation act) {
    double[] sigma = new double[EDGES.length];
    double[] slope = new double[EDGES.length];
    act.evaluate(EDGES, sigma, slope, 0, EDGES.length);
    for (int k = 0; k < EDGES.length; k++) {
      double z = EDGES[k];
      double expected = switch (act) {
        case GELU -> geluSlope(z);
        case SIGMOID -> sigmoid(z) * sigmoid(-z);
        default -> z > 20 ? 1 : sigmoid(z);
      };
      if (act == Activation.GELU) {
        assertEquals(expected, slope[k], geluTolerance(z) * geluSlopeScale(z), "gelu slope at " + z);
      } else {
        assertClose(expected, slope[k], 1e-15, act + " slope at " + z);
      }
      assertTrue(Double.isFinite(sigma[k]) && Double.isFinite(slope[k]), act + " at " + z);
    }
    assertVectorKernelsGiveTheScalarBits(act, EDGES);
    RandomStream random = new RandomStream(12);
    double[] z = new double[2003];
    for (int k = 0; k < z.length; k++) {
      // half uniform on [-30, 30], half log-uniform magnitudes 1e-20 .. 1e3 of either sign
      z[k] = k % 2 == 0 ? random.uniform(-30, 30)
          : Math.copySign(Math.pow(10, random.uniform(-20, 3)), random.uniform(-1, 1));
    }
    assertVectorKernelsGiveTheScalarBits(act, z);
  }

  /** Non-finite z: NaN in gives NaN out; the infinities give what PyTorch's formulas give. */
  @Test
  void newActivationsOfNonFiniteInputs() {
    double inf = Double.POSITIVE_INFINITY;
    double[] z = {Double.NaN, inf, -inf};
    for (Activation act : new Activation[] {Activation.GELU, Activation.SIGMOID,
        Activation.SOFTPLUS}) {
      assertTrue(Double.isNaN(act.value(Double.NaN)), act.id());
      assertVectorKernelsGiveTheScalarBits(act, z);
    }
    assertEquals(inf, Activation.GELU.value(inf));
    assertTrue(Double.isNaN(Activation.GELU.value(-inf))); // -inf * 0, as 0.5 z (1 + tanh u)
    assertEquals(1.0, Activation.SIGMOID.value(inf));
    assertEquals(0.0, Activation.SIGMOID.value(-inf));
    assertEquals(inf, Activation.SOFTPLUS.value(inf));
    assertEquals(0.0, Activation.SOFTPLUS.value(-inf));
  }

  private static void assertVectorKernelsGiveTheScalarBits(Activation act, double[] z) {
    double[] sigma = new double[z.length];
    double[] slope = new double[z.length];
    act.evaluate(z, sigma, slope, 0, z.length);
    double[] theta = {1.0, -0.0, 1.0, 0.0}; // w, b, v, c of one neuron
    Dataset data = new Dataset(1, z.clone(), new double[z.length]);
    for (KernelType type : new KernelType[] {KernelType.VECTOR256, KernelType.VECTOR512}) {
      VectorKernel kernel = (VectorKernel) type.create(act, 1, data);
      kernel.loss(theta);
      for (int k = 0; k < z.length; k++) {
        String where = act + " " + type + " at " + z[k];
        // doubleToLongBits: NaN's bit pattern is unspecified (VectorSpeciesTest)
        assertEquals(Double.doubleToLongBits(sigma[k]), Double.doubleToLongBits(kernel.sigma[k]),
            where);
        assertEquals(Double.doubleToLongBits(slope[k]), Double.doubleToLongBits(kernel.slope[k]),
            where);
      }
    }
  }

  /**
   * The SiLU minimum of the paper's footnote (|x*| = 1.278, B = -0.278). sigma' = 0 reduces to
   * x + 1 = -e^x, solved by x* = -1 - W(1/e) with sigma(x*) = -W(1/e), W(1/e) = 0.27846454276107380
   * (Lambert's W). Found here by bisection on the kernel's own slope.
   */
  @Test
  void siluMinimumMatchesThePaper() {
    double lambertWOfInverseE = 0.27846454276107380;
    double xStar = -1 - lambertWOfInverseE;
    double lo = -3;
    double hi = -0.5;
    double[] a = new double[1];
    double[] slope = new double[1];
    for (int k = 0; k < 200; k++) {
      double mid = (lo + hi) / 2;
      Activation.SILU.evaluate(new double[] {mid}, a, slope, 0, 1);
      if (slope[0] < 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    assertEquals(xStar, lo, 1e-12);
    assertEquals(-lambertWOfInverseE, Activation.SILU.value(lo), 1e-12);
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void evaluateGivesValueAndCentralDifferenceDerivative(Activation act) {
    double[] sigma = new double[Z.length + 2];
    double[] slope = new double[Z.length + 2];
    act.evaluate(Z, sigma, slope, 2, Z.length);
    double h = 1e-6;
    for (int k = 0; k < Z.length; k++) {
      double z = Z[k];
      assertEquals(act.value(z), sigma[k + 2], 0.0, act + " value at " + z);
      double fd = (act.value(z + h) - act.value(z - h)) / (2 * h);
      assertEquals(fd, slope[k + 2], 1e-8 * (1 + Math.abs(fd)), act + " slope at " + z);
    }
  }

  @Test
  void parsesIdsAndNamesTheAllowedOnesOnError() {
    assertEquals(Activation.LEAKY_RELU, Activation.parse("leaky_relu"));
    assertEquals(Activation.SILU, Activation.parse(" SiLU "));
    assertEquals(Activation.GELU, Activation.parse("gelu"));
    assertEquals(Activation.SOFTPLUS, Activation.parse("Softplus"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.parse("swish"));
    assertEquals("unknown activation 'swish' (allowed: silu, relu, leaky_relu, tanh, gelu, sigmoid, "
        + "softplus)", e.getMessage());
  }
}
