package org.lotteryscaling.nn;

/**
 * What one training run produced. {@code trainLoss} is the final full-batch training MSE (the
 * paper's "loss"), evaluated after the last Adam step; {@code testLoss} the MSE on the held-out
 * points. The loss curve holds the training loss after {@code curveSteps[k]} Adam steps.
 * A diverged run carries the non-finite loss it stopped at and the parameters it had then.
 */
public record TrainResult(
    TrainStatus status,
    double trainLoss,
    double testLoss,
    Network network,
    int stepsDone,
    int[] curveSteps,
    double[] curveLoss,
    double seconds) {

  public boolean ok() {
    return status == TrainStatus.OK;
  }
}
