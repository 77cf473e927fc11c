package org.lotteryscaling.stats;

import java.util.Arrays;

/**
 * How many of one width's ok networks fall in each of a set of shared log10-loss bins. An immutable
 * value: the counts are copied in and out, and two histograms are equal when their bins and counts
 * are.
 */
public record LossHistogram(LogBins bins, long[] counts) {

  public LossHistogram {
    if (counts.length != bins.bins()) {
      throw new IllegalArgumentException(counts.length + " counts for " + bins.bins() + " bins");
    }
    counts = counts.clone();
  }

  public static LossHistogram of(LogBins bins, WidthLosses w) {
    long[] counts = new long[bins.bins()];
    for (double loss : w.losses()) {
      counts[bins.bin(LogLoss.log10(loss))]++;
    }
    return new LossHistogram(bins, counts);
  }

  /** The count per bin (a copy). */
  @Override
  public long[] counts() {
    return counts.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LossHistogram h && h.bins.equals(bins) && Arrays.equals(h.counts, counts);
  }

  @Override
  public int hashCode() {
    return 31 * bins.hashCode() + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "LossHistogram[bins=" + bins + ", counts=" + Arrays.toString(counts) + "]";
  }
}
