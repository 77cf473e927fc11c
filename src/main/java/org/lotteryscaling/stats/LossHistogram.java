package org.lotteryscaling.stats;

/** How many of one width's ok networks fall in each of a set of shared log10-loss bins. */
public record LossHistogram(LogBins bins, long[] counts) {

  public static LossHistogram of(LogBins bins, WidthLosses w) {
    long[] counts = new long[bins.bins()];
    for (double loss : w.losses()) {
      counts[bins.bin(LogLoss.log10(loss))]++;
    }
    return new LossHistogram(bins, counts);
  }
}
