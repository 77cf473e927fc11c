package org.lotteryscaling.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SharedSmallPointsTest {

  /** The analysis grid: 101 points on [-2, 2], step 0.04 (so 0 and +-1.6 are grid points). */
  private static double[] grid() {
    double[] x = new double[101];
    for (int g = 0; g < x.length; g++) {
      x[g] = -2 + 0.04 * g;
    }
    return x;
  }

  /** f on every point of the grid. */
  private static double[] on(double[] x, java.util.function.DoubleUnaryOperator f) {
    double[] e = new double[x.length];
    for (int g = 0; g < x.length; g++) {
      e[g] = f.applyAsDouble(x[g]);
    }
    return e;
  }

  @Test
  void curvesWithCommonZerosAreSmallTogetherExactlyThere() {
    double[] x = grid();
    SplittableRandom random = new SplittableRandom(3);
    List<double[]> curves = new ArrayList<>();
    for (int k = 0; k < 9; k++) {
      // e_k(x) = c_k x (x^2 - 1.6^2) (1 + s_k x^2): zeros at 0 and +-1.6 only, any scale and sign
      double c = (random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextDouble(-6, 0));
      double s = random.nextDouble(0, 2);
      curves.add(on(x, t -> c * t * (t * t - 2.56) * (1 + s * t * t)));
    }
    assertArrayEquals(new double[] {x[10], x[50], x[90]}, SharedSmallPoints.of(x, curves), 0);
    assertEquals(-1.6, x[10], 1e-12);
    assertEquals(0, x[50], 1e-12);
    assertEquals(1.6, x[90], 1e-12);
  }

  @Test
  void curvesWithUnrelatedZerosAreNowhereSmallTogether() {
    double[] x = grid();
    SplittableRandom random = new SplittableRandom(5);
    List<double[]> curves = new ArrayList<>();
    for (int k = 0; k < 41; k++) {
      double frequency = random.nextDouble(1, 4);
      double phase = random.nextDouble(0, 2 * Math.PI);
      curves.add(on(x, t -> Math.sin(frequency * t + phase)));
    }
    assertArrayEquals(new double[0], SharedSmallPoints.of(x, curves));
  }

  @Test
  void unusableCurvesAreLeftOutAndOneCurveIsItsOwnMedian() {
    double[] x = grid();
    double[] parabola = new double[x.length];
    for (int g = 0; g < x.length; g++) {
      parabola[g] = (x[g] - 1) * (x[g] - 1) - 0.04; // |e| has minima at x = 0.8 and 1.2
    }
    List<double[]> curves = List.of(parabola, new double[x.length], new double[3]);
    assertArrayEquals(new double[] {x[70], x[80]}, SharedSmallPoints.of(x, curves), 0);
    assertArrayEquals(new double[0], SharedSmallPoints.of(x, List.of()));
    assertArrayEquals(new double[0], SharedSmallPoints.of(x, List.of(new double[x.length])));
    // A constant curve: the whole grid is one flat bottom, not a point.
    double[] flat = new double[x.length];
    java.util.Arrays.fill(flat, 1e-3);
    assertArrayEquals(new double[0], SharedSmallPoints.of(x, List.of(flat)));
  }
}
