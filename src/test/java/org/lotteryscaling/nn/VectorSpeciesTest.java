package org.lotteryscaling.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 512-bit and the 256-bit vector kernel train to the same bits, and to the bits the kernel had
 * before there were two (every committed result was trained with that one). On a CPU without
 * AVX-512 the 512-bit species runs in software, slowly but with the same IEEE results, so this
 * test runs everywhere; it is kept small for that reason.
 */
class VectorSpeciesTest {

  /**
   * activation, d, N, M; then the final train loss's bits and a hash of the trained parameters'
   * bits (31 h + bits, in layout order), as the 256-bit kernel of commit 41232c3 (then the only
   * VectorKernel, KernelType.VECTOR) computed them for {@link #train}'s networks.
   */
  private static final Object[][] RECORDED = {
    {"SILU", 1, 1, 5, 0x3fad1fa7a1a7ba16L, 0xdec133328ee22470L},
    {"SILU", 1, 7, 77, 0x3f980b69245209beL, 0xcf88ebdf97d9ebf2L},
    {"SILU", 1, 50, 21, 0x3f70ff15f78279c7L, 0x0b98f2671c9d2457L},
    {"SILU", 3, 1, 5, 0x40164b070cbdb77dL, 0xe828dca97c2dae6fL},
    {"SILU", 3, 7, 77, 0x402042687b9f3665L, 0xfdad42147cb0e524L},
    {"SILU", 3, 50, 21, 0x3fe0c74f2a9c9e16L, 0x2d28df5e0b1d0564L},
    {"RELU", 1, 1, 5, 0x3face3eba4261838L, 0x4d2c21d7c34f5e15L},
    {"RELU", 1, 7, 77, 0x3f9262dcdc5e97ebL, 0x0a7d225bfbda749fL},
    {"RELU", 1, 50, 21, 0x3f3a18991cd2482fL, 0xfb3fb6922b79f3f1L},
    {"RELU", 3, 1, 5, 0x4019b74fa44f3e9aL, 0xe17afc012cdea2dcL},
    {"RELU", 3, 7, 77, 0x401a4e170be07957L, 0xbd9e36f2b590adcfL},
    {"RELU", 3, 50, 21, 0x3fcd028c42dc0186L, 0x23bc665200d7ac50L},
    {"LEAKY_RELU", 1, 1, 5, 0x3face3eba4261838L, 0x4d2c21d7c34f5e15L},
    {"LEAKY_RELU", 1, 7, 77, 0x3f929268c0de8af4L, 0xbeaafc8201024ec5L},
    {"LEAKY_RELU", 1, 50, 21, 0x3f3aba9af0dbf8b2L, 0xa438076983e774efL},
    {"LEAKY_RELU", 3, 1, 5, 0x4019b65150980bc0L, 0x2a67c84a901350c4L},
    {"LEAKY_RELU", 3, 7, 77, 0x401a722dd1c385dcL, 0xb664873a1719c409L},
    {"LEAKY_RELU", 3, 50, 21, 0x3fcec46e567abf02L, 0x05edc9d66f2dab54L},
    {"TANH", 1, 1, 5, 0x3fa4ebaada533b8dL, 0xacb74b3e5f75f323L},
    {"TANH", 1, 7, 77, 0x3f97d6426166f507L, 0xb0fc0f5eb2f78c4cL},
    {"TANH", 1, 50, 21, 0x3f73955d3847264eL, 0x915b78edcd13ba4eL},
    {"TANH", 3, 1, 5, 0x40101c667e0b6e91L, 0xc62b46289c09591aL},
    {"TANH", 3, 7, 77, 0x4041574180cf8684L, 0xc223990114692966L},
    {"TANH", 3, 50, 21, 0x3febedb2f31b6e00L, 0x64d88cdf5df98de9L},
  };

  static Stream<Arguments> cases() {
    return Stream.of(RECORDED).map(Arguments::of);
  }

  /** 150 Adam steps of the paper's settings on GradientTest's random data. */
  private static TrainResult train(Activation act, int d, int n, int points, KernelType kernel) {
    RandomStream random = new RandomStream(1000L + 10L * n + d);
    Dataset train = GradientTest.randomData(d, points, random);
    Dataset test = GradientTest.randomData(d, 29, random);
    Network init = Initialization.pytorchDefault(d, n, new RandomStream(17L + n));
    return Trainer.train(act, init, train, test, TrainSettings.paper().withSteps(150), kernel);
  }

  private static long parameterHash(double[] parameters) {
    long h = 0;
    for (double p : parameters) {
      h = 31 * h + Double.doubleToRawLongBits(p);
    }
    return h;
  }

