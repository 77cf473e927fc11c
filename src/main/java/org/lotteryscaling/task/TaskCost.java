package org.lotteryscaling.task;

/**
 * What a task costs in neuron-steps (docs/setup.md, "Units"): width N x training points M x
 * steps S, times d for the first layer's d inputs. Wall time is roughly proportional to it for a given
 * activation, which is all that balancing partitions needs.
 */
public final class TaskCost {
  private TaskCost() {}

  /** The cost of a task of an experiment whose settings are {@code settings} (before its setting). */
  public static long neuronSteps(TaskSettings settings, TaskKey key) {
    TaskSettings own = key.setting().applyTo(settings); // a sweep over points or steps changes it
    return (long) key.width() * own.data().trainPoints() * own.training().steps()
        * key.target().dimension();
  }

  /** The cost of every task of a list, summed. */
  public static long neuronSteps(TaskSettings settings, Iterable<TaskKey> keys) {
    long total = 0;
    for (TaskKey key : keys) {
      total += neuronSteps(settings, key);
    }
    return total;
  }
}
