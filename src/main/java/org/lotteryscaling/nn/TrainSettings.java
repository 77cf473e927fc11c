package org.lotteryscaling.nn;

/**
 * How one network is trained: full-batch Adam (or SGD with momentum) for {@code steps} steps with
 * a step-decay learning rate, decoupled weight decay, and how many points of the loss curve to
 * keep. Defaults are the paper's (section 2.2): Adam, no weight decay.
 */
public record TrainSettings(
    int steps,
    double learningRate,
    int decayEvery,
    double decayFactor,
    double beta1,
    double beta2,
    double epsilon,
    int curvePoints,
    OptimizerType optimizer,
    double momentum,
    double weightDecay) implements java.io.Serializable {

  public TrainSettings {
    require(steps >= 1, "steps must be >= 1, got " + steps);
    require(learningRate > 0 && Double.isFinite(learningRate), "lr must be > 0, got " + learningRate);
    require(decayEvery >= 1, "decay-every must be >= 1, got " + decayEvery);
    require(decayFactor > 0 && decayFactor <= 1, "decay-factor must be in (0, 1], got " + decayFactor);
    require(beta1 >= 0 && beta1 < 1, "beta1 must be in [0, 1), got " + beta1);
    require(beta2 >= 0 && beta2 < 1, "beta2 must be in [0, 1), got " + beta2);
    require(epsilon > 0, "epsilon must be > 0, got " + epsilon);
    require(curvePoints >= 2, "curve-points must be >= 2, got " + curvePoints);
    require(optimizer != null, "optimizer must be given");
    require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1), got " + momentum);
    require(momentum == 0 || optimizer == OptimizerType.SGD,
        "momentum applies to the sgd optimizer only (Adam's is beta1), got " + momentum);
    require(weightDecay >= 0 && Double.isFinite(weightDecay),
        "weight-decay must be a finite number >= 0, got " + weightDecay);
  }

  /** Adam, no weight decay: the paper's optimiser. */
  public TrainSettings(int steps, double learningRate, int decayEvery, double decayFactor,
      double beta1, double beta2, double epsilon, int curvePoints) {
    this(steps, learningRate, decayEvery, decayFactor, beta1, beta2, epsilon, curvePoints,
        OptimizerType.ADAM, 0.0, 0.0);
  }

  /** 50000 steps of Adam(0.9, 0.999, 1e-8) at lr 1e-2, times 0.2 every 10000 steps. */
  public static TrainSettings paper() {
    return new TrainSettings(50_000, 1e-2, 10_000, 0.2, 0.9, 0.999, 1e-8, 50);
  }

  public TrainSettings withSteps(int newSteps) {
    return new TrainSettings(newSteps, learningRate, decayEvery, decayFactor, beta1, beta2, epsilon,
        curvePoints, optimizer, momentum, weightDecay);
  }

  /** A fresh optimiser for a parameter vector of this length. */
  public Optimizer newOptimizer(int parameters) {
    return switch (optimizer) {
      case ADAM -> new Adam(parameters, beta1, beta2, epsilon, weightDecay);
      case SGD -> new Sgd(parameters, momentum, weightDecay);
    };
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
