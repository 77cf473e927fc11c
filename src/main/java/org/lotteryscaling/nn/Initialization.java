package org.lotteryscaling.nn;

/**
 * PyTorch's default for nn.Linear(fan_in, fan_out): kaiming_uniform(a = sqrt 5) for the weights,
 * which is U(-1/sqrt(fan_in), 1/sqrt(fan_in)), and the same bound for the bias. So the first layer
 * (fan_in = d) draws w, b from U(-1/sqrt d, 1/sqrt d), the second (fan_in = N) v, c from
 * U(-1/sqrt N, 1/sqrt N). Draw order, fixed so that a seed means the same network everywhere:
 * w (neuron-major), b, v, c.
 */
public final class Initialization {
  private Initialization() {}

  public static Network pytorchDefault(int dimension, int width, RandomStream random) {
    double first = 1.0 / Math.sqrt(dimension);
    double second = 1.0 / Math.sqrt(width);
    double[] theta = new double[Network.parameterCount(dimension, width)];
    int firstLayer = width * dimension + width;
    for (int k = 0; k < firstLayer; k++) {
      theta[k] = random.uniform(-first, first);
    }
    for (int k = firstLayer; k < theta.length; k++) {
      theta[k] = random.uniform(-second, second);
    }
    return Network.fromParameters(dimension, width, theta);
  }
}
