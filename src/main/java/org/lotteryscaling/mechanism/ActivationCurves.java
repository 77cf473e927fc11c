package org.lotteryscaling.mechanism;

import org.lotteryscaling.nn.Nonlinearity;
import org.lotteryscaling.nn.Network;

/**
 * Each hidden neuron's pre-activation w x + b and post-activation sigma(w x + b) on a grid of
 * one-dimensional inputs: what figures 10 and 11 of the paper plot for each algorithm.
 *
 * @param x     the grid
 * @param pre   pre[i][g]: neuron i at x[g]
 * @param post  post[i][g] = sigma(pre[i][g])
 */
public record ActivationCurves(double[] x, double[][] pre, double[][] post) {

  public static ActivationCurves of(Network network, Nonlinearity activation, double[] x) {
    if (network.dimension() != 1) {
      throw new IllegalArgumentException("activation curves need one input, got d=" + network.dimension());
    }
    int n = network.width();
    double[][] pre = new double[n][x.length];
    double[][] post = new double[n][x.length];
    for (int i = 0; i < n; i++) {
      for (int g = 0; g < x.length; g++) {
        pre[i][g] = network.w(i, 0) * x[g] + network.b(i);
        post[i][g] = activation.value(pre[i][g]);
      }
    }
    return new ActivationCurves(x.clone(), pre, post);
  }

  /** count evenly spaced points from low to high inclusive. */
  public static double[] grid(double low, double high, int count) {
    if (count < 2) {
      throw new IllegalArgumentException("a grid needs at least 2 points, got " + count);
    }
    double[] x = new double[count];
    for (int g = 0; g < count; g++) {
      x[g] = low + (high - low) * g / (count - 1);
    }
    return x;
  }
}
