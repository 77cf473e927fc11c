package org.lotteryscaling.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The init scales and the mean-field parametrisation against their definitions. */
class ParametrizationTest {

  @Test
  void scaleOneIsPyTorchsDefaultToTheBit() {
    Network paper = Initialization.pytorchDefault(3, 7, new RandomStream(11));
    Network scaled = Initialization.of(new ModelSettings(Parametrization.STANDARD, 1.0, 1.0), 3, 7,
        new RandomStream(11));
    assertEquals(paper, scaled);
  }

  /** The same draws of the stream, times the scale: w, b by the first, v, c by the second. */
  @Test
  void scalesMultiplyTheBounds() {
    int d = 2;
    int n = 5;
    Network paper = Initialization.pytorchDefault(d, n, new RandomStream(3));
    Network scaled = Initialization.of(new ModelSettings(Parametrization.STANDARD, 0.5, 4.0), d, n,
        new RandomStream(3));
    double[] a = paper.parameters();
    double[] b = scaled.parameters();
    int firstLayer = n * d + n;
    for (int k = 0; k < a.length; k++) {
      assertEquals((k < firstLayer ? 0.5 : 4.0) * a[k], b[k], 1e-15, "parameter " + k);
    }
  }

  /** Mean field draws v from U(-1, 1): PyTorch's v times sqrt N; c keeps PyTorch's bound. */
  @Test
  void meanFieldDrawsVOnTheUnitInterval() {
    int n = 9;
    Network paper = Initialization.pytorchDefault(1, n, new RandomStream(5));
    Network meanField = Initialization.of(
        new ModelSettings(Parametrization.MEAN_FIELD, 1.0, 1.0), 1, n, new RandomStream(5));
    for (int i = 0; i < n; i++) {
      assertEquals(paper.v(i) * Math.sqrt(n), meanField.v(i), 1e-14);
      assertEquals(paper.w(i, 0), meanField.w(i, 0));
    }
    assertEquals(paper.c(), meanField.c());
  }

  /**
   * One mean-field SGD step from theta: the network trained is f = (1/N) sum v_i sigma_i + c, so
   * the step must be theta - lr dL/dtheta with dL/dtheta by central differences of that f's loss.
   */
  @Test
  void meanFieldStepFollowsTheGradientOfTheMeanFieldLoss() {
    int n = 4;
    RandomStream random = new RandomStream(21);
    Dataset data = GradientTest.randomData(1, 29, random);
    double[] theta = new double[Network.parameterCount(1, n)];
    for (int k = 0; k < theta.length; k++) {
      theta[k] = random.uniform(-1, 1);
    }
    double lr = 1e-3;
    TrainSettings oneSgdStep = new TrainSettings(1, lr, 10, 1.0, 0.9, 0.999, 1e-8, 2,
        OptimizerType.SGD, 0.0, 0.0);
    TrainResult result = Trainer.train(Activation.SILU, Parametrization.MEAN_FIELD,
        Network.fromParameters(1, n, theta), data, data, oneSgdStep, KernelType.SCALAR);
    double h = 1e-6;
    int vOffset = 2 * n;
    for (int k = 0; k < theta.length; k++) {
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[k] += h;
      minus[k] -= h;
      double g = (meanFieldLoss(plus, n, data) - meanFieldLoss(minus, n, data)) / (2 * h);
      double stepped = theta[k] - lr * g;
      // the result is the trained function in equation (1)'s form: v_i / N
      double reported = result.network().parameters()[k];
      double expected = k >= vOffset && k < vOffset + n ? stepped / n : stepped;
      assertEquals(expected, reported, 1e-9, "parameter " + k);
    }
    assertTrue(Double.isFinite(result.trainLoss()));
    assertEquals(meanFieldLoss(stepAll(theta, result, n), n, data), result.trainLoss(), 1e-12);
  }

  /** theta after the step, recovered from the reported network (v times N again). */
  private static double[] stepAll(double[] theta, TrainResult result, int n) {
    double[] out = result.network().parameters();
    for (int i = 2 * n; i < 3 * n; i++) {
      out[i] *= n;
    }
    return out;
  }

  /** mean_m ((1/N) sum_i v_i silu(w_i x_m + b_i) + c - y_m)^2, straight from the definition. */
  private static double meanFieldLoss(double[] theta, int n, Dataset data) {
    double sum = 0;
    for (int m = 0; m < data.size(); m++) {
      double f = 0;
      for (int i = 0; i < n; i++) {
        double z = theta[i] * data.x(m, 0) + theta[n + i];
        f += theta[2 * n + i] * z / (1 + StrictMath.exp(-z));
      }
      double e = f / n + theta[3 * n] - data.y(m);
      sum += e * e;
    }
    return sum / data.size();
  }
}
