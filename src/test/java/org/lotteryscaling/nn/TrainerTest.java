package org.lotteryscaling.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainerTest {
  private static final TrainSettings SHORT = TrainSettings.paper().withSteps(3000);

  private static Dataset square(int points, long seed) {
    RandomStream random = new RandomStream(seed);
    double[] x = new double[points];
    double[] y = new double[points];
    for (int m = 0; m < points; m++) {
      x[m] = random.uniform(-2, 2);
      y[m] = x[m] * x[m];
    }
    return new Dataset(1, x, y);
  }

  @Test
  void sameInputsGiveIdenticalBits() {
    Dataset train = square(200, 1);
    Dataset test = square(200, 2);
    for (Activation act : Activation.values()) {
      Network init = Initialization.pytorchDefault(1, 7, new RandomStream(99));
      TrainResult a = Trainer.train(act, init, train, test, SHORT);
      TrainResult b = Trainer.train(act, init, train, test, SHORT);
      assertEquals(Double.doubleToRawLongBits(a.trainLoss()), Double.doubleToRawLongBits(b.trainLoss()));
      assertEquals(Double.doubleToRawLongBits(a.testLoss()), Double.doubleToRawLongBits(b.testLoss()));
      assertArrayEquals(a.network().parameters(), b.network().parameters(), 0.0);
      assertArrayEquals(a.curveLoss(), b.curveLoss(), 0.0);
    }
  }

  @Test
  void trainingReducesTheLossAndReportsItConsistently() {
    Dataset train = square(300, 3);
    Dataset test = square(300, 4);
    Network init = Initialization.pytorchDefault(1, 10, new RandomStream(5));
    TrainResult r = Trainer.train(Activation.SILU, init, train, test, SHORT);
    assertEquals(TrainStatus.OK, r.status());
    assertEquals(3000, r.stepsDone());
    double initial = init.meanSquaredError(Activation.SILU, train);
    assertEquals(initial, r.curveLoss()[0], 1e-12 * initial);
    assertTrue(r.trainLoss() < initial / 100, "loss " + r.trainLoss() + " from " + initial);
    // the reported losses are the MSE of the returned network, by equation (1) directly
    assertEquals(r.network().meanSquaredError(Activation.SILU, train), r.trainLoss(), 1e-12 * r.trainLoss());
    assertEquals(r.network().meanSquaredError(Activation.SILU, test), r.testLoss(), 1e-12 * r.testLoss());
    assertEquals(r.trainLoss(), r.curveLoss()[r.curveLoss().length - 1]);
  }

  @Test
  void aRunThatBlowsUpStopsWithStatusDivergedInsteadOfThrowing() {
    Dataset train = square(50, 6);
    Network init = Initialization.pytorchDefault(1, 3, new RandomStream(7));
    TrainSettings absurd = new TrainSettings(1000, 1e300, 10_000, 0.2, 0.9, 0.999, 1e-8, 50);
    TrainResult r = Trainer.train(Activation.RELU, init, train, train, absurd);
    assertEquals(TrainStatus.DIVERGED, r.status());
    assertTrue(!Double.isFinite(r.trainLoss()));
    assertTrue(r.stepsDone() < 1000);
    assertEquals(r.curveSteps().length, r.curveLoss().length);
  }

  @Test
  void curveStepsAreLogSpacedIncreasingAndEndAtTheLastStep() {
    int[] s = Trainer.curveSteps(50_000, 50);
    assertEquals(0, s[0]);
    assertEquals(1, s[1]);
    assertEquals(50_000, s[s.length - 1]);
    assertTrue(s.length >= 40 && s.length <= 50, "length " + s.length);
    for (int k = 1; k < s.length; k++) {
      assertTrue(s[k] > s[k - 1]);
    }
    assertArrayEquals(new int[] {0, 1}, Trainer.curveSteps(1, 50));
    assertArrayEquals(new int[] {0, 1, 10}, Trainer.curveSteps(10, 2));
  }
}
