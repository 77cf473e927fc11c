package org.lotteryscaling.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * leaky_relu with a negative slope other than the default 0.01 ({@link ModelSettings#leakySlope}):
 * every kernel's gradient against central finite differences, the vector kernels against the
 * scalar one and against each other, and the default slope giving the default's bits.
 */
class LeakySlopeTest {
  private static final Activation LEAKY = Activation.LEAKY_RELU;

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (double slope : new double[] {0.1, 0.0}) {
      for (int d : new int[] {1, 3}) {
        for (int n : new int[] {1, 2, 7}) {
          for (KernelType kernel : KernelType.values()) {
            b.add(Arguments.of(slope, d, n, kernel));
          }
        }
      }
    }
    return b.build();
  }

  private static double[] randomTheta(int d, int n, RandomStream random) {
    double[] theta = new double[Network.parameterCount(d, n)];
    for (int k = 0; k < theta.length; k++) {
      theta[k] = random.uniform(-1.5, 1.5);
    }
    return theta;
  }

  /** Equation (1)'s loss point by point, with the slope given: the obviously correct version. */
  private static double directLoss(int d, int n, double[] theta, Dataset data, double slope) {
    Network net = Network.fromParameters(d, n, theta);
    double[] x = new double[d];
    double sum = 0;
    for (int m = 0; m < data.size(); m++) {
      for (int j = 0; j < d; j++) {
        x[j] = data.x(m, j);
      }
      double f = net.c();
      for (int i = 0; i < n; i++) {
        f += net.v(i) * LEAKY.value(net.preActivation(i, x), slope);
      }
      sum += (f - data.y(m)) * (f - data.y(m));
    }
    return sum / data.size();
  }

  /** GradientTest's check, with the slope given (its draws avoid pre-activations near 0). */
  @ParameterizedTest(name = "slope={0} d={1} N={2} {3}")
  @MethodSource("cases")
  void gradientMatchesCentralDifferences(double slope, int d, int n, KernelType kernelType) {
    RandomStream random = new RandomStream(1000L * d + n);
    Dataset data = GradientTest.randomData(d, 37, random);
    double[] theta = randomTheta(d, n, random);
    GradientKernel kernel = kernelType.create(LEAKY, slope, n, data);
    double[] grad = new double[theta.length];
    double loss = kernel.lossAndGradient(theta, grad);
    assertEquals(directLoss(d, n, theta, data, slope), loss, 1e-14 * loss);
    GradientTest.assertCentralDifferences(kernel, theta, grad, "slope=" + slope);
  }

  /**
   * Both vector shapes against the scalar kernel (VectorKernelTest's tolerance: the sums over
   * points run in another order) and against each other to the bit, around the block of 8 points.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.1, 0.0, 0.5})
  void vectorKernelsAgreeWithTheScalarKernel(double slope) {
    for (int d : new int[] {1, 3}) {
      for (int points : new int[] {1, 7, 8, 13, 45}) {
        RandomStream random = new RandomStream(7L * points + d);
        Dataset data = GradientTest.randomData(d, points, random);
        double[] theta = randomTheta(d, 6, random);
        double[] gs = new double[theta.length];
        double[] g256 = new double[theta.length];
        double[] g512 = new double[theta.length];
        double ls = KernelType.SCALAR.create(LEAKY, slope, 6, data).lossAndGradient(theta, gs);
        double l256 = KernelType.VECTOR256.create(LEAKY, slope, 6, data)
            .lossAndGradient(theta, g256);
        double l512 = KernelType.VECTOR512.create(LEAKY, slope, 6, data)
            .lossAndGradient(theta, g512);
        String where = "slope=" + slope + " d=" + d + " M=" + points;
        assertEquals(ls, l256, 1e-13 * ls, where);
        assertEquals(Double.doubleToRawLongBits(l256), Double.doubleToRawLongBits(l512), where);
        double scale = 0;
        for (double g : gs) {
          scale = Math.max(scale, Math.abs(g));
        }
        for (int k = 0; k < theta.length; k++) {
          assertEquals(gs[k], g256[k], 1e-12 * (scale + Math.sqrt(ls)), where + " parameter " + k);
          assertEquals(Double.doubleToRawLongBits(g256[k]), Double.doubleToRawLongBits(g512[k]),
              where + " parameter " + k);
        }
      }
    }
  }

  /** The slope reaches the loss: at slope 0 a neuron with every z < 0 contributes nothing. */
  @Test
  void theSlopeChangesTheLossAndZeroIsRelu() {
    Dataset data = GradientTest.randomData(3, 45, new RandomStream(9));
    double[] theta = randomTheta(3, 7, new RandomStream(10));
    for (KernelType kernel : KernelType.values()) {
      double relu = kernel.create(Activation.RELU, 7, data).loss(theta);
      assertEquals(relu, kernel.create(LEAKY, 0.0, 7, data).loss(theta), 0.0, kernel.id());
      double tenth = kernel.create(LEAKY, 0.1, 7, data).loss(theta);
      assertEquals(directLoss(3, 7, theta, data, 0.1), tenth, 1e-14 * tenth, kernel.id());
    }
  }

  /** The default slope is the old constant, so the 3-argument forms keep today's bits. */
  @Test
  void theDefaultSlopeGivesTheDefaultBits() {
    assertEquals(0.01, Activation.LEAKY_SLOPE);
    assertEquals(0.01, ModelSettings.paper().leakySlope());
    assertEquals(0.01, new ModelSettings(Parametrization.STANDARD, 1, 1).leakySlope());
    Dataset data = GradientTest.randomData(1, 21, new RandomStream(2));
    double[] theta = randomTheta(1, 5, new RandomStream(3));
    for (KernelType kernel : KernelType.values()) {
      double[] a = new double[theta.length];
      double[] b = new double[theta.length];
      double la = kernel.create(LEAKY, 5, data).lossAndGradient(theta, a);
      double lb = kernel.create(LEAKY, 0.01, 5, data).lossAndGradient(theta, b);
      assertEquals(Double.doubleToRawLongBits(la), Double.doubleToRawLongBits(lb), kernel.id());
      for (int k = 0; k < theta.length; k++) {
        assertEquals(Double.doubleToRawLongBits(a[k]), Double.doubleToRawLongBits(b[k]));
      }
    }
    for (double z : new double[] {-3, -1e-300, 0, 2}) {
      assertEquals(LEAKY.value(z), LEAKY.value(z, 0.01), 0.0);
      assertEquals(z > 0 ? z : 0.1 * z, LEAKY.value(z, 0.1), 0.0);
      assertEquals(Activation.SILU.value(z), Activation.SILU.value(z, 0.1), 0.0); // ignored
    }
  }

  /**
   * What analyze evaluates a trained network with: the slope it trained with, the kernels' loss
   * (the train job's) equal to Network's point-by-point loss with that nonlinearity.
   */
  @Test
  void withLeakySlopeIsTheFunctionTheKernelsTrain() {
    Nonlinearity sigma = LEAKY.withLeakySlope(0.3);
    assertEquals(-0.6, sigma.value(-2.0), 0.0);
    assertEquals(2.0, sigma.value(2.0), 0.0);
    assertEquals(0.0, LEAKY.withLeakySlope(0.0).value(-5.0), 0.0);
    assertSame(LEAKY, LEAKY.withLeakySlope(Activation.LEAKY_SLOPE));
    for (Activation other : Activation.values()) {
      if (other != LEAKY) {
        assertSame(other, other.withLeakySlope(0.3), other.id() + " has no slope");
      }
    }
    Dataset data = GradientTest.randomData(2, 40, new RandomStream(21));
    double[] theta = randomTheta(2, 5, new RandomStream(22));
    Network network = Network.fromParameters(2, 5, theta);
    for (double slope : new double[] {0.0, 0.3}) {
      double kernel = KernelType.SCALAR.create(LEAKY, slope, 5, data).loss(theta);
      assertEquals(kernel, network.meanSquaredError(LEAKY.withLeakySlope(slope), data),
          1e-12 * kernel, "slope " + slope);
    }
  }

  @Test
  void modelSettingsRefuseASlopeOutsideZeroToOne() {
    for (double bad : new double[] {-0.01, 1.0, 2.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new ModelSettings(Parametrization.STANDARD, 1, 1, bad));
      assertEquals("leaky-slope must be in [0, 1), got " + bad, e.getMessage());
    }
    assertEquals(0.0, new ModelSettings(Parametrization.STANDARD, 1, 1, 0.0).leakySlope());
    assertEquals(0.999, new ModelSettings(Parametrization.STANDARD, 1, 1, 0.999).leakySlope());
  }
}
