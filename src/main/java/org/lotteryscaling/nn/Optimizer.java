package org.lotteryscaling.nn;

/**
 * One update of the parameter vector from its gradient at the scheduled learning rate: {@link Adam}
 * or {@link Sgd}. Mutable state for one training run; allocation-free per step.
 */
public interface Optimizer {

  /** Updates theta in place from dL/dtheta at learning rate lr. */
  void step(double[] theta, double[] grad, double lr);

  /**
   * AdamW's decoupled weight decay, the first part of a step: theta *= 1 - lr lambda. Nothing at
   * all when lambda = 0, so that the paper's optimiser keeps its bits and its speed.
   */
  static void decoupledDecay(double[] theta, double lr, double weightDecay) {
    if (weightDecay == 0) {
      return;
    }
    double keep = 1.0 - lr * weightDecay;
    for (int k = 0; k < theta.length; k++) {
      theta[k] *= keep;
    }
  }
}
