package org.lotteryscaling.cli;

import com.sun.management.ThreadMXBean;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lotteryscaling.UserError;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.Dataset;
import org.lotteryscaling.nn.KernelType;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.nn.OptimizerType;
import org.lotteryscaling.nn.TrainResult;
import org.lotteryscaling.nn.TrainSettings;
import org.lotteryscaling.nn.Trainer;
import org.lotteryscaling.task.DataSampler;
import org.lotteryscaling.task.DataSettings;
import org.lotteryscaling.task.Target;
import org.lotteryscaling.task.TaskKey;
import org.lotteryscaling.task.TaskRunner;
import org.lotteryscaling.stats.Quantiles;
import org.lotteryscaling.task.TaskSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Training throughput in neuron-steps per second (docs/setup.md, "Units": width N x points M x
 * optimiser steps S): whole training runs through {@link Trainer} (kernel and the paper's
 * settings with Adam, or plain SGD, momentum 0, with {@code --optimizer sgd}), on one thread, after a
 * warm-up run; the median of the timed repetitions, by elapsed or by this thread's CPU time. Each
 * run also reports the bytes allocated per step (near zero unless the JIT failed to keep the
 * vectors in registers, the first thing to check when the kernel gets slow). The first line names
 * the kernel that ran (for {@code --kernel vector}, the vector shape chosen for this CPU) and the
 * JDK.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Training-kernel throughput in neuron-steps per second (one thread, median of repeats).")
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--activation", defaultValue = "silu", description = "silu relu leaky_relu tanh gelu sigmoid softplus (default ${DEFAULT-VALUE})")
  String activation;

  @Option(names = "--width", defaultValue = "50", description = "hidden width N (default ${DEFAULT-VALUE})")
  int width;

  @Option(names = "--points", defaultValue = "1000", description = "training points M (default ${DEFAULT-VALUE})")
  int points;

  @Option(names = "--steps", defaultValue = "2000", description = "optimiser steps per run S (default ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--repeats", defaultValue = "5", description = "timed runs after the warm-up (default ${DEFAULT-VALUE})")
  int repeats;

  @Option(names = "--kernel", defaultValue = "vector", description = "vector (the widest vector shape this CPU runs "
      + "natively), vector256, vector512 or scalar (default ${DEFAULT-VALUE})")
  String kernel;

  @Option(names = "--clock", defaultValue = "wall", description = "wall (elapsed time) or cpu (this thread's CPU time, "
      + "fairer on a machine shared with other work) (default ${DEFAULT-VALUE})")
  String clock;

  @Option(names = "--optimizer", defaultValue = "adam", description = "adam (the paper's) or sgd (momentum 0) "
      + "(default ${DEFAULT-VALUE})")
  String optimizer;

  @Option(names = "--target", defaultValue = "x2", description = "target function; its dimension is d (default ${DEFAULT-VALUE})")
  String target;

  @Override
  public Integer call() {
    if (width < 1 || steps < 1 || repeats < 1) {
      throw new UserError("width, steps and repeats must be >= 1, got width=" + width
          + " steps=" + steps + " repeats=" + repeats);
    }
    if (!clock.equals("wall") && !clock.equals("cpu")) {
      throw new UserError("unknown clock '" + clock + "' (allowed: wall, cpu)");
    }
    KernelType kernelType = UserError.fromInput(() -> KernelType.parse(kernel).resolved());
    TaskKey key = UserError.fromInput(
        () -> new TaskKey(Target.parse(target), Activation.parse(activation), width, 0));
    DataSettings data = UserError.fromInput(() -> new DataSettings(points, points, -2.0, 2.0, 0L));
    OptimizerType optimizerType = UserError.fromInput(() -> OptimizerType.parse(optimizer));
    TrainSettings paper = TrainSettings.paper();
    TrainSettings training = UserError.fromInput(() -> new TrainSettings(steps, paper.learningRate(),
        paper.decayEvery(), paper.decayFactor(), paper.beta1(), paper.beta2(), paper.epsilon(),
        paper.curvePoints(), optimizerType, 0.0, 0.0));
    Dataset train = DataSampler.train(key.target(), data);
    Dataset test = DataSampler.test(key.target(), data);
    Network init = TaskRunner.initialNetwork(new TaskSettings(0L, data, training), key);
    PrintWriter out = spec.commandLine().getOut();
    double neuronSteps = (double) width * points * steps;

    out.println(String.format(Locale.ROOT, "%s kernel%s on JDK %s (%s), %s",
        kernelType, kernelType == KernelType.parse(kernel) ? "" : " (chosen for this CPU)",
        Runtime.version(), System.getProperty("java.vm.name"), System.getProperty("os.arch")));
    Trainer.train(key.activation(), init, train, test, training, kernelType); // warm-up: JIT
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    double[] wall = new double[repeats];
    double[] cpu = new double[repeats];
    double[] allocated = new double[repeats];
    for (int k = 0; k < repeats; k++) {
      long bytes = threads.getThreadAllocatedBytes(thread);
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      TrainResult result = Trainer.train(key.activation(), init, train, test, training, kernelType);
      wall[k] = (System.nanoTime() - start) / 1e9;
      cpu[k] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      allocated[k] = (double) (threads.getThreadAllocatedBytes(thread) - bytes) / steps;
      out.println(String.format(Locale.ROOT,
          "run %d: wall %.4f s, cpu %.4f s, %.0f bytes allocated per step (kernel setup included), train loss %.6e",
          k + 1, wall[k], cpu[k], allocated[k], result.trainLoss()));
      out.flush();
    }
    double seconds = Quantiles.medianOfUnsorted(clock.equals("cpu") ? cpu : wall);
    out.println(String.format(Locale.ROOT,
        "%s kernel, %s, %s, d=%d, N=%d, M=%d, S=%d, median of %d runs by %s clock: %.6g s = %.4g neuron-steps/s",
        kernelType, key.activation(), optimizerType, key.target().dimension(), width, points, steps,
        repeats, clock,
        seconds, neuronSteps / seconds));
    out.flush();
    return 0;
  }
}
