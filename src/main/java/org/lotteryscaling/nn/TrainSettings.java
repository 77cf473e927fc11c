package org.lotteryscaling.nn;

/**
 * How one network is trained: full-batch Adam for {@code steps} steps with a step-decay learning
 * rate, and how many points of the loss curve to keep. Defaults are the paper's (section 2.2).
 */
public record TrainSettings(
    int steps,
    double learningRate,
    int decayEvery,
    double decayFactor,
    double beta1,
    double beta2,
    double epsilon,
    int curvePoints) implements java.io.Serializable {

  public TrainSettings {
    require(steps >= 1, "steps must be >= 1, got " + steps);
    require(learningRate > 0 && Double.isFinite(learningRate), "lr must be > 0, got " + learningRate);
    require(decayEvery >= 1, "decay-every must be >= 1, got " + decayEvery);
    require(decayFactor > 0 && decayFactor <= 1, "decay-factor must be in (0, 1], got " + decayFactor);
    require(beta1 >= 0 && beta1 < 1, "beta1 must be in [0, 1), got " + beta1);
    require(beta2 >= 0 && beta2 < 1, "beta2 must be in [0, 1), got " + beta2);
    require(epsilon > 0, "epsilon must be > 0, got " + epsilon);
    require(curvePoints >= 2, "curve-points must be >= 2, got " + curvePoints);
  }

  /** 50000 steps of Adam(0.9, 0.999, 1e-8) at lr 1e-2, times 0.2 every 10000 steps. */
  public static TrainSettings paper() {
    return new TrainSettings(50_000, 1e-2, 10_000, 0.2, 0.9, 0.999, 1e-8, 50);
  }

  public TrainSettings withSteps(int newSteps) {
    return new TrainSettings(newSteps, learningRate, decayEvery, decayFactor, beta1, beta2, epsilon,
        curvePoints);
  }

  public StepDecaySchedule schedule() {
    return new StepDecaySchedule(learningRate, decayEvery, decayFactor);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
