package org.lotteryscaling.task;

import org.lotteryscaling.nn.Dataset;
import org.lotteryscaling.nn.Initialization;
import org.lotteryscaling.nn.KernelType;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.nn.RandomStream;
import org.lotteryscaling.nn.TrainResult;
import org.lotteryscaling.nn.Trainer;

/**
 * Trains the network of one task: a pure function of (settings, key), but for wall time.
 * {@code settings} are the experiment's; the task's setting is applied here.
 */
public final class TaskRunner {
  private TaskRunner() {}

  /** The task's network before training (its setting's init scales and parametrisation). */
  public static Network initialNetwork(TaskSettings settings, TaskKey key) {
    long seed = Seeds.network(settings.experimentSeed(), key);
    return Initialization.of(key.setting().applyTo(settings).model(), key.target().dimension(),
        key.width(), new RandomStream(seed));
  }

  public static TrainResult run(TaskSettings settings, TaskKey key) {
    DataSettings data = key.setting().applyTo(settings).data();
    return run(settings, key, DataSampler.train(key.target(), data),
        DataSampler.test(key.target(), data));
  }

  /**
   * As {@link #run(TaskSettings, TaskKey)}, with the datasets already drawn (for the target and
   * the task's data settings: {@code key.setting().applyTo(settings).data()}).
   */
  public static TrainResult run(TaskSettings settings, TaskKey key, Dataset train, Dataset test) {
    TaskSettings task = key.setting().applyTo(settings);
    return Trainer.train(key.activation(), task.model().parametrization(),
        task.model().leakySlope(), initialNetwork(settings, key), train, test, task.training(),
        KernelType.configured());
  }
}
