package org.lotteryscaling.stats;

import java.util.Arrays;

/**
 * The final losses of every network of one width: how many were trained, and the losses of those
 * that ended ok, ascending. Diverged networks are counted but carry no loss: every loss statistic
 * is over the ok networks only.
 */
public record WidthLosses(int width, long networks, double[] losses) {

  public WidthLosses {
    if (width < 1) {
      throw new IllegalArgumentException("width must be >= 1, got " + width);
    }
    if (losses.length > networks) {
      throw new IllegalArgumentException(losses.length + " ok losses but only " + networks + " networks");
    }
    losses = losses.clone();
    Arrays.sort(losses);
    for (double loss : losses) {
      if (!(loss >= 0 && loss < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("an ok loss must be finite and >= 0, got " + loss);
      }
    }
  }

  public int ok() {
    return losses.length;
  }

  public long diverged() {
    return networks - losses.length;
  }

  /** The losses, ascending (the array itself: do not modify). */
  @Override
  public double[] losses() {
    return losses;
  }

  public double median() {
    return Quantiles.median(losses);
  }
}
