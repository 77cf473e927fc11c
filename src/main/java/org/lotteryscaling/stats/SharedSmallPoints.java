package org.lotteryscaling.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a set of curves on one grid is small together: appendix C observes that the error
 * functions of a wide network's tickets are all small at x = 0 and x = +-1.6, which is why the
 * tickets are correlated and so few of them are independent.
 *
 * <p>Each curve e_k is scaled by its largest magnitude, so that every ticket counts alike; at each
 * grid point the median over the curves of |e_k(x)| / max|e_k| is taken; the points returned are
 * the strict local minima of that median (a flat bottom counts once, at its middle; the grid's
 * ends count when the median rises from them) at or below {@link #SMALL}. A curve that is zero
 * everywhere, or whose length is not the grid's, is left out.
 */
public final class SharedSmallPoints {
  private SharedSmallPoints() {}

  /** A median below a tenth of the curves' own scale counts as small. */
  public static final double SMALL = 0.1;

  /** The grid points, ascending, where the curves are small together; empty without curves. */
  public static double[] of(double[] x, List<double[]> curves) {
    double[] median = medianOfScaled(x.length, curves);
    if (median.length == 0) {
      return new double[0];
    }
    List<Double> out = new ArrayList<>();
    int i = 0;
    while (i < median.length) {
      int end = i;
      while (end + 1 < median.length && median[end + 1] == median[i]) {
        end++;
      }
      boolean lowerThanLeft = i == 0 || median[i - 1] > median[i];
      boolean lowerThanRight = end == median.length - 1 || median[end + 1] > median[i];
      boolean wholeGrid = i == 0 && end == median.length - 1;
      if (lowerThanLeft && lowerThanRight && !wholeGrid && median[i] <= SMALL) {
        out.add(x[(i + end) / 2]);
      }
      i = end + 1;
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The median over the usable curves of |e_k| / max|e_k| at each grid point; empty if none. */
  static double[] medianOfScaled(int points, List<double[]> curves) {
    List<double[]> scaled = new ArrayList<>();
    for (double[] e : curves) {
      if (e.length != points) {
        continue;
      }
      double max = 0;
      for (double v : e) {
        max = Math.max(max, Math.abs(v));
      }
      if (!(max > 0) || !Double.isFinite(max)) {
        continue;
      }
      double[] s = new double[points];
      for (int g = 0; g < points; g++) {
        s[g] = Math.abs(e[g]) / max;
      }
      scaled.add(s);
    }
    if (scaled.isEmpty()) {
      return new double[0];
    }
    double[] median = new double[points];
    double[] column = new double[scaled.size()];
    for (int g = 0; g < points; g++) {
      for (int k = 0; k < column.length; k++) {
        column[k] = scaled.get(k)[g];
      }
      median[g] = Quantiles.medianOfUnsorted(column);
    }
    return median;
  }
}
