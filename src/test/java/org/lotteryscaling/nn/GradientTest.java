package org.lotteryscaling.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kernel's gradient against central finite differences of the loss of equation (1). */
class GradientTest {

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (Activation act : Activation.values()) {
      for (int d : new int[] {1, 3}) {
        for (int n : new int[] {1, 2, 7}) {
          for (KernelType kernel : KernelType.values()) {
            b.add(Arguments.of(act, d, n, kernel));
          }
        }
      }
    }
    return b.build();
  }

  /** Random data and a random network with O(1) parameters; y is an arbitrary smooth target. */
  static Dataset randomData(int d, int points, RandomStream random) {
    double[] x = new double[points * d];
    double[] y = new double[points];
    for (int m = 0; m < points; m++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        x[m * d + j] = random.uniform(-2, 2);
        s += x[m * d + j] * (j + 1);
      }
      y[m] = Math.sin(s) + 0.3 * s * s;
    }
    return new Dataset(d, x, y);
  }

  @ParameterizedTest(name = "{0} d={1} N={2} {3}")
  @MethodSource("cases")
  void gradientMatchesCentralDifferences(Activation act, int d, int n, KernelType kernelType) {
    RandomStream random = new RandomStream(1000L * d + n);
    Dataset data = randomData(d, 37, random);
    double[] theta = new double[Network.parameterCount(d, n)];
    for (int k = 0; k < theta.length; k++) {
      theta[k] = random.uniform(-1.5, 1.5);
    }
    GradientKernel kernel = kernelType.create(act, n, data);
    double[] grad = new double[theta.length];
    double loss = kernel.lossAndGradient(theta, grad);

    // the loss itself against equation (1) evaluated point by point
    assertEquals(Network.fromParameters(d, n, theta).meanSquaredError(act, data), loss, 1e-14 * loss);

    // h = 1e-5: truncation error O(h^2) ~ 1e-10 against round-off ~ 1e-16 / h ~ 1e-11. ReLU's kinks
    // are crossed only if some pre-activation lies within h of zero, which these draws avoid.
    assertCentralDifferences(kernel, theta, grad, act + " d=" + d + " N=" + n);
  }

  /** Each component of {@code grad} against the central difference of the kernel's loss, h = 1e-5. */
  static void assertCentralDifferences(GradientKernel kernel, double[] theta, double[] grad,
      String what) {
    double h = 1e-5;
    for (int k = 0; k < theta.length; k++) {
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[k] += h;
      minus[k] -= h;
      double fd = (kernel.loss(plus) - kernel.loss(minus)) / (2 * h);
      assertEquals(fd, grad[k], 1e-7 * (1 + Math.abs(fd)), what + " parameter " + k);
    }
  }
}
