package org.lotteryscaling.task;

import org.lotteryscaling.nn.TrainSettings;

/** Everything about training a network except which network: shared by a whole experiment. */
public record TaskSettings(long experimentSeed, DataSettings data, TrainSettings training)
    implements java.io.Serializable {

  public static TaskSettings paper() {
    return new TaskSettings(0L, DataSettings.paper(), TrainSettings.paper());
  }
}