  @ParameterizedTest(name = "{0} d={1} N={2} M={3}")
  @MethodSource("cases")
  void bothSpeciesTrainToTheRecordedBits(String activation, int d, int n, int points,
      long lossBits, long hash) {
    Activation act = Activation.valueOf(activation);
    String where = act + " d=" + d + " N=" + n + " M=" + points;
    TrainResult v256 = train(act, d, n, points, KernelType.VECTOR256);
    TrainResult v512 = train(act, d, n, points, KernelType.VECTOR512);
    assertEquals(TrainStatus.OK, v512.status(), where);
    assertArrayEquals(v256.network().parameters(), v512.network().parameters(), 0.0, where);
    assertEquals(Double.doubleToRawLongBits(v256.trainLoss()),
        Double.doubleToRawLongBits(v512.trainLoss()), where);
    assertEquals(Double.doubleToRawLongBits(v256.testLoss()),
        Double.doubleToRawLongBits(v512.testLoss()), where);
    assertEquals(lossBits, Double.doubleToRawLongBits(v512.trainLoss()), where + " train loss");
    assertEquals(hash, parameterHash(v512.network().parameters()), where + " parameters");
    // and the scalar reference, within VectorKernelTest's tolerance for whole trainings
    TrainResult s = train(act, d, n, points, KernelType.SCALAR);
    assertEquals(s.trainLoss(), v512.trainLoss(), 1e-9 * s.trainLoss(), where);
    assertEquals(s.testLoss(), v512.testLoss(), 1e-9 * s.testLoss(), where);
  }

  /** One lossAndGradient on random parameters, including saturated ones: same bits, every entry. */
  @Test
  void oneGradientHasTheSameBitsInBothSpecies() {
    for (Activation act : Activation.values()) {
      for (int d : new int[] {1, 3}) {
        for (int points : new int[] {1, 7, 8, 9, 45}) {
          RandomStream random = new RandomStream(7L * points + d);
          Dataset data = GradientTest.randomData(d, points, random);
          double[] theta = new double[Network.parameterCount(d, 5)];
          for (int k = 0; k < theta.length; k++) {
            theta[k] = random.uniform(-1, 1) * (k % 4 == 0 ? 400 : 1.5); // some exp overflow
          }
          double[] g256 = new double[theta.length];
          double[] g512 = new double[theta.length];
          double l256 = KernelType.VECTOR256.create(act, 5, data).lossAndGradient(theta, g256);
          double l512 = KernelType.VECTOR512.create(act, 5, data).lossAndGradient(theta, g512);
          String where = act + " d=" + d + " M=" + points;
          assertEquals(Double.doubleToRawLongBits(l256), Double.doubleToRawLongBits(l512), where);
          for (int k = 0; k < theta.length; k++) {
            assertEquals(Double.doubleToRawLongBits(g256[k]), Double.doubleToRawLongBits(g512[k]),
                where + " parameter " + k);
          }
        }
      }
    }
  }

  /**
   * A NaN, infinite or huge parameter: loss and gradient have the same bits in both species, except
   * that a NaN is only required to be a NaN: Java leaves NaN bit patterns unspecified, and which
   * operand's NaN an x86 instruction passes on depends on the order C2 gives the operands of a
   * commutative operation (seen here: silu with w = NaN gives dL/dw = 0x7ff8... at 256 bits and
   * 0xfff8... at 512). Such gradients only occur in a run that diverges at that step.
   */
  @Test
  void nonFiniteParametersGiveTheSameBitsInBothSpecies() {
    Dataset data = GradientTest.randomData(1, 21, new RandomStream(3));
    for (Activation act : Activation.values()) {
      for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY, -1e308}) {
        for (int k = 0; k < Network.parameterCount(1, 3); k++) {
          double[] theta = new double[Network.parameterCount(1, 3)];
          RandomStream random = new RandomStream(4);
          for (int j = 0; j < theta.length; j++) {
            theta[j] = random.uniform(-1, 1);
          }
          theta[k] = bad;
          double[] g256 = new double[theta.length];
          double[] g512 = new double[theta.length];
          double l256 = KernelType.VECTOR256.create(act, 3, data).lossAndGradient(theta, g256);
          double l512 = KernelType.VECTOR512.create(act, 3, data).lossAndGradient(theta, g512);
          String where = act + " theta[" + k + "]=" + bad;
          assertEquals(Double.doubleToLongBits(l256), Double.doubleToLongBits(l512), where);
          for (int j = 0; j < theta.length; j++) {
            assertEquals(Double.doubleToLongBits(g256[j]), Double.doubleToLongBits(g512[j]),
                where + " parameter " + j);
          }
        }
      }
    }
  }

  @Test
  void vectorMeansTheWidestNativeShape() {
    KernelType chosen = KernelType.VECTOR.resolved();
    assertEquals(VectorKernel.preferredBits() == 512 ? KernelType.VECTOR512 : KernelType.VECTOR256,
        chosen);
    assertTrue(KernelType.VECTOR.create(Activation.SILU, 2, GradientTest.randomData(1, 5,
        new RandomStream(1))) instanceof VectorKernel);
    assertEquals(KernelType.SCALAR, KernelType.SCALAR.resolved());
  }
}
