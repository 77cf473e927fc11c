package org.lotteryscaling.nn;

/**
 * The full-batch mean squared error of equation (1) on one dataset, and its gradient with respect
 * to the flat parameter vector (layout of {@link Network}). Implementations own their workspace,
 * so one instance serves one training run and allocates nothing per call.
 */
public interface GradientKernel {

  /** Returns L(theta) = mean_m (f(x_m) - y_m)^2 and writes dL/dtheta into grad. */
  double lossAndGradient(double[] theta, double[] grad);

  /** L(theta) alone. */
  double loss(double[] theta);

  /**
   * The kernel the trainer uses for this activation, width and data: {@link KernelType#configured()}
   * (the vector kernel unless the system property {@code lottery.kernel} says otherwise).
   */
  static GradientKernel create(Activation activation, int width, Dataset data) {
    return KernelType.configured().create(activation, width, data);
  }
}
