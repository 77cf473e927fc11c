package org.lotteryscaling.mechanism;

import java.util.Arrays;
import java.util.List;
import org.lotteryscaling.stats.LogLossPeaks;

/**
 * The peaks of the width-2 loss histogram on a log scale (figure 2b) and which peak each network
 * belongs to, by the project's one peak finder ({@link LogLossPeaks}) with the tickets' own
 * parameters: a fixed bandwidth {@code h} decades (default {@value #DEFAULT_BANDWIDTH}) instead of
 * the aggregate's data-driven one, a grid of step h/10 reaching 4h beyond the extreme losses, and
 * every peak whose dip towards a higher peak goes below {@value #MERGE_DEPTH} of its height (a dip
 * of less than 10% is noise, not a separate peak). Peaks are numbered from the lowest loss: peak 0
 * holds the paper's "lottery tickets".
 *
 * @param peakOf      per loss (input order), its peak's number
 * @param modeLog10   per peak, log10 of the loss where its density is highest
 * @param count       per peak, how many losses belong to it
 */
public record LossPeaks(int[] peakOf, double[] modeLog10, int[] count) {

  public static final double DEFAULT_BANDWIDTH = 0.1;
  public static final double MERGE_DEPTH = 0.9;
  public static final LogLossPeaks.Rule RULE = new LogLossPeaks.Rule(4, 0, 10, 0, MERGE_DEPTH);

  public int peaks() {
    return modeLog10.length;
  }

  /** Losses must be finite and positive. */
  public static LossPeaks of(double[] losses, double bandwidth) {
    if (!(bandwidth > 0)) {
      throw new IllegalArgumentException("bandwidth must be > 0, got " + bandwidth);
    }
    int n = losses.length;
    if (n == 0) {
      return new LossPeaks(new int[0], new double[0], new int[0]);
    }
    Integer[] order = new Integer[n];
    double[] logs = new double[n];
    for (int i = 0; i < n; i++) {
      if (!(losses[i] > 0) || !Double.isFinite(losses[i])) {
        throw new IllegalArgumentException("losses must be finite and > 0, got " + losses[i]);
      }
      logs[i] = Math.log10(losses[i]);
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(logs[a], logs[b]));
    double[] sorted = new double[n];
    for (int k = 0; k < n; k++) {
      sorted[k] = logs[order[k]];
    }
    List<LogLossPeaks.Peak> found = LogLossPeaks.find(sorted, bandwidth, RULE);
    int[] peakOf = new int[n];
    double[] modes = new double[found.size()];
    int[] count = new int[found.size()];
    for (int p = 0; p < found.size(); p++) {
      LogLossPeaks.Peak peak = found.get(p);
      modes[p] = peak.log10Loss();
      count[p] = peak.members();
      for (int k = peak.first(); k < peak.end(); k++) {
        peakOf[order[k]] = p;
      }
    }
    return new LossPeaks(peakOf, modes, count);
  }
}
