package org.lotteryscaling.nn;

/**
 * Adam as torch.optim.Adam computes it (no weight decay, no amsgrad):
 * <pre>
 *   m_t = m + (1 - beta1)(g - m)            (PyTorch's lerp form of beta1 m + (1 - beta1) g)
 *   v_t = beta2 v + (1 - beta2) g^2
 *   theta -= lr / (1 - beta1^t) * m_t / (sqrt(v_t) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * Mutable state for one parameter vector; allocation-free per step.
 */
public final class Adam {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double[] m;
  private final double[] v;
  private int t;
  /** beta1^t and beta2^t, kept as running products: exact to the bit on every platform. */
  private double beta1Power = 1.0;
  private double beta2Power = 1.0;

  public Adam(int parameters, double beta1, double beta2, double epsilon) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.m = new double[parameters];
    this.v = new double[parameters];
  }

  /** One update of theta in place from its gradient at learning rate lr. */
  public void step(double[] theta, double[] grad, double lr) {
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
