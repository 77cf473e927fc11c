package org.lotteryscaling.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SGD, momentum and decoupled weight decay against steps worked out by hand. */
class OptimizerTest {

  /**
   * SGD, momentum 0.9, lr 0.1, on one parameter from 1.0 with gradients 1, -2, 0.5:
   *   t=1: buf = 1                      theta = 1 - 0.1           = 0.9
   *   t=2: buf = 0.9 * 1 - 2 = -1.1     theta = 0.9 + 0.11        = 1.01
   *   t=3: buf = 0.9 * -1.1 + 0.5 = -0.49  theta = 1.01 + 0.049   = 1.059
   */
  @Test
  void sgdWithMomentumByHand() {
    Sgd sgd = new Sgd(1, 0.9, 0.0);
    double[] theta = {1.0};
    double[] expected = {0.9, 1.01, 1.059};
    double[] grads = {1.0, -2.0, 0.5};
    for (int t = 0; t < 3; t++) {
      sgd.step(theta, new double[] {grads[t]}, 0.1);
      assertEquals(expected[t], theta[0], 1e-15, "after step " + (t + 1));
    }
  }

  @Test
  void sgdWithoutMomentumIsPlainGradientDescent() {
    Sgd sgd = new Sgd(2, 0.0, 0.0);
    double[] theta = {1.0, -3.0};
    sgd.step(theta, new double[] {0.5, -4.0}, 0.25);
    sgd.step(theta, new double[] {0.5, -4.0}, 0.25);
    // no momentum: each step moves by lr g, so two steps move by 2 lr g
    assertArrayEquals(new double[] {1.0 - 2 * 0.25 * 0.5, -3.0 + 2 * 0.25 * 4.0}, theta, 1e-15);
  }

  /**
   * Decoupled decay: theta shrinks by 1 - lr lambda before the update. SGD, lr 0.1, lambda 0.5,
   * theta 2, g 1: 2 * 0.95 - 0.1 = 1.8; a zero gradient leaves only the shrink, 2 * 0.95^2.
   */
  @Test
  void decoupledWeightDecayByHand() {
    Sgd sgd = new Sgd(1, 0.0, 0.5);
    double[] theta = {2.0};
    sgd.step(theta, new double[] {1.0}, 0.1);
    assertEquals(1.8, theta[0], 1e-15);

    Adam adamw = new Adam(1, 0.9, 0.999, 1e-8, 0.5);
    double[] still = {2.0};
    adamw.step(still, new double[] {0.0}, 0.1);
    adamw.step(still, new double[] {0.0}, 0.1);
    // zero gradients: m = v = 0, Adam's own move is 0, what remains is the decay
    assertEquals(2.0 * 0.95 * 0.95, still[0], 1e-15);
  }

  /** Adam with weight decay 0 is the paper's Adam to the bit. */
  @Test
  void adamWithoutDecayKeepsItsBits() {
    Adam plain = new Adam(3, 0.9, 0.999, 1e-8);
    Optimizer viaSettings = TrainSettings.paper().newOptimizer(3);
    double[] a = {0.3, -1.2, 2.0};
    double[] b = a.clone();
    RandomStream random = new RandomStream(7);
    for (int t = 0; t < 50; t++) {
      double[] g = {random.uniform(-1, 1), random.uniform(-1, 1), random.uniform(-1, 1)};
      plain.step(a, g, 0.01);
      viaSettings.step(b, g, 0.01);
    }
    for (int k = 0; k < 3; k++) {
      assertEquals(Double.doubleToLongBits(a[k]), Double.doubleToLongBits(b[k]));
    }
  }

  @Test
  void badOptimizerSettingsAreRefusedByName() {
    TrainSettings p = TrainSettings.paper();
    String momentumOnAdam = assertThrows(IllegalArgumentException.class, () -> new TrainSettings(
        p.steps(), p.learningRate(), p.decayEvery(), p.decayFactor(), p.beta1(), p.beta2(),
        p.epsilon(), p.curvePoints(), OptimizerType.ADAM, 0.9, 0.0)).getMessage();
    assertTrue(momentumOnAdam.startsWith("momentum applies to the sgd optimizer"), momentumOnAdam);
    for (double bad : new double[] {-0.1, 1.0, Double.NaN}) {
      String m = assertThrows(IllegalArgumentException.class, () -> new TrainSettings(
          p.steps(), p.learningRate(), p.decayEvery(), p.decayFactor(), p.beta1(), p.beta2(),
          p.epsilon(), p.curvePoints(), OptimizerType.SGD, bad, 0.0)).getMessage();
      assertTrue(m.startsWith("momentum must be in [0, 1)"), m);
    }
    String decay = assertThrows(IllegalArgumentException.class, () -> new TrainSettings(
        p.steps(), p.learningRate(), p.decayEvery(), p.decayFactor(), p.beta1(), p.beta2(),
        p.epsilon(), p.curvePoints(), OptimizerType.SGD, 0.0, -1.0)).getMessage();
    assertTrue(decay.startsWith("weight-decay must be"), decay);
    assertEquals("unknown optimizer 'rmsprop' (allowed: adam, sgd)",
        assertThrows(IllegalArgumentException.class, () -> OptimizerType.parse("rmsprop"))
            .getMessage());
  }
}
