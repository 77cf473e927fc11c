package org.lotteryscaling.stats;

import java.util.List;

/**
 * Equal-width bins on log10 loss from {@code lo} to {@code hi}: bin k holds
 * edge(k) <= log10 loss < edge(k + 1), the last bin also holds {@code hi}. One set of bins is shared
 * by every width of a (target, activation), so their histograms compare bin by bin (figure 3).
 */
public record LogBins(double lo, double hi, int bins) {

  public LogBins {
    if (bins < 1) {
      throw new IllegalArgumentException("need at least one bin, got " + bins);
    }
    if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException("bad bin range [" + lo + ", " + hi + "]");
    }
  }

  /**
   * Bins spanning the smallest to the largest log10 loss of all the given widths; when every loss
   * is the same value v, the range is [v - 0.5, v + 0.5]. Null when no width has an ok loss.
   */
  public static LogBins spanning(List<WidthLosses> widths, int bins) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (WidthLosses w : widths) {
      if (w.ok() > 0) {
        lo = Math.min(lo, LogLoss.log10(w.losses()[0]));
        hi = Math.max(hi, LogLoss.log10(w.losses()[w.ok() - 1]));
      }
    }
    if (lo > hi) {
      return null;
    }
    if (lo == hi) {
      return new LogBins(lo - 0.5, hi + 0.5, bins);
    }
    return new LogBins(lo, hi, bins);
  }

  public double edge(int k) {
    return k == bins ? hi : lo + (hi - lo) * k / bins;
  }

  /** The bin of a log10 loss inside [lo, hi], consistent with {@link #edge} despite rounding. */
  public int bin(double log10Loss) {
    if (log10Loss < lo || log10Loss > hi) {
      throw new IllegalArgumentException(log10Loss + " outside the bins [" + lo + ", " + hi + "]");
    }
    int k = Math.min(bins - 1, (int) ((log10Loss - lo) / (hi - lo) * bins));
    while (k > 0 && log10Loss < edge(k)) {
      k--;
    }
    while (k < bins - 1 && log10Loss >= edge(k + 1)) {
      k++;
    }
    return k;
  }
}
