package org.lotteryscaling.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lotteryscaling.nn.Dataset;

/** Normal inputs and label noise: sample moments within their standard errors, clean test labels. */
class InputNoiseTest {
  private static final int M = 20_000;

  private static DataSettings settings(InputDistribution distribution, double mean, double std,
      double noise) {
    return new DataSettings(M, M, -2.0, 2.0, 3L, distribution, mean, std, noise);
  }

  @Test
  void normalInputsHaveTheirMeanAndStd() {
    Dataset train = DataSampler.train(Target.MUL2, settings(InputDistribution.NORMAL, 1.5, 0.5, 0));
    int n = 2 * M;
    double sum = 0;
    double squares = 0;
    double fourth = 0;
    for (int m = 0; m < M; m++) {
      for (int j = 0; j < 2; j++) {
        double u = train.x(m, j) - 1.5;
        sum += u;
        squares += u * u;
        fourth += u * u * u * u;
      }
    }
    // standard errors of a normal sample: mean sigma/sqrt n, variance sigma^2 sqrt(2/n);
    // within 4 of them (a false alarm about once in 16000 seeds)
    assertEquals(0.0, sum / n, 4 * 0.5 / Math.sqrt(n));
    assertEquals(0.25, squares / n, 4 * 0.25 * Math.sqrt(2.0 / n));
    // the fourth moment of a normal is 3 sigma^4: a uniform of the same variance would give 1.8
    assertEquals(3 * 0.0625, fourth / n, 0.1 * 3 * 0.0625);
  }

  @Test
  void noiseIsAddedToTrainingLabelsOnlyWithItsStd() {
    double noise = 0.3;
    DataSettings noisy = settings(InputDistribution.UNIFORM, 0, 1, noise);
    DataSettings clean = settings(InputDistribution.UNIFORM, 0, 1, 0);
    Dataset train = DataSampler.train(Target.X2, noisy);
    Dataset cleanTrain = DataSampler.train(Target.X2, clean);
    double sum = 0;
    double squares = 0;
    for (int m = 0; m < M; m++) {
      assertEquals(cleanTrain.x(m, 0), train.x(m, 0), "the same inputs whatever the noise");
      double e = train.y(m) - train.x(m, 0) * train.x(m, 0);
      sum += e;
      squares += e * e;
    }
    assertEquals(0.0, sum / M, 4 * noise / Math.sqrt(M));
    assertEquals(noise * noise, squares / M, 4 * noise * noise * Math.sqrt(2.0 / M));

    Dataset test = DataSampler.test(Target.X2, noisy);
    Dataset cleanTest = DataSampler.test(Target.X2, clean);
    for (int m = 0; m < M; m++) {
      assertEquals(test.x(m, 0) * test.x(m, 0), test.y(m), "test labels are the clean target");
      assertEquals(cleanTest.y(m), test.y(m));
    }
  }

  @Test
  void noNoiseAndUniformInputsAreThePapersDraws() {
    DataSettings old = new DataSettings(500, 500, -1.0, 3.0, 9L);
    DataSettings spelled = new DataSettings(500, 500, -1.0, 3.0, 9L, InputDistribution.UNIFORM,
        0.0, 1.0, 0.0);
    Dataset a = DataSampler.train(Target.SIN, old);
    Dataset b = DataSampler.train(Target.SIN, spelled);
    for (int m = 0; m < 500; m++) {
      assertEquals(Double.doubleToLongBits(a.x(m, 0)), Double.doubleToLongBits(b.x(m, 0)));
      assertEquals(Double.doubleToLongBits(a.y(m)), Double.doubleToLongBits(b.y(m)));
    }
  }

  @Test
  void badDataSettingsAreRefusedByName() {
    String[][] cases = {
      {"std must be a finite number > 0", "normal", "0", "0", "0"},
      {"std must be a finite number > 0", "normal", "0", "-1", "0"},
      {"mean must be a finite number", "normal", "NaN", "1", "0"},
      {"noise must be a finite number >= 0", "uniform", "0", "1", "-0.1"},
      {"mean and std apply to the normal distribution only", "uniform", "1", "1", "0"},
    };
    for (String[] c : cases) {
      String message = assertThrows(IllegalArgumentException.class, () -> new DataSettings(10, 10,
          -2, 2, 0, InputDistribution.parse(c[1]), Double.parseDouble(c[2]),
          Double.parseDouble(c[3]), Double.parseDouble(c[4]))).getMessage();
      assertTrue(message.startsWith(c[0]), message);
    }
    assertEquals("unknown distribution 'gauss' (allowed: uniform, normal)",
        assertThrows(IllegalArgumentException.class, () -> InputDistribution.parse("gauss"))
            .getMessage());
  }
}
