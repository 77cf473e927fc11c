package org.lotteryscaling.nn;

/**
 * PyTorch's StepLR: the learning rate of 0-based step t is lr0 * gamma^floor(t / every), the power
 * taken by repeated multiplication as StepLR applies it at each boundary.
 */
public record StepDecaySchedule(double initialRate, int every, double factor) {

  public double rate(int step) {
    double lr = initialRate;
    for (int boundary = every; boundary <= step; boundary += every) {
      lr *= factor;
    }
    return lr;
  }
}
