package org.lotteryscaling.stats;

import java.io.Serializable;
import org.lotteryscaling.task.Seeds;

/**
 * The knobs of the aggregate job: histogram bins per (target, activation), bootstrap replicates of
 * the scaling fits, and the seed of every resampling stream (fits and synergy pairs).
 */
public record AggregateSettings(int bins, int resamples, long seed) implements Serializable {

  public static final int DEFAULT_BINS = 40;
  public static final int DEFAULT_RESAMPLES = 1000;

  public AggregateSettings {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1, got " + bins);
    }
    if (resamples < 1) {
      throw new IllegalArgumentException("bootstrap resamples must be >= 1, got " + resamples);
    }
  }

  public static AggregateSettings defaults() {
    return new AggregateSettings(DEFAULT_BINS, DEFAULT_RESAMPLES, Seeds.DEFAULT_RESAMPLING_SEED);
  }
}
