package org.lotteryscaling.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The peaks of one width's log10-loss distribution and the lottery-ticket rate (section 3: the peak
 * with the lowest loss holds the lottery tickets).
 *
 * <p>Rules, stated once:
 * <ul>
 *   <li>Density: Gaussian kernel density of the ok networks' log10 losses, bandwidth by Silverman's
 *       rule of thumb h = 0.9 min(sd, IQR / 1.34) n^(-1/5) (sd with n - 1; IQR of type-7 quantiles;
 *       if min(...) is 0, sd is used), on {@value #GRID_POINTS} equally spaced points from
 *       min - 3h to max + 3h, binned as R's density() does (linear binning onto the grid, then the
 *       kernel; see {@link #binnedDensity}).
 *   <li>Peaks: local maxima of the density on that grid (a plateau counts once, at its middle; the
 *       density is 0 outside the grid) whose topographic prominence (peak height minus the higher of
 *       the lowest points on either side before a higher point, 0 if that side reaches the grid's
 *       end; as scipy.signal.peak_prominences) is at least {@value #MIN_PROMINENCE} times the
 *       density's maximum.
 *   <li>Networks per peak: the lowest density point between two consecutive peaks is the valley that
 *       separates them; each ok network belongs to the peak between the valleys around it.
 *   <li>Lottery-ticket rate: networks in the lowest-loss peak divided by all networks of the width,
 *       diverged included (the chance that a seed gives a ticket).
 *   <li>Degenerate cases: no ok network gives no peaks and a rate of 0; when h is 0 (one ok network,
 *       or all ok losses equal) the density is a point mass: one peak there, holding every ok network,
 *       and the bandwidth is reported as 0 (density and prominence NaN).
 * </ul>
 */
public record LossModes(double bandwidth, List<Peak> peaks, long networks) {

  public static final int GRID_POINTS = 512;
  public static final double MIN_PROMINENCE = 0.05;

  /** One peak: where (log10 loss), how high, how prominent (both in density units), how many networks. */
  public record Peak(double log10Loss, double density, double prominence, long networks) {}

  public int count() {
    return peaks.size();
  }

  /** The peak with the lowest loss, or null when there is none. */
  public Peak lowest() {
    return peaks.isEmpty() ? null : peaks.get(0);
  }

  /** Share of all networks (diverged included) in the lowest-loss peak; 0 without peaks. */
  public double lotteryRate() {
    return peaks.isEmpty() || networks == 0 ? 0 : (double) peaks.get(0).networks() / networks;
  }

  public static LossModes of(WidthLosses w) {
    double[] x = LogLoss.log10(w.losses());
    int n = x.length;
    if (n == 0) {
      return new LossModes(Double.NaN, List.of(), w.networks());
    }
    double h = silvermanBandwidth(x);
    if (h == 0) {
      return new LossModes(0, List.of(new Peak(x[0], Double.NaN, Double.NaN, n)), w.networks());
    }
    double[] grid = new double[GRID_POINTS];
    double from = x[0] - 3 * h;
    double step = (x[n - 1] + 3 * h - from) / (GRID_POINTS - 1);
    for (int g = 0; g < GRID_POINTS; g++) {
      grid[g] = from + g * step;
    }
    double[] f = binnedDensity(x, h, from, step);
    List<Integer> tops = prominentPeaks(f);
    List<Peak> peaks = new ArrayList<>(tops.size());
    int member = 0;
    for (int p = 0; p < tops.size(); p++) {
      int top = tops.get(p);
      double upper = Double.POSITIVE_INFINITY;
      if (p + 1 < tops.size()) {
        upper = grid[argMin(f, top, tops.get(p + 1))];
      }
      int first = member;
      while (member < n && x[member] < upper) {
        member++;
      }
      peaks.add(new Peak(grid[top], f[top], prominence(f, top), member - first));
    }
    return new LossModes(h, List.copyOf(peaks), w.networks());
  }

  /** Silverman's rule on ascending x; 0 when x has no spread. */
  static double silvermanBandwidth(double[] sorted) {
    int n = sorted.length;
    if (n < 2) {
      return 0;
    }
    double sd = LossSummary.sampleSd(sorted);
    double iqr = Quantiles.of(sorted, 0.75) - Quantiles.of(sorted, 0.25);
    double spread = Math.min(sd, iqr / 1.34);
    if (!(spread > 0)) {
      spread = sd;
    }
    return 0.9 * spread * StrictMath.pow(n, -0.2);
  }

  /**
   * The binned Gaussian kernel density on the grid from + g step (g < GRID_POINTS): each sample's
   * unit mass is split linearly between its two neighbouring grid points, and the grid weights are
   * smoothed with the kernel (R's density() does the same). Binning keeps every sample's mass on the
   * grid even when h is far below the grid step (most losses equal to many digits, one far away),
   * where evaluating the kernel at the grid points would miss the samples and find no peak at all.
   */
  static double[] binnedDensity(double[] sample, double h, double from, double step) {
    double[] weight = new double[GRID_POINTS];
    for (double xi : sample) {
      double t = (xi - from) / step;
      int k = Math.min(GRID_POINTS - 2, (int) Math.floor(t));
      double frac = Math.max(0, Math.min(1, t - k)); // rounding at the grid's ends
      weight[k] += 1 - frac;
      weight[k + 1] += frac;
    }
    double[] kernel = new double[GRID_POINTS];
    double norm = 1 / (sample.length * h * Math.sqrt(2 * Math.PI));
    for (int d = 0; d < GRID_POINTS; d++) {
      double z = d * step / h;
      kernel[d] = norm * StrictMath.exp(-0.5 * z * z);
    }
    double[] f = new double[GRID_POINTS];
    for (int k = 0; k < GRID_POINTS; k++) {
      if (weight[k] == 0) {
        continue;
      }
      for (int g = 0; g < GRID_POINTS; g++) {
        f[g] += weight[k] * kernel[Math.abs(g - k)];
      }
    }
    return f;
  }

  /**
   * Grid indices of the local maxima with prominence >= MIN_PROMINENCE * max, ascending. The
   * density counts as 0 outside the grid, so a spike on the grid's first or last point (all mass
   * within far less than a grid step of the smallest or largest loss) is a peak too.
   */
  static List<Integer> prominentPeaks(double[] f) {
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
          if (prominence(f, top) >= MIN_PROMINENCE * max) {
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

  /**
   * Height of f[top] above the higher of its two bases (scipy.signal.peak_prominences): each base is
   * the lowest point on that side before a higher point, or 0 when the side runs off the grid.
   */
  static double prominence(double[] f, int top) {
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
    return f[top] - Math.max(leftBase, rightBase);
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
