package org.lotteryscaling.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The peaks of a log10-loss distribution, the one peak finder of the project: the aggregate job's
 * loss_modes ({@link LossModes#RULE}) and the mechanism analysis's tickets (mechanism.LossPeaks)
 * call it with their own parameters.
 *
 * <ol>
 *   <li>Density: Gaussian kernel density with bandwidth h (decades) on an equally spaced grid from
 *       min - margin h to max + margin h, binned as R's density() does: each sample's unit mass is
 *       split linearly between its two neighbouring grid points, then smoothed with the kernel.
 *       Binning keeps every sample's mass on the grid even when h is far below the grid step.
 *   <li>Peaks: local maxima of the density on the grid (a plateau counts once, at its middle; the
 *       density is 0 outside the grid). Each has two bases, the lowest point on either side before
 *       a higher point (0 when that side reaches the grid's end), and a topographic prominence,
 *       height minus the higher base (as scipy.signal.peak_prominences). A peak is kept when its
 *       prominence is at least {@code minProminence} times the density's maximum and its higher
 *       base is below {@code maxBase} times its own height (a dip of less than 1 - maxBase of the
 *       height is noise, not a separate peak).
 *   <li>Members: the lowest density point between two consecutive peaks is the valley that
 *       separates them; each sample belongs to the peak between the valleys around it (a sample
 *       exactly on a valley to the higher-loss peak).
 * </ol>
 */
public final class LogLossPeaks {
  private LogLossPeaks() {}

  /**
   * The grid and which maxima count: the grid reaches {@code margin} bandwidths beyond the extreme
   * samples, with {@code gridPoints} points or, when that is 0, a step of
   * h / {@code stepsPerBandwidth}.
   */
  public record Rule(double margin, int gridPoints, int stepsPerBandwidth, double minProminence,
      double maxBase) {

    public Rule {
      if (!(margin >= 0) || (gridPoints == 0 ? stepsPerBandwidth < 1 : gridPoints < 2)) {
        throw new IllegalArgumentException("bad peak grid: margin " + margin + ", " + gridPoints
            + " points, " + stepsPerBandwidth + " steps per bandwidth");
      }
    }
  }

  /**
   * One peak: where (log10 loss, a grid point), how high and how prominent (density units), and
   * its members, the samples {@code first} (inclusive) to {@code end} (exclusive) of the ascending
   * sample.
   */
  public record Peak(double log10Loss, double density, double prominence, int first, int end) {
    public int members() {
      return end - first;
    }
  }

  /** The peaks, lowest loss first, of an ascending, non-empty sample of log10 losses, h > 0. */
  public static List<Peak> find(double[] sorted, double h, Rule rule) {
    int n = sorted.length;
    if (n == 0 || !(h > 0)) {
      throw new IllegalArgumentException("peaks need samples and a bandwidth > 0, got " + n
          + " samples, h = " + h);
    }
    double from = sorted[0] - rule.margin() * h;
    double to = sorted[n - 1] + rule.margin() * h;
    int size;
    double step;
    if (rule.gridPoints() > 0) {
      size = rule.gridPoints();
      step = (to - from) / (size - 1);
    } else {
      step = h / rule.stepsPerBandwidth();
      size = (int) Math.ceil((to - from) / step) + 1;
    }
    double[] f = binnedDensity(sorted, h, from, step, size);
    List<Integer> tops = peaks(f, rule);
    List<Peak> out = new ArrayList<>(tops.size());
    int member = 0;
    for (int p = 0; p < tops.size(); p++) {
      int top = tops.get(p);
      double upper = p + 1 < tops.size() ? from + argMin(f, top, tops.get(p + 1)) * step
          : Double.POSITIVE_INFINITY;
      int first = member;
      while (member < n && sorted[member] < upper) {
        member++;
      }
      out.add(new Peak(from + top * step, f[top], prominence(f, top), first, member));
    }
    return List.copyOf(out);
  }

  /** The binned Gaussian kernel density of {@code sample} on the grid from + g step, g < size. */
  static double[] binnedDensity(double[] sample, double h, double from, double step, int size) {
    double[] weight = new double[size];
    for (double xi : sample) {
      double t = (xi - from) / step;
      int k = Math.min(size - 2, (int) Math.floor(t));
      double frac = Math.max(0, Math.min(1, t - k)); // rounding at the grid's ends
      weight[k] += 1 - frac;
      weight[k + 1] += frac;
    }
    double[] kernel = new double[size];
    double norm = 1 / (sample.length * h * Math.sqrt(2 * Math.PI));
    for (int d = 0; d < size; d++) {
      double z = d * step / h;
      kernel[d] = norm * StrictMath.exp(-0.5 * z * z);
    }
    double[] f = new double[size];
    for (int k = 0; k < size; k++) {
      if (weight[k] == 0) {
        continue;
      }
      for (int g = 0; g < size; g++) {
        f[g] += weight[k] * kernel[Math.abs(g - k)];
      }
    }
    return f;
  }

  /** Grid indices of the maxima the rule keeps, ascending (the rule's step 2). */
  static List<Integer> peaks(double[] f, Rule rule) {
    double max = 0;
    for (double v : f) {
      max = Math.max(max, v);
    }
    List<Integer> out = new ArrayList<>();
    int i = 0;
    while (i < f.length) {
      double left = i > 0 ? f[i - 1] : 0;
      if (f[i] > left) {
        int end = i;
        while (end + 1 < f.length && f[end + 1] == f[i]) {
          end++;
        }
        double right = end + 1 < f.length ? f[end + 1] : 0;
        if (right < f[i]) {
          int top = (i + end) / 2;
          if (prominence(f, top) >= rule.minProminence() * max
              && higherBase(f, top) < rule.maxBase() * f[top]) {
            out.add(top);
          }
        }
        i = end + 1;
      } else {
        i++;
      }
    }
    return out;
  }

  /** Height of f[top] above its higher base (scipy.signal.peak_prominences). */
  static double prominence(double[] f, int top) {
    return f[top] - higherBase(f, top);
  }

  /** The higher of the lowest points each side of f[top] before a higher one (0 off the grid). */
  static double higherBase(double[] f, int top) {
    double leftBase = f[top];
    int j = top - 1;
    for (; j >= 0 && f[j] <= f[top]; j--) {
      leftBase = Math.min(leftBase, f[j]);
    }
    if (j < 0) {
      leftBase = 0;
    }
    double rightBase = f[top];
    j = top + 1;
    for (; j < f.length && f[j] <= f[top]; j++) {
      rightBase = Math.min(rightBase, f[j]);
    }
    if (j == f.length) {
      rightBase = 0;
    }
    return Math.max(leftBase, rightBase);
  }

  private static int argMin(double[] f, int from, int to) {
    int best = from;
    for (int j = from + 1; j <= to; j++) {
      if (f[j] < f[best]) {
        best = j;
      }
    }
    return best;
  }
}
