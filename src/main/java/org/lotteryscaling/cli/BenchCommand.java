package org.lotteryscaling.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.Dataset;
import org.lotteryscaling.nn.KernelType;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.nn.TrainResult;
import org.lotteryscaling.nn.TrainSettings;
import org.lotteryscaling.nn.Trainer;
import org.lotteryscaling.task.DataSampler;
import org.lotteryscaling.task.DataSettings;
import org.lotteryscaling.task.Target;
import org.lotteryscaling.task.TaskKey;
import org.lotteryscaling.task.TaskRunner;
import org.lotteryscaling.task.TaskSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Training throughput in neuron-steps per second (DESIGN.md, "Units": width N x points M x Adam
 * steps S): whole training runs through {@link Trainer} (kernel and Adam), on one thread, after a
 * warm-up run; the median of the timed repetitions.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Training-kernel throughput in neuron-steps per second (one thread, median of repeats).")
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--activation", defaultValue = "silu", description = "silu relu leaky_relu tanh (default ${DEFAULT-VALUE})")
  String activation;

  @Option(names = "--width", defaultValue = "50", description = "hidden width N (default ${DEFAULT-VALUE})")
  int width;

  @Option(names = "--points", defaultValue = "1000", description = "training points M (default ${DEFAULT-VALUE})")
  int points;

  @Option(names = "--steps", defaultValue = "2000", description = "Adam steps per run S (default ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--repeats", defaultValue = "5", description = "timed runs after the warm-up (default ${DEFAULT-VALUE})")
  int repeats;

  @Option(names = "--kernel", defaultValue = "vector", description = "vector or scalar (default ${DEFAULT-VALUE})")
  String kernel;

  @Option(names = "--target", defaultValue = "x2", description = "target function; its dimension is d (default ${DEFAULT-VALUE})")
  String target;

  @Override
  public Integer call() {
    if (width < 1 || steps < 1 || repeats < 1) {
      throw new IllegalArgumentException("width, steps and repeats must be >= 1, got width=" + width
          + " steps=" + steps + " repeats=" + repeats);
    }
    KernelType kernelType = KernelType.parse(kernel);
    TaskKey key = new TaskKey(Target.parse(target), Activation.parse(activation), width, 0);
    DataSettings data = new DataSettings(points, points, -2.0, 2.0, 0L);
    TrainSettings training = TrainSettings.paper().withSteps(steps);
    Dataset train = DataSampler.train(key.target(), data);
    Dataset test = DataSampler.test(key.target(), data);
    Network init = TaskRunner.initialNetwork(new TaskSettings(0L, data, training), key);
    PrintWriter out = spec.commandLine().getOut();
    double neuronSteps = (double) width * points * steps;

    Trainer.train(key.activation(), init, train, test, training, kernelType); // warm-up: JIT
    double[] seconds = new double[repeats];
    for (int k = 0; k < repeats; k++) {
      long start = System.nanoTime();
      TrainResult result = Trainer.train(key.activation(), init, train, test, training, kernelType);
      seconds[k] = (System.nanoTime() - start) / 1e9;
      out.println(String.format(Locale.ROOT, "run %d: %.4f s, train loss %.6e, %.4g neuron-steps/s",
          k + 1, seconds[k], result.trainLoss(), neuronSteps / seconds[k]));
      out.flush();
    }
    double median = median(seconds);
    out.println(String.format(Locale.ROOT,
        "%s kernel, %s, d=%d, N=%d, M=%d, S=%d: median of %d runs %.4f s = %.4g neuron-steps/s",
        kernelType, key.activation(), key.target().dimension(), width, points, steps, repeats, median,
        neuronSteps / median));
    out.flush();
    return 0;
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int h = v.length / 2;
    return v.length % 2 == 1 ? v[h] : (v[h - 1] + v[h]) / 2;
  }
}
