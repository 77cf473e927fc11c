package org.lotteryscaling.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdamTest {

  /**
   * Three steps on one parameter with gradients 1, -2, 0.5 at lr 0.01, worked out by hand from
   * the Adam paper's algorithm (in Python, bias-corrected m-hat and v-hat):
   *   t=1: m=0.1,    v=0.001       theta = -0.01 / (1 + 1e-8)        = -0.009999999900000002
   *   t=2: m=-0.11,  v=0.004999    m-hat=-0.5789, v-hat=2.50075      -> -0.006338964652792519
   *   t=3: m=-0.049, v=0.005244001                                    -> -0.004972058032617855
   */
  @Test
  void threeStepsByHand() {
    Adam adam = new Adam(1, 0.9, 0.999, 1e-8);
    double[] theta = {0.0};
    double[] expected = {-0.009999999900000002, -0.006338964652792519, -0.004972058032617855};
    double[] grads = {1.0, -2.0, 0.5};
    for (int t = 0; t < 3; t++) {
      adam.step(theta, new double[] {grads[t]}, 0.01);
      assertEquals(expected[t], theta[0], 1e-15, "after step " + (t + 1));
    }
    assertEquals(3, adam.steps());
  }

  /**
   * With a constant gradient g, m-hat = g and v-hat = g^2 exactly, so every step moves theta by
   * lr_t * g / (|g| + eps): the path is the sum of the scheduled learning rates. With lr 0.1 halved
   * every 3 steps, 8 steps cross two decay boundaries: 3 x 0.1 + 3 x 0.05 + 2 x 0.025 = 0.5.
   */
  @Test
  void constantGradientFollowsTheScheduleAcrossDecayBoundaries() {
    StepDecaySchedule schedule = new StepDecaySchedule(0.1, 3, 0.5);
    Adam adam = new Adam(2, 0.9, 0.999, 1e-8);
    double[] theta = {1.0, -1.0};
    double[] grad = {4.0, -0.25};
    double travelled = 0;
    for (int step = 0; step < 8; step++) {
      adam.step(theta, grad, schedule.rate(step));
      travelled += schedule.rate(step);
    }
    assertEquals(0.5, travelled, 1e-15);
    assertEquals(1.0 - 0.5 * 4.0 / (4.0 + 1e-8), theta[0], 1e-12);
    assertEquals(-1.0 + 0.5 * 0.25 / (0.25 + 1e-8), theta[1], 1e-12);
  }

  @Test
  void stepDecayScheduleOfThePaper() {
    StepDecaySchedule s = TrainSettings.paper().schedule();
    assertEquals(0.01, s.rate(0));
    assertEquals(0.01, s.rate(9_999));
    assertEquals(0.01 * 0.2, s.rate(10_000));
    assertEquals(0.01 * 0.2, s.rate(19_999));
    assertEquals(0.01 * 0.2 * 0.2, s.rate(20_000));
    assertEquals(0.01 * 0.2 * 0.2 * 0.2 * 0.2, s.rate(49_999));
  }
}
