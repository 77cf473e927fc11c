package org.lotteryscaling.task;

import org.lotteryscaling.nn.ModelSettings;
import org.lotteryscaling.nn.TrainSettings;

/** Everything about training a network except which network: shared by a whole experiment. */
public record TaskSettings(long experimentSeed, DataSettings data, ModelSettings model,
    TrainSettings training) implements java.io.Serializable {

  /** The paper's network (standard parametrisation, PyTorch's initialisation). */
  public TaskSettings(long experimentSeed, DataSettings data, TrainSettings training) {
    this(experimentSeed, data, ModelSettings.paper(), training);
  }

  public static TaskSettings paper() {
    return new TaskSettings(0L, DataSettings.paper(), TrainSettings.paper());
  }
}
