package org.lotteryscaling.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** TrainResult is an immutable value: equality, hash and text by content, arrays copied in and out. */
class TrainResultTest {
  private static final Network NET = Network.of(new double[][] {{1}, {-1}}, new double[] {0, 0},
      new double[] {1, 1}, 0);

  private static TrainResult result(int[] steps, double[] loss, double trainLoss) {
    return new TrainResult(TrainStatus.OK, trainLoss, 2e-3, NET, 10, steps, loss, 0.5);
  }

  @Test
  void equalContentsAreEqualWithEqualHashes() {
    TrainResult a = result(new int[] {0, 10}, new double[] {1, 1e-3}, 1e-3);
    TrainResult b = result(new int[] {0, 10}, new double[] {1, 1e-3}, 1e-3);
    assertEquals(a, b);
    assertEquals(b, a);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(a.toString(), b.toString());
    assertTrue(a.toString().contains("curveLoss=[1.0, 0.001]"), a.toString());
    assertEquals(result(new int[0], new double[0], Double.NaN), result(new int[0], new double[0], Double.NaN));
  }

  @Test
  void anyDifferentComponentMakesThemDifferent() {
    TrainResult a = result(new int[] {0, 10}, new double[] {1, 1e-3}, 1e-3);
    assertNotEquals(a, result(new int[] {0, 9}, new double[] {1, 1e-3}, 1e-3));
    assertNotEquals(a, result(new int[] {0, 10}, new double[] {1, 2e-3}, 1e-3));
    assertNotEquals(a, result(new int[] {0, 10}, new double[] {1, 1e-3}, 2e-3));
    assertNotEquals(a, new TrainResult(TrainStatus.DIVERGED, 1e-3, 2e-3, NET, 10, new int[] {0, 10},
        new double[] {1, 1e-3}, 0.5));
    assertNotEquals(a, null);
  }

  @Test
  void arraysAreCopiedInAndOut() {
    int[] steps = {0, 10};
    double[] loss = {1, 1e-3};
    TrainResult a = result(steps, loss, 1e-3);
    steps[1] = 99;
    loss[1] = 99;
    a.curveSteps()[0] = 42;
    a.curveLoss()[0] = 42;
    assertEquals(10, a.curveSteps()[1]);
    assertEquals(1e-3, a.curveLoss()[1]);
    assertEquals(0, a.curveSteps()[0]);
    assertEquals(1, a.curveLoss()[0]);
    assertThrows(IllegalArgumentException.class, () -> result(new int[] {0}, new double[] {1, 2}, 1));
  }
}
