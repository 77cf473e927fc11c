package org.lotteryscaling.nn;

import java.util.Arrays;
import java.util.Objects;

/**
 * What one training run produced. {@code trainLoss} is the final full-batch training MSE (the
 * paper's "loss"), evaluated after the last Adam step; {@code testLoss} the MSE on the held-out
 * points. The loss curve holds the training loss after {@code curveSteps[k]} Adam steps.
 * A diverged run carries the non-finite loss it stopped at and the parameters it had then.
 * An immutable value: the curve arrays are copied in and out, and equality compares their contents.
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

  public TrainResult {
    if (curveSteps.length != curveLoss.length) {
      throw new IllegalArgumentException(curveSteps.length + " curve steps but " + curveLoss.length
          + " curve losses");
    }
    curveSteps = curveSteps.clone();
    curveLoss = curveLoss.clone();
  }

  public boolean ok() {
    return status == TrainStatus.OK;
  }

  /** The steps at which the loss curve was sampled (a copy). */
  @Override
  public int[] curveSteps() {
    return curveSteps.clone();
  }

  /** The training loss at each of {@link #curveSteps} (a copy). */
  @Override
  public double[] curveLoss() {
    return curveLoss.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainResult r && r.status == status
        && Double.compare(r.trainLoss, trainLoss) == 0 && Double.compare(r.testLoss, testLoss) == 0
        && Objects.equals(r.network, network) && r.stepsDone == stepsDone
        && Arrays.equals(r.curveSteps, curveSteps) && Arrays.equals(r.curveLoss, curveLoss)
        && Double.compare(r.seconds, seconds) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, trainLoss, testLoss, network, stepsDone,
        Arrays.hashCode(curveSteps), Arrays.hashCode(curveLoss), seconds);
  }

  @Override
  public String toString() {
    return "TrainResult[status=" + status + ", trainLoss=" + trainLoss + ", testLoss=" + testLoss
        + ", network=" + network + ", stepsDone=" + stepsDone + ", curveSteps="
        + Arrays.toString(curveSteps) + ", curveLoss=" + Arrays.toString(curveLoss) + ", seconds="
        + seconds + "]";
  }
}
