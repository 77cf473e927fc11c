package org.lotteryscaling.task;

import org.lotteryscaling.nn.Dataset;
import org.lotteryscaling.nn.RandomStream;

/** Draws a target's training and test sets: points uniform on [low, high]^d, point by point. */
public final class DataSampler {
  private DataSampler() {}

  public static Dataset train(Target target, DataSettings settings) {
    return sample(target, settings.trainPoints(), settings,
        Seeds.data(settings.dataSeed(), target.dimension(), Seeds.TRAIN_SPLIT));
  }

  public static Dataset test(Target target, DataSettings settings) {
    return sample(target, settings.testPoints(), settings,
        Seeds.data(settings.dataSeed(), target.dimension(), Seeds.TEST_SPLIT));
  }

  private static Dataset sample(Target target, int points, DataSettings settings, long seed) {
    int d = target.dimension();
    RandomStream random = new RandomStream(seed);
    double[] x = new double[points * d];
    double[] y = new double[points];
    for (int m = 0; m < points; m++) {
      for (int j = 0; j < d; j++) {
        x[m * d + j] = random.uniform(settings.low(), settings.high());
      }
      y[m] = target.apply(x, m * d);
    }
    return new Dataset(d, x, y);
  }
}
