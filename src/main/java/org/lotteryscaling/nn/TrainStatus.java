package org.lotteryscaling.nn;

import java.util.Locale;

/** How a training run ended. */
public enum TrainStatus {
  /** All steps taken with a finite loss. */
  OK,
  /** The loss became NaN or infinite; training stopped at that step. */
  DIVERGED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return id();
  }
}
