package org.lotteryscaling.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.lotteryscaling.nn.Dataset;

class DataSamplerTest {

  @ParameterizedTest
  @MethodSource("namedAndFormulaTargets")
  void pointsAreUniformOnTheCubeAndLabelledByTheTarget(Target target) {
    DataSettings settings = DataSettings.paper();
    Dataset train = DataSampler.train(target, settings);
    int d = target.dimension();
    assertEquals(d, train.dimension());
    assertEquals(1000, train.size());
    double sum = 0;
    double[] point = new double[d];
    for (int m = 0; m < train.size(); m++) {
      for (int j = 0; j < d; j++) {
        point[j] = train.x(m, j);
        assertTrue(point[j] >= -2 && point[j] < 2);
        sum += point[j];
      }
      assertEquals(target.apply(point, 0), train.y(m), 0.0);
    }
    // mean of U(-2, 2) is 0 with standard deviation 4 / sqrt(12 n); 5 of those
    assertEquals(0.0, sum / (1000.0 * d), 5 * 4 / Math.sqrt(12 * 1000.0 * d));
  }

  static Stream<Target> namedAndFormulaTargets() {
    return Stream.concat(Target.named().stream(),
        Stream.of(Target.parse("sin(3*x)"), Target.parse("x1*x2 + x3^2")));
  }

  @Test
  void targetsAreTheNamedFunctions() {
    double x = 0.7;
    double[] p = {x};
    assertEquals(x * x, Target.X2.apply(p, 0), 0);
    // Targets are StrictMath (the same bits on every JVM); Math may differ by an ulp (it does for
    // tanh on Java 25), so the comparison allows one ulp of the expected value.
    assertWithinUlp(x * x * x, Target.X3.apply(p, 0));
    assertWithinUlp(Math.pow(x, 4), Target.X4.apply(p, 0));
    assertWithinUlp(Math.sin(x), Target.SIN.apply(p, 0));
    assertWithinUlp(Math.cos(x), Target.COS.apply(p, 0));
    assertWithinUlp(Math.exp(x), Target.EXP.apply(p, 0));
    assertWithinUlp(Math.sin(x) * Math.sin(x), Target.SIN2.apply(p, 0));
    assertWithinUlp(Math.exp(x * x), Target.EXPX2.apply(p, 0));
    assertEquals(0.0, Target.RELU.apply(new double[] {-x}, 0), 0);
    assertWithinUlp(Math.tanh(x), Target.TANH.apply(p, 0));
    assertEquals(2.0 * -3.0 * 0.5, Target.MUL3.apply(new double[] {9, 2, -3, 0.5}, 1), 0);
    assertEquals(5, Target.MUL5.dimension());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.parse("x5"));
    assertTrue(e.getMessage().contains("'x5'") && e.getMessage().contains("mul5"));
  }

  @Test
  void sameSeedSameDataAndTrainDiffersFromTest() {
    DataSettings settings = DataSettings.paper();
    Dataset a = DataSampler.train(Target.X2, settings);
    Dataset b = DataSampler.train(Target.X2, settings);
    Dataset test = DataSampler.test(Target.X2, settings);
    Dataset other = DataSampler.train(Target.X2, new DataSettings(1000, 1000, -2, 2, 1));
    for (int m = 0; m < 1000; m++) {
      assertEquals(a.x(m, 0), b.x(m, 0), 0.0);
    }
    assertNotEquals(a.x(0, 0), test.x(0, 0));
    assertNotEquals(a.x(0, 0), other.x(0, 0));
    // every 1-D target sees the same inputs, so their losses compare on the same points
    assertEquals(a.x(17, 0), DataSampler.train(Target.SIN, settings).x(17, 0), 0.0);
  }

  @Test
  void networkSeedsAreDistinctAcrossEveryPartOfTheKey() {
    long base = Seeds.network(0, Target.X2, org.lotteryscaling.nn.Activation.SILU, 2, 0);
    assertNotEquals(base, Seeds.network(1, Target.X2, org.lotteryscaling.nn.Activation.SILU, 2, 0));
    assertNotEquals(base, Seeds.network(0, Target.X3, org.lotteryscaling.nn.Activation.SILU, 2, 0));
    assertNotEquals(base, Seeds.network(0, Target.X2, org.lotteryscaling.nn.Activation.RELU, 2, 0));
    assertNotEquals(base, Seeds.network(0, Target.X2, org.lotteryscaling.nn.Activation.SILU, 3, 0));
    assertNotEquals(base, Seeds.network(0, Target.X2, org.lotteryscaling.nn.Activation.SILU, 2, 1));
    // the text hash is 64-bit FNV-1a: the published test vector for "a"
    assertEquals(0xaf63dc4c8601ec8cL, Seeds.text("a"));
  }

  private static void assertWithinUlp(double expected, double actual) {
    assertEquals(expected, actual, Math.ulp(expected), () -> "more than one ulp from " + expected);
  }
}
