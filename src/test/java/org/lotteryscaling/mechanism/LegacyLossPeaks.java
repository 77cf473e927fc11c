package org.lotteryscaling.mechanism;

import java.util.ArrayList;
import java.util.List;

/**
 * Test reference: the tickets' peak finder as it was before {@link LossPeaks} became parameters of
 * stats.LogLossPeaks (exact kernel sums on the grid, pairwise merging), kept to compare against.
 *
 * <p>The rule: a Gaussian kernel density of log10(loss) with bandwidth {@code h} decades (default
 * {@value #DEFAULT_BANDWIDTH}), on a grid of step h/10 reaching 4h beyond the extreme losses. Its
 * local maxima are candidate peaks; of two neighbouring peaks, the lower one is merged away when the
 * deepest density between them is at least {@value #MERGE_DEPTH} times its height (a dip of less
 * than 10% is noise, not a separate peak), repeated until no pair merges. The density minima between
 * the remaining peaks split the log-loss axis into basins; each network belongs to the peak of its
 * basin. Peaks are numbered from the lowest loss: peak 0 holds the paper's "lottery tickets".
 *
 * @param peakOf      per loss (input order), its peak's number
 * @param modeLog10   per peak, log10 of the loss where its density is highest
 * @param count       per peak, how many losses belong to it
 */
public record LegacyLossPeaks(int[] peakOf, double[] modeLog10, int[] count) {

  public static final double DEFAULT_BANDWIDTH = 0.1;
  public static final double MERGE_DEPTH = 0.9;

  public int peaks() {
    return modeLog10.length;
  }

  /** Losses must be finite and positive. */
  public static LegacyLossPeaks of(double[] losses, double bandwidth) {
    if (!(bandwidth > 0)) {
      throw new IllegalArgumentException("bandwidth must be > 0, got " + bandwidth);
    }
    int n = losses.length;
    if (n == 0) {
      return new LegacyLossPeaks(new int[0], new double[0], new int[0]);
    }
    double[] logs = new double[n];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (!(losses[i] > 0) || !Double.isFinite(losses[i])) {
        throw new IllegalArgumentException("losses must be finite and > 0, got " + losses[i]);
      }
      logs[i] = Math.log10(losses[i]);
      lo = Math.min(lo, logs[i]);
      hi = Math.max(hi, logs[i]);
    }
    double step = bandwidth / 10;
    double start = lo - 4 * bandwidth;
    int size = (int) Math.ceil((hi + 4 * bandwidth - start) / step) + 1;
    double[] density = new double[size];
    for (int g = 0; g < size; g++) {
      double x = start + g * step;
      double sum = 0;
      for (double l : logs) {
        double z = (x - l) / bandwidth;
        sum += StrictMath.exp(-0.5 * z * z);
      }
      density[g] = sum;
    }

    List<Integer> maxima = new ArrayList<>();
    for (int g = 0; g < size; g++) {
      boolean left = g == 0 || density[g] > density[g - 1];
      boolean right = g == size - 1 || density[g] >= density[g + 1];
      if (left && right) {
        maxima.add(g);
      }
    }
    boolean merged = true;
    while (merged && maxima.size() > 1) {
      merged = false;
      for (int k = 0; k + 1 < maxima.size(); k++) {
        int a = maxima.get(k);
        int b = maxima.get(k + 1);
        double dip = density[argMin(density, a, b)];
        if (dip >= MERGE_DEPTH * Math.min(density[a], density[b])) {
          maxima.remove(density[a] < density[b] ? k : k + 1);
          merged = true;
          break;
        }
      }
    }

    int peaks = maxima.size();
    double[] boundaries = new double[peaks - 1]; // log10 loss of the density minimum between peaks
    for (int k = 0; k + 1 < peaks; k++) {
      boundaries[k] = start + argMin(density, maxima.get(k), maxima.get(k + 1)) * step;
    }
    double[] modes = new double[peaks];
    for (int k = 0; k < peaks; k++) {
      modes[k] = start + maxima.get(k) * step;
    }
    int[] peakOf = new int[n];
    int[] count = new int[peaks];
    for (int i = 0; i < n; i++) {
      int k = 0;
      while (k < boundaries.length && logs[i] > boundaries[k]) {
        k++;
      }
      peakOf[i] = k;
      count[k]++;
    }
    return new LegacyLossPeaks(peakOf, modes, count);
  }

  private static int argMin(double[] xs, int from, int to) {
    int best = from;
    for (int g = from; g <= to; g++) {
      if (xs[g] < xs[best]) {
        best = g;
      }
    }
    return best;
  }
}
