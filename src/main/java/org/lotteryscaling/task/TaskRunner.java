package org.lotteryscaling.task;

import org.lotteryscaling.nn.Dataset;
import org.lotteryscaling.nn.Initialization;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.nn.RandomStream;
import org.lotteryscaling.nn.TrainResult;
import org.lotteryscaling.nn.Trainer;

/** Trains the network of one task: a pure function of (settings, key), but for wall time. */
public final class TaskRunner {
  private TaskRunner() {}

  public static Network initialNetwork(TaskSettings settings, TaskKey key) {
    long seed = Seeds.network(settings.experimentSeed(), key.target(), key.activation(),
        key.width(), key.seedIndex());
    return Initialization.pytorchDefault(key.target().dimension(), key.width(), new RandomStream(seed));
  }

  public static TrainResult run(TaskSettings settings, TaskKey key) {
    Dataset train = DataSampler.train(key.target(), settings.data());
    Dataset test = DataSampler.test(key.target(), settings.data());
    return run(settings, key, train, test);
  }

  /** As {@link #run(TaskSettings, TaskKey)}, with the target's datasets already drawn. */
  public static TrainResult run(TaskSettings settings, TaskKey key, Dataset train, Dataset test) {
    return Trainer.train(key.activation(), initialNetwork(settings, key), train, test,
        settings.training());
  }
}
