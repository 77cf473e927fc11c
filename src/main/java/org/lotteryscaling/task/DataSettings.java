package org.lotteryscaling.task;

/**
 * Where the training and test points come from: i.i.d. uniform on [low, high]^d, drawn from
 * {@code dataSeed}. The paper does not state the sample size or how it sampled; 1000 + 1000
 * uniform points on [-2, 2] is this project's choice (DESIGN.md).
 */
public record DataSettings(int trainPoints, int testPoints, double low, double high, long dataSeed)
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
  }

  public static DataSettings paper() {
    return new DataSettings(1000, 1000, -2.0, 2.0, 0L);
  }
}
