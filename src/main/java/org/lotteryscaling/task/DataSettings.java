package org.lotteryscaling.task;

/**
 * Where the training and test points come from: i.i.d. inputs drawn from {@code dataSeed}, uniform
 * on [low, high]^d or normal (mean, std) per coordinate, and labels y = target(x), with Gaussian
 * noise of standard deviation {@code noise} added to the training labels only (the test loss
 * measures the clean target). The paper does not state the sample size or how it sampled; 1000 +
 * 1000 uniform points on [-2, 2], noiseless, is this project's choice (docs/setup.md quotes what
 * the paper says; the keys are in docs/experiment.md).
 */
public record DataSettings(int trainPoints, int testPoints, double low, double high, long dataSeed,
    InputDistribution distribution, double mean, double std, double noise)
    implements java.io.Serializable {

  public DataSettings {
    if (trainPoints < 1) {
      throw new IllegalArgumentException("points must be >= 1, got " + trainPoints);
    }
    if (testPoints < 1) {
      throw new IllegalArgumentException("test-points must be >= 1, got " + testPoints);
    }
    if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
      throw new IllegalArgumentException("input range needs low < high, got [" + low + ", " + high + "]");
    }
    if (distribution == null) {
      throw new IllegalArgumentException("distribution must be given");
    }
    if (!Double.isFinite(mean)) {
      throw new IllegalArgumentException("mean must be a finite number, got " + mean);
    }
    if (!(std > 0) || !Double.isFinite(std)) {
      throw new IllegalArgumentException("std must be a finite number > 0, got " + std);
    }
    if (distribution == InputDistribution.UNIFORM && (mean != 0 || std != 1)) {
      throw new IllegalArgumentException("mean and std apply to the normal distribution only, got"
          + " mean " + mean + ", std " + std + " with uniform inputs");
    }
    if (!(noise >= 0) || !Double.isFinite(noise)) {
      throw new IllegalArgumentException("noise must be a finite number >= 0, got " + noise);
    }
  }

  /** Uniform inputs on [low, high], noiseless labels. */
  public DataSettings(int trainPoints, int testPoints, double low, double high, long dataSeed) {
    this(trainPoints, testPoints, low, high, dataSeed, InputDistribution.UNIFORM, 0.0, 1.0, 0.0);
  }

  public static DataSettings paper() {
    return new DataSettings(1000, 1000, -2.0, 2.0, 0L);
  }
}
