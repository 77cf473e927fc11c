package org.lotteryscaling.nn;

/**
 * Adam as torch.optim.Adam computes it (no amsgrad), with weight decay lambda as torch.optim.AdamW
 * applies it (decoupled: the parameters shrink before the update, the gradient is untouched):
 * <pre>
 *   theta *= 1 - lr lambda                  (skipped when lambda = 0, the paper's Adam)
 *   m_t = m + (1 - beta1)(g - m)            (PyTorch's lerp form of beta1 m + (1 - beta1) g)
 *   v_t = beta2 v + (1 - beta2) g^2
 *   theta -= lr / (1 - beta1^t) * m_t / (sqrt(v_t) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * Mutable state for one parameter vector; allocation-free per step.
 */
public final class Adam implements Optimizer {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double weightDecay;
  private final double[] m;
  private final double[] v;
  private int t;
  /** beta1^t and beta2^t, kept as running products: exact to the bit on every platform. */
  private double beta1Power = 1.0;
  private double beta2Power = 1.0;

  public Adam(int parameters, double beta1, double beta2, double epsilon) {
    this(parameters, beta1, beta2, epsilon, 0.0);
  }

  public Adam(int parameters, double beta1, double beta2, double epsilon, double weightDecay) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.weightDecay = weightDecay;
    this.m = new double[parameters];
    this.v = new double[parameters];
  }

  /** One update of theta in place from its gradient at learning rate lr. */
  @Override
  public void step(double[] theta, double[] grad, double lr) {
    Optimizer.decoupledDecay(theta, lr, weightDecay);
    t++;
    beta1Power *= beta1;
    beta2Power *= beta2;
    double biasCorrection1 = 1.0 - beta1Power;
    double biasCorrection2Sqrt = Math.sqrt(1.0 - beta2Power);
    double stepSize = lr / biasCorrection1;
    for (int k = 0; k < theta.length; k++) {
      double g = grad[k];
      m[k] += (1.0 - beta1) * (g - m[k]);
      v[k] = beta2 * v[k] + (1.0 - beta2) * g * g;
      theta[k] -= stepSize * m[k] / (Math.sqrt(v[k]) / biasCorrection2Sqrt + epsilon);
    }
  }

  /** Number of updates taken so far. */
  public int steps() {
    return t;
  }
}
