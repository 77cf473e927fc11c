package org.lotteryscaling.nn;

import java.util.Locale;

/** How a training run ended. */
public enum TrainStatus {
  /** All steps taken with a finite loss. */
  OK,
  /** The loss became NaN or infinite; training stopped at that step. */
  DIVERGED;

  /**
   * Is a stored run's network ok, the one rule every table, analysis and figure counts by: status
   * {@code ok} and a finite train loss >= 0. Training only ends OK with a finite loss; the loss
   * test keeps out a row whose loss was lost or damaged (read back as NaN).
   */
  public static boolean isOk(String status, double trainLoss) {
    return OK.id().equals(status) && trainLoss >= 0 && trainLoss < Double.POSITIVE_INFINITY;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return id();
  }
}
