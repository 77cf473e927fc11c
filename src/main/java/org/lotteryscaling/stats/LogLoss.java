package org.lotteryscaling.stats;

/**
 * The log10 of a loss, the scale on which the paper's histograms and fits live. A loss of exactly 0
 * (a perfect float64 fit) is floored at the smallest normal double, so it stays finite.
 */
public final class LogLoss {
  private LogLoss() {}

  public static final double FLOOR = Double.MIN_NORMAL;

  public static double log10(double loss) {
    return StrictMath.log10(Math.max(loss, FLOOR));
  }

  /** log10 of every loss, in the same order. */
  public static double[] log10(double[] losses) {
    double[] out = new double[losses.length];
    for (int i = 0; i < losses.length; i++) {
      out[i] = log10(losses[i]);
    }
    return out;
  }
}
