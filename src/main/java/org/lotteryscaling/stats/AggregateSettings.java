package org.lotteryscaling.stats;

import java.io.Serializable;
import org.lotteryscaling.task.Seeds;

/**
 * The knobs of the aggregate job: histogram bins per (target, activation), bootstrap replicates of
 * the scaling fits, and the seed of every resampling stream (fits, synergy pairs, medians).
 *
 * <p>{@code lawResamples} is the number of replicates of the nonlinear fits (the offset and joint
 * laws of scaling_fit), apart from {@code resamples} (the power-law fits and medians): each of
 * their replicates is a multi-start Huber optimisation, about a thousand times the cost of a
 * least-squares line, so they get fewer.
 */
public record AggregateSettings(int bins, int resamples, long seed, int lawResamples)
    implements Serializable {

  public static final int DEFAULT_BINS = 40;
  public static final int DEFAULT_RESAMPLES = 1000;
  public static final int DEFAULT_LAW_RESAMPLES = 200;

  public AggregateSettings {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1, got " + bins);
    }
    if (resamples < 1) {
      throw new IllegalArgumentException("bootstrap resamples must be >= 1, got " + resamples);
    }
    if (lawResamples < 1) {
      throw new IllegalArgumentException("bootstrap resamples of the offset and joint laws must be"
          + " >= 1, got " + lawResamples);
    }
  }

  /**
   * The settings with the laws' replicates at their default, or at {@code resamples} when that is
   * fewer (asking for a quick bootstrap makes every bootstrap quick).
   */
  public AggregateSettings(int bins, int resamples, long seed) {
    this(bins, resamples, seed, Math.min(resamples, DEFAULT_LAW_RESAMPLES));
  }

  public static AggregateSettings defaults() {
    return new AggregateSettings(DEFAULT_BINS, DEFAULT_RESAMPLES, Seeds.DEFAULT_RESAMPLING_SEED);
  }
}
