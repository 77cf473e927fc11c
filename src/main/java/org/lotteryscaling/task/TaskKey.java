package org.lotteryscaling.task;

import org.lotteryscaling.nn.Activation;

/**
 * One cell of the grid: which network to train, and under which setting of the experiment's
 * swept keys ({@link Setting#NONE} without a sweep).
 */
public record TaskKey(Target target, Activation activation, int width, long seedIndex,
    Setting setting) implements java.io.Serializable {

  public TaskKey {
    if (width < 1) {
      throw new IllegalArgumentException("width must be >= 1, got " + width);
    }
    if (seedIndex < 0) {
      throw new IllegalArgumentException("seed index must be >= 0, got " + seedIndex);
    }
    if (setting == null) {
      throw new IllegalArgumentException("a task needs a setting (Setting.NONE without a sweep)");
    }
  }

  /** A task of an experiment without a sweep. */
  public TaskKey(Target target, Activation activation, int width, long seedIndex) {
    this(target, activation, width, seedIndex, Setting.NONE);
  }

  @Override
  public String toString() {
    return target + "/" + activation + "/N=" + width + "/seed=" + seedIndex
        + (setting.isEmpty() ? "" : "/" + setting.toString().replace(' ', '/'));
  }
}
