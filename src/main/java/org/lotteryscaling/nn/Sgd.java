package org.lotteryscaling.nn;

/**
 * Stochastic gradient descent (here full-batch) as torch.optim.SGD computes it with momentum mu,
 * no dampening, no Nesterov; weight decay lambda in the decoupled form of AdamW, which
 * torch.optim.SGD does not have (its weight_decay adds lambda theta to the gradient instead):
 * <pre>
 *   theta *= 1 - lr lambda                   (skipped when lambda = 0)
 *   buf = g at the first step, else buf = mu buf + g      (buf = g throughout when mu = 0)
 *   theta -= lr buf
 * </pre>
 */
public final class Sgd implements Optimizer {
  private final double momentum;
  private final double weightDecay;
  private final double[] buffer;
  private boolean started;

  public Sgd(int parameters, double momentum, double weightDecay) {
    this.momentum = momentum;
    this.weightDecay = weightDecay;
    this.buffer = new double[parameters];
  }

  @Override
  public void step(double[] theta, double[] grad, double lr) {
    Optimizer.decoupledDecay(theta, lr, weightDecay);
    for (int k = 0; k < theta.length; k++) {
      // torch starts the buffer at the first gradient (not at 0 + g, which is the same number)
      buffer[k] = started ? momentum * buffer[k] + grad[k] : grad[k];
      theta[k] -= lr * buffer[k];
    }
    started = true;
  }
}
