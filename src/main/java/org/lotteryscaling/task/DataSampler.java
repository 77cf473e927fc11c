package org.lotteryscaling.task;

import org.lotteryscaling.nn.Dataset;
import org.lotteryscaling.nn.RandomStream;

/**
 * Draws a target's training and test sets, point by point: each coordinate uniform on
 * [low, high] or normal (mean, std), then y = target(x); the training labels get Gaussian noise
 * from a stream of their own, so the inputs are the same points whatever the noise.
 */
public final class DataSampler {
  private DataSampler() {}

  public static Dataset train(Target target, DataSettings settings) {
    Dataset clean = sample(target, settings.trainPoints(), settings,
        Seeds.data(settings.dataSeed(), target.dimension(), Seeds.TRAIN_SPLIT));
    return settings.noise() == 0 ? clean : withNoise(clean, settings.noise(),
        Seeds.data(settings.dataSeed(), target.dimension(), Seeds.NOISE_SPLIT));
  }

  public static Dataset test(Target target, DataSettings settings) {
    return sample(target, settings.testPoints(), settings,
        Seeds.data(settings.dataSeed(), target.dimension(), Seeds.TEST_SPLIT));
  }

  /**
   * The first training or test label of {@code target} that is NaN or infinite, described with
   * its input ("NaN at x = [-1.25]"), or null when every label is finite.
   */
  public static String nonFiniteLabel(Target target, DataSettings settings) {
    for (Dataset data : new Dataset[] {
        sample(target, settings.trainPoints(), settings,
            Seeds.data(settings.dataSeed(), target.dimension(), Seeds.TRAIN_SPLIT)),
        test(target, settings)}) {
      int d = data.dimension();
      for (int m = 0; m < data.size(); m++) {
        if (!Double.isFinite(data.y(m))) {
          double[] point = new double[d];
          for (int j = 0; j < d; j++) {
            point[j] = data.x(m, j);
          }
          return data.y(m) + " at x = " + java.util.Arrays.toString(point);
        }
      }
    }
    return null;
  }

  private static Dataset sample(Target target, int points, DataSettings settings, long seed) {
    int d = target.dimension();
    RandomStream random = new RandomStream(seed);
    boolean normal = settings.distribution() == InputDistribution.NORMAL;
    double[] x = new double[points * d];
    double[] y = new double[points];
    for (int m = 0; m < points; m++) {
      for (int j = 0; j < d; j++) {
        x[m * d + j] = normal ? settings.mean() + settings.std() * random.standardNormal()
            : random.uniform(settings.low(), settings.high());
      }
      y[m] = target.apply(x, m * d);
    }
    return new Dataset(d, x, y);
  }

  private static Dataset withNoise(Dataset clean, double noise, long seed) {
    RandomStream random = new RandomStream(seed);
    double[] y = clean.yCopy();
    for (int m = 0; m < y.length; m++) {
      y[m] += noise * random.standardNormal();
    }
    return new Dataset(clean.dimension(), clean.xCopy(), y);
  }
}
