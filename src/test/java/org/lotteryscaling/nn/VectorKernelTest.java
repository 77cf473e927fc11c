package org.lotteryscaling.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vector kernel against the scalar reference kernel (itself checked against finite differences
 * in GradientTest): the two may differ only by the order of the sums over points.
 */
class VectorKernelTest {

  /** Every activation, d in {1, 3}, widths and point counts around and off the block of 8 points. */
  static Stream<Arguments> shapes() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (Activation act : Activation.values()) {
      for (int d : new int[] {1, 3}) {
        for (int n : new int[] {1, 2, 7, 50}) {
          for (int points : new int[] {1, 3, 4, 8, 13, 37, 1000}) {
            b.add(Arguments.of(act, d, n, points));
          }
        }
      }
    }
    return b.build();
  }

  private static double[] randomTheta(int d, int n, double spread, RandomStream random) {
    double[] theta = new double[Network.parameterCount(d, n)];
    for (int k = 0; k < theta.length; k++) {
      theta[k] = random.uniform(-spread, spread);
    }
    return theta;
  }

  /**
   * Both kernels' loss and gradient; the gradient tolerance is relative to the size of the sum's
   * terms (bounded by the gradient norm's scale), since reordering a sum of M terms moves it by
   * about M ulp of its largest partial sum.
   */
  private static void assertKernelsAgree(Activation act, int n, Dataset data, double[] theta) {
    GradientKernel scalar = KernelType.SCALAR.create(act, n, data);
    GradientKernel vector = KernelType.VECTOR.create(act, n, data);
    double[] gs = new double[theta.length];
    double[] gv = new double[theta.length];
    double ls = scalar.lossAndGradient(theta, gs);
    double lv = vector.lossAndGradient(theta, gv);
    String where = act + " d=" + data.dimension() + " N=" + n + " M=" + data.size();
    assertEquals(ls, lv, 1e-13 * ls, where);
    assertEquals(ls, vector.loss(theta), 1e-13 * ls, where);
    double scale = 0;
    for (double g : gs) {
      scale = Math.max(scale, Math.abs(g));
    }
    for (int k = 0; k < theta.length; k++) {
      assertEquals(gs[k], gv[k], 1e-12 * (scale + Math.sqrt(ls)), where + " parameter " + k);
    }
  }

  @ParameterizedTest(name = "{0} d={1} N={2} M={3}")
  @MethodSource("shapes")
  void lossAndGradientAgreeWithTheScalarKernel(Activation act, int d, int n, int points) {
    RandomStream random = new RandomStream(31L * points + 7L * n + d);
    Dataset data = GradientTest.randomData(d, points, random);
    assertKernelsAgree(act, n, data, randomTheta(d, n, 1.5, random));
  }

  /** Weights of +-400 push pre-activations past +-709, where exp over- and underflows. */
  @ParameterizedTest
  @EnumSource(Activation.class)
  void saturatedNeuronsAgreeWithTheScalarKernel(Activation act) {
    RandomStream random = new RandomStream(11);
    Dataset data = GradientTest.randomData(1, 45, random);
    double[] theta = randomTheta(1, 6, 400, random);
    for (int i = 6; i < theta.length; i++) {
      theta[i] = random.uniform(-1, 1); // b, v, c of O(1): saturated but finite outputs
    }
    assertKernelsAgree(act, 6, data, theta);
  }

  /**
   * A NaN, infinite or huge value in any one parameter: the loss is NaN, infinite or finite exactly
   * when the scalar kernel's is (ReLU, for one, maps a NaN pre-activation to 0 in both).
   */
  @Test
  void nonFiniteParametersBehaveLikeTheScalarKernel() {
    Dataset data = GradientTest.randomData(1, 20, new RandomStream(3));
    int nonFinite = 0;
    for (Activation act : Activation.values()) {
      for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1e308}) {
        for (int k = 0; k < Network.parameterCount(1, 3); k++) {
          double[] theta = randomTheta(1, 3, 1, new RandomStream(4));
          theta[k] = bad;
          double ls = KernelType.SCALAR.create(act, 3, data).loss(theta);
          double lv = KernelType.VECTOR.create(act, 3, data).loss(theta);
          String where = act + " theta[" + k + "]=" + bad;
          assertEquals(Double.isNaN(ls), Double.isNaN(lv), where);
          assertEquals(Double.isFinite(ls), Double.isFinite(lv), where);
          nonFinite += Double.isFinite(lv) ? 0 : 1;
        }
      }
    }
    assertTrue(nonFinite > 50, "most of these cases diverge: " + nonFinite);
  }

  /** Same inputs, same bits: across instances, and unaffected by what the instance computed before. */
  @Test
  void deterministicToTheBit() {
    RandomStream random = new RandomStream(5);
    Dataset data = GradientTest.randomData(3, 101, random);
    for (Activation act : Activation.values()) {
      double[] theta1 = randomTheta(3, 9, 1.5, random);
      double[] theta2 = randomTheta(3, 9, 1.5, random);
      GradientKernel a = KernelType.VECTOR.create(act, 9, data);
      GradientKernel b = KernelType.VECTOR.create(act, 9, data);
      double[] ga = new double[theta1.length];
      double[] gb = new double[theta1.length];
      double la = a.lossAndGradient(theta1, ga);
      b.lossAndGradient(theta2, gb);
      double lb = b.lossAndGradient(theta1, gb);
      assertEquals(Double.doubleToRawLongBits(la), Double.doubleToRawLongBits(lb), act.id());
      assertArrayEquals(ga, gb, 0.0, act.id());
    }
  }

  /** 1000 Adam steps with each kernel: the final losses agree to 1e-9 relative. */
  @ParameterizedTest
  @EnumSource(Activation.class)
  void fullTrainingAgreesWithTheScalarKernel(Activation act) {
    for (int d : new int[] {1, 3}) {
      RandomStream random = new RandomStream(100 + d);
      Dataset train = GradientTest.randomData(d, 203, random);
      Dataset test = GradientTest.randomData(d, 61, random);
      Network init = Initialization.pytorchDefault(d, 10, new RandomStream(17));
      TrainSettings settings = TrainSettings.paper().withSteps(1000);
      TrainResult s = Trainer.train(act, init, train, test, settings, KernelType.SCALAR);
      TrainResult v = Trainer.train(act, init, train, test, settings, KernelType.VECTOR);
      assertEquals(TrainStatus.OK, v.status());
      assertTrue(v.trainLoss() < init.meanSquaredError(act, train), "training reduced the loss");
      assertEquals(s.trainLoss(), v.trainLoss(), 1e-9 * s.trainLoss(), act + " d=" + d);
      assertEquals(s.testLoss(), v.testLoss(), 1e-9 * s.testLoss(), act + " d=" + d);
      TrainResult again = Trainer.train(act, init, train, test, settings, KernelType.VECTOR);
      assertArrayEquals(v.network().parameters(), again.network().parameters(), 0.0);
    }
  }

  @Test
  void kernelTypeParsesAndRejectsUnknownNames() {
    assertEquals(KernelType.SCALAR, KernelType.parse(" Scalar"));
    assertEquals(KernelType.VECTOR, KernelType.parse("vector"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KernelType.parse("gpu"));
    assertEquals("unknown kernel 'gpu' (allowed: vector, vector256, vector512, scalar)",
        e.getMessage());
  }

  @Test
  void theTrainerUsesTheVectorKernelUnlessTheSystemPropertySaysScalar() {
    String before = System.getProperty(KernelType.PROPERTY);
    try {
      System.clearProperty(KernelType.PROPERTY);
      assertTrue(GradientKernel.create(Activation.SILU, 2, GradientTest.randomData(1, 5,
          new RandomStream(1))) instanceof VectorKernel);
      System.setProperty(KernelType.PROPERTY, "scalar");
      assertTrue(GradientKernel.create(Activation.SILU, 2, GradientTest.randomData(1, 5,
          new RandomStream(1))) instanceof ScalarKernel);
    } finally {
      if (before == null) {
        System.clearProperty(KernelType.PROPERTY);
      } else {
        System.setProperty(KernelType.PROPERTY, before);
      }
    }
  }
}
