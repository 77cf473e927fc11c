package org.lotteryscaling.task;

import org.lotteryscaling.nn.Activation;

/** One cell of the grid: which network to train. */
public record TaskKey(Target target, Activation activation, int width, long seedIndex) {

  public TaskKey {
    if (width < 1) {
      throw new IllegalArgumentException("width must be >= 1, got " + width);
    }
    if (seedIndex < 0) {
      throw new IllegalArgumentException("seed index must be >= 0, got " + seedIndex);
    }
  }

  @Override
  public String toString() {
    return target + "/" + activation + "/N=" + width + "/seed=" + seedIndex;
  }
}
