package org.lotteryscaling.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The peaks of one width's log10-loss distribution and the lottery-ticket rate (section 3: the peak
 * with the lowest loss holds the lottery tickets).
 *
 * <p>Rules, stated once:
 * <ul>
 *   <li>Peaks: {@link LogLossPeaks} with {@link #RULE} over the ok networks' log10
 *       losses ({@link LogLoss}): a binned Gaussian kernel density on {@value #GRID_POINTS} points
 *       from min - 3h to max + 3h, its local maxima of prominence at least
 *       {@value #MIN_PROMINENCE} times the density's maximum, networks split at the valleys.
 *   <li>Bandwidth: Silverman's rule of thumb h = 0.9 min(sd, IQR / 1.34) n^(-1/5) (sd with n - 1;
 *       IQR of type-7 quantiles; if min(...) is 0, sd is used).
 *   <li>Lottery-ticket rate: networks in the lowest-loss peak divided by all networks of the width,
 *       diverged included (the chance that a seed gives a ticket).
 *   <li>Degenerate cases: no ok network gives no peaks and a rate of 0; when h is 0 (one ok network,
 *       or all ok losses equal) the density is a point mass: one peak there, holding every ok network,
 *       and the bandwidth is reported as 0 (density and prominence NaN).
 * </ul>
 *
 * <p>Stability: the peak count is also taken at each bandwidth of {@link #BANDWIDTH_FACTORS} times
 * h (half to twice Silverman's, in half-octave steps), and {@link #countLow} and {@link
 * #countHigh} are the fewest and most peaks found over them: a count that holds over that range
 * is a property of the losses, one that changes within it a property of the smoothing. The
 * point-mass and empty cases have one count at every bandwidth.
 */
public record LossModes(double bandwidth, List<Peak> peaks, long networks, int countLow,
    int countHigh) {

  public static final int GRID_POINTS = 512;
  public static final double MIN_PROMINENCE = 0.05;
  /** The peak finder's parameters: the grid reaches 3h beyond the extreme losses. */
  public static final LogLossPeaks.Rule RULE =
      new LogLossPeaks.Rule(3, GRID_POINTS, 0, MIN_PROMINENCE, 1);
  /** The bandwidths, as multiples of Silverman's h, over which the peak count's range is taken. */
  public static final List<Double> BANDWIDTH_FACTORS =
      List.of(0.5, Math.sqrt(0.5), 1.0, Math.sqrt(2), 2.0);

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
      return new LossModes(Double.NaN, List.of(), w.networks(), 0, 0);
    }
    double h = silvermanBandwidth(x);
    if (h == 0) {
      return new LossModes(0, List.of(new Peak(x[0], Double.NaN, Double.NaN, n)), w.networks(),
          1, 1);
    }
    List<Peak> peaks = new ArrayList<>();
    for (LogLossPeaks.Peak p : LogLossPeaks.find(x, h, RULE)) {
      peaks.add(new Peak(p.log10Loss(), p.density(), p.prominence(), p.members()));
    }
    int low = peaks.size();
    int high = peaks.size();
    for (double factor : BANDWIDTH_FACTORS) {
      if (factor != 1.0) {
        int count = LogLossPeaks.find(x, factor * h, RULE).size();
        low = Math.min(low, count);
        high = Math.max(high, count);
      }
    }
    return new LossModes(h, List.copyOf(peaks), w.networks(), low, high);
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
}
