package org.lotteryscaling.stats;

import java.util.Arrays;
import org.lotteryscaling.nn.RandomStream;
import org.lotteryscaling.task.Seeds;

/**
 * Section 4's test of ensembling against synergy at width N. If a width-N network were just two
 * independent width-N/2 networks ensembled, its loss would be L~ = 1 / (1/L1 + 1/L2) with L1, L2
 * drawn from the width-N/2 losses. This draws as many such pairs as there are ok N/2 networks (so
 * the resampled sample counts as no more data than was trained; one SplitMix64 stream from
 * {@code seed}, over ascending losses), and compares L~ with the trained width-N losses.
 *
 * <p>Verdict rule, with r = log10(trained median / ensemble median) and p the two-sample KS
 * p-value ({@link KolmogorovSmirnov}):
 * <ul>
 *   <li>{@code synergy}: p < {@value #P_THRESHOLD} and r <= -log10(2): the trained width-N networks
 *       are distributed differently and their median loss is at least 2x lower than ensembling gives;
 *   <li>{@code worse_than_ensembling}: p < {@value #P_THRESHOLD} and r >= log10(2): the trained
 *       networks are at least 2x worse than two ensembled halves (the paper's plateau at large N);
 *   <li>{@code undetermined}: too few networks for the test to ever reach p < {@value #P_THRESHOLD},
 *       even at D = 1 (n1 n2 / (n1 + n2) below about 2.65, e.g. 3 networks at each width);
 *   <li>{@code ensembling}: otherwise: no significant difference, or one smaller than a factor 2.
 * </ul>
 * Needs ok networks at both widths.
 */
public record SynergyTest(int width, int halfWidth, int pairs, int trained, double ensembleMedian,
    double trainedMedian, double log10Ratio, double ksStatistic, double pValue, Verdict verdict) {

  public static final double P_THRESHOLD = 0.01;
  public static final double MIN_LOG10_RATIO = StrictMath.log10(2);

  public enum Verdict {
    SYNERGY, ENSEMBLING, WORSE_THAN_ENSEMBLING, UNDETERMINED;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static SynergyTest of(WidthLosses half, WidthLosses full, long seed) {
    if (full.width() != 2 * half.width()) {
      throw new IllegalArgumentException("width " + full.width() + " is not twice " + half.width());
    }
    if (half.ok() == 0 || full.ok() == 0) {
      throw new IllegalArgumentException("the synergy test needs ok networks at widths "
          + half.width() + " and " + full.width());
    }
    double[] ensemble = ensembleLosses(half, seed);
    double ensembleMedian = Quantiles.median(ensemble);
    double trainedMedian = full.median();
    double r = LogLoss.log10(trainedMedian) - LogLoss.log10(ensembleMedian);
    double d = KolmogorovSmirnov.statistic(ensemble, full.losses());
    double p = KolmogorovSmirnov.pValue(d, ensemble.length, full.ok());
    return new SynergyTest(full.width(), half.width(), ensemble.length, full.ok(), ensembleMedian,
        trainedMedian, r, d, p, verdict(r, p, ensemble.length, full.ok()));
  }

  /** The verdict for log ratio r and p-value p of samples of sizes n1 and n2 (rule above). */
  public static Verdict verdict(double log10Ratio, double pValue, long n1, long n2) {
    if (KolmogorovSmirnov.pValue(1, n1, n2) >= P_THRESHOLD) {
      return Verdict.UNDETERMINED;
    }
    if (pValue < P_THRESHOLD && log10Ratio <= -MIN_LOG10_RATIO) {
      return Verdict.SYNERGY;
    }
    if (pValue < P_THRESHOLD && log10Ratio >= MIN_LOG10_RATIO) {
      return Verdict.WORSE_THAN_ENSEMBLING;
    }
    return Verdict.ENSEMBLING;
  }

  /**
   * The seed of width N's pairs for (target, activation) when the aggregate job ran with
   * {@code resamplingSeed}: with {@link #ensembleLosses} it redraws the synergy table's sample.
   */
  public static long seed(long resamplingSeed, String target, String activation, int width) {
    return Seeds.combine(Seeds.resampling(resamplingSeed, target, activation), width);
  }

  /**
   * The sample the test compares with width N: one pair per ok width-N/2 network, each L1, L2 drawn
   * with replacement from the ascending losses of {@code half}, ensembled as
   * {@link #harmonicEnsemble}; ascending.
   */
  public static double[] ensembleLosses(WidthLosses half, long seed) {
    return ensembleLosses(half.losses(), half.ok(), seed);
  }

  private static double[] ensembleLosses(double[] halfLosses, int pairs, long seed) {
    RandomStream rng = new RandomStream(seed);
    int n = halfLosses.length;
    double[] out = new double[pairs];
    for (int i = 0; i < pairs; i++) {
      double l1 = halfLosses[(int) (rng.nextDouble() * n)];
      double l2 = halfLosses[(int) (rng.nextDouble() * n)];
      out[i] = harmonicEnsemble(l1, l2);
    }
    Arrays.sort(out);
    return out;
  }

  /**
   * The loss of ensembling two lottery tickets of losses l1 and l2 (section 4), 1 / (1/l1 + 1/l2),
   * written as l1 l2 / (l1 + l2) so that a zero loss gives 0 rather than NaN. The one definition:
   * the synergy test, figure 4 and the ensembles table use it.
   */
  public static double harmonicEnsemble(double l1, double l2) {
    double sum = l1 + l2;
    return sum == 0 ? 0 : l1 * l2 / sum;
  }
}
