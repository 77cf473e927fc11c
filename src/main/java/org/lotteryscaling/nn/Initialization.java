package org.lotteryscaling.nn;

/**
 * PyTorch's default for nn.Linear(fan_in, fan_out): kaiming_uniform(a = sqrt 5) for the weights,
 * which is U(-1/sqrt(fan_in), 1/sqrt(fan_in)), and the same bound for the bias. So the first layer
 * (fan_in = d) draws w, b from U(-1/sqrt d, 1/sqrt d), the second (fan_in = N) v, c from
 * U(-1/sqrt N, 1/sqrt N). Draw order, fixed so that a seed means the same network everywhere:
 * w (neuron-major), b, v, c.
 *
 * <p>{@link ModelSettings} scale the bounds: w, b by first-scale, v, c by second-scale; under the
 * mean-field parametrisation v's bound is second-scale itself (v ~ U(-1, 1) at scale 1), c's stays
 * PyTorch's. The draws are the same numbers of the same stream either way.
 */
public final class Initialization {
  private Initialization() {}

  public static Network pytorchDefault(int dimension, int width, RandomStream random) {
    return of(ModelSettings.paper(), dimension, width, random);
  }

  public static Network of(ModelSettings model, int dimension, int width, RandomStream random) {
    double first = model.firstScale() / Math.sqrt(dimension);
    double second = model.secondScale() / Math.sqrt(width);
    double outputWeight = model.parametrization() == Parametrization.MEAN_FIELD
        ? model.secondScale() : second;
    double[] theta = new double[Network.parameterCount(dimension, width)];
    int firstLayer = width * dimension + width;
    for (int k = 0; k < firstLayer; k++) {
      theta[k] = random.uniform(-first, first);
    }
    for (int k = firstLayer; k < firstLayer + width; k++) {
      theta[k] = random.uniform(-outputWeight, outputWeight);
    }
    theta[theta.length - 1] = random.uniform(-second, second);
    return Network.fromParameters(dimension, width, theta);
  }
}
