package org.lotteryscaling.nn;

import java.util.Arrays;

/**
 * The whole training step in one place: full-batch MSE gradient, then one optimiser update (Adam,
 * or SGD) at the scheduled learning rate, {@code steps} times. Stops early, with status DIVERGED,
 * the moment the loss is not finite; never throws for numerical reasons.
 *
 * <p>Under the mean-field parametrisation f = (1/N) sum_i v_i sigma_i + c: the kernel computes
 * equation (1) on phi, theta with every v_i divided by N, and dL/dv_i = (1/N) dL/dphi_v_i. The
 * trained network returned is phi, the function itself in equation (1)'s form, so every analysis
 * reads it as it reads a standard network.
 */
public final class Trainer {
  private Trainer() {}

  /** Trains with the configured kernel ({@link KernelType#configured()}). */
  public static TrainResult train(
      Activation activation, Network init, Dataset train, Dataset test, TrainSettings settings) {
    return train(activation, init, train, test, settings, KernelType.configured());
  }

  /** Trains the standard parametrisation with the given kernel implementation. */
  public static TrainResult train(Activation activation, Network init, Dataset train, Dataset test,
      TrainSettings settings, KernelType kernelType) {
    return train(activation, Parametrization.STANDARD, init, train, test, settings, kernelType);
  }

  /** With leaky_relu's default slope {@link Activation#LEAKY_SLOPE}. */
  public static TrainResult train(Activation activation, Parametrization parametrization,
      Network init, Dataset train, Dataset test, TrainSettings settings, KernelType kernelType) {
    return train(activation, parametrization, Activation.LEAKY_SLOPE, init, train, test, settings,
        kernelType);
  }

  /** {@code leakySlope} is leaky_relu's negative slope ({@link ModelSettings#leakySlope()}). */
  public static TrainResult train(Activation activation, Parametrization parametrization,
      double leakySlope, Network init, Dataset train, Dataset test, TrainSettings settings,
      KernelType kernelType) {
    long start = System.nanoTime();
    int width = init.width();
    double[] theta = init.parameters();
    boolean meanField = parametrization == Parametrization.MEAN_FIELD;
    double[] phi = meanField ? new double[theta.length] : theta; // equation (1)'s parameters
    int vOffset = width * init.dimension() + width;
    double[] grad = new double[theta.length];
    GradientKernel kernel = kernelType.create(activation, leakySlope, width, train);
    Optimizer optimizer = settings.newOptimizer(theta.length);
    StepDecaySchedule schedule = settings.schedule();
    int[] curveSteps = curveSteps(settings.steps(), settings.curvePoints());
    double[] curveLoss = new double[curveSteps.length];
    int recorded = 0;

    for (int step = 0; step < settings.steps(); step++) {
      if (meanField) {
        meanFieldParameters(theta, phi, vOffset, width);
      }
      double loss = kernel.lossAndGradient(phi, grad);
      if (!Double.isFinite(loss)) {
        return diverged(loss, phi, init, step, curveSteps, curveLoss, recorded, start);
      }
      if (recorded < curveSteps.length && curveSteps[recorded] == step) {
        curveLoss[recorded++] = loss;
      }
      if (meanField) {
        for (int i = vOffset; i < vOffset + width; i++) {
          grad[i] /= width;
        }
      }
      optimizer.step(theta, grad, schedule.rate(step));
    }

    if (meanField) {
      meanFieldParameters(theta, phi, vOffset, width);
    }
    double trainLoss = kernel.loss(phi);
    if (!Double.isFinite(trainLoss)) {
      return diverged(trainLoss, phi, init, settings.steps(), curveSteps, curveLoss, recorded, start);
    }
    curveLoss[recorded] = trainLoss;
    double testLoss = kernelType.create(activation, leakySlope, width, test).loss(phi);
    Network trained = Network.fromParameters(init.dimension(), width, phi);
    return new TrainResult(TrainStatus.OK, trainLoss, testLoss, trained, settings.steps(),
        curveSteps, curveLoss, seconds(start));
  }

  /** phi = theta with v_i / N: the mean-field network written as equation (1). */
  private static void meanFieldParameters(double[] theta, double[] phi, int vOffset, int width) {
    System.arraycopy(theta, 0, phi, 0, theta.length);
    for (int i = vOffset; i < vOffset + width; i++) {
      phi[i] = theta[i] / width;
    }
  }

  private static TrainResult diverged(double loss, double[] theta, Network init, int step,
      int[] curveSteps, double[] curveLoss, int recorded, long start) {
    return new TrainResult(TrainStatus.DIVERGED, loss, Double.NaN,
        Network.fromParameters(init.dimension(), init.width(), theta), step,
        Arrays.copyOf(curveSteps, recorded), Arrays.copyOf(curveLoss, recorded), seconds(start));
  }

  /**
   * Steps at which the loss curve is sampled: 0, then about {@code points - 1} steps spaced evenly
   * in log10 between 1 and {@code steps} (duplicates from rounding dropped), always ending at
   * {@code steps}, the loss after the last update.
   */
  public static int[] curveSteps(int steps, int points) {
    int[] out = new int[points + 1];
    int count = 0;
    out[count++] = 0;
    double top = Math.log10(steps);
    for (int k = 0; k < points - 1; k++) {
      int s = (int) Math.round(Math.pow(10.0, top * k / Math.max(1, points - 2)));
      s = Math.min(Math.max(s, 1), steps);
      if (s > out[count - 1]) {
        out[count++] = s;
      }
    }
    if (out[count - 1] != steps) {
      out[count++] = steps;
    }
    return Arrays.copyOf(out, count);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
