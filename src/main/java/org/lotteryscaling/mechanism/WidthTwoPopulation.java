package org.lotteryscaling.mechanism;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.lotteryscaling.nn.Nonlinearity;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.stats.Quantiles;

/**
 * The width-2 networks of one (target, activation) as a population (section 3, appendix B): each
 * network's canonical pair and loss peak (the lottery tickets of figure 2b-c), and the algorithms,
 * clusters of the networks below the loss cut under the neuron swap ({@link SwapClusters}), each
 * with its centre, its medoid, its place on the first two principal components ({@link Pca}) and,
 * for one-input targets, its medoid's activation curves (figures 10, 11).
 *
 * @param pairs       per network, its canonical pair
 * @param peaks       the peaks of the networks' log10 losses and which peak each is in
 * @param algorithmOf per network, its algorithm, or -1 when it was not clustered
 * @param pcs         per network, its first two principal-component scores, or null
 * @param algorithms  the algorithms, numbered by increasing mean log10 loss
 * @param clustered   how many networks were below the loss cut
 * @param skipped     why there are no algorithms (fewer than three networks below the cut), or null
 */
public record WidthTwoPopulation(CanonicalPair[] pairs, LossPeaks peaks, int[] algorithmOf,
    double[][] pcs, List<Algorithm> algorithms, int clustered, String skipped) {

  /** The fewest networks below the loss cut that are clustered into algorithms. */
  public static final int MIN_CLUSTERED = 3;

  /**
   * One algorithm.
   *
   * @param centre    the mean of its aligned members, laid out as {@link CanonicalPair#vectorOf}
   * @param centrePcs the centre on the first two principal components
   * @param medoid    the index (into the population) of the member nearest the centre
   * @param curves    the medoid's pre- and post-activations over the data range, one-input
   *                  targets only (else null)
   */
  public record Algorithm(int id, int networks, double share, double[] centre, double[] centrePcs,
      double meanLoss, double medianLoss, CanonicalPair centrePair, int medoid, int clusters,
      double silhouette, double[] explainedRatio, ActivationCurves curves) {}

  /**
   * The population of {@code networks} (all of width 2 and input dimension {@code d}) with
   * training losses {@code losses}, by the settings' loss cut, bandwidth, cluster limit and grid.
   */
  public static WidthTwoPopulation of(Network[] networks, double[] losses, int d,
      Nonlinearity activation, AnalyzeSettings s) {
    int n = networks.length;
    CanonicalPair[] pairs = new CanonicalPair[n];
    for (int i = 0; i < n; i++) {
      pairs[i] = CanonicalPair.of(networks[i]);
    }
    LossPeaks peaks = LossPeaks.of(losses, s.peakBandwidth());
    List<Integer> below = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (losses[i] < s.algorithmLossCut()) {
        below.add(i);
      }
    }
    int[] algorithmOf = new int[n];
    Arrays.fill(algorithmOf, -1);
    double[][] pcs = new double[n][];
    int m = below.size();
    if (m < MIN_CLUSTERED) {
      return new WidthTwoPopulation(pairs, peaks, algorithmOf, pcs, List.of(), m,
          String.format(Locale.ROOT, "%d width-2 networks below loss %s, need %d", m,
              s.algorithmLossCut(), MIN_CLUSTERED));
    }
    double[][] points = new double[m][];
    double[] logLoss = new double[m];
    for (int k = 0; k < m; k++) {
      points[k] = pairs[below.get(k)].vector();
      logLoss[k] = Math.log10(losses[below.get(k)]);
    }
    SwapClusters c = SwapClusters.of(points, d, s.maxAlgorithms(), logLoss, 0L);
    Pca pca = Pca.of(c.aligned());
    for (int k = 0; k < m; k++) {
      algorithmOf[below.get(k)] = c.labels()[k];
      pcs[below.get(k)] = pca.scores(c.aligned()[k], 2);
    }
    double[] grid = ActivationCurves.grid(s.gridLow(), s.gridHigh(), s.gridPoints());
    List<Algorithm> algorithms = new ArrayList<>(c.k());
    for (int a = 0; a < c.k(); a++) {
      List<Integer> members = new ArrayList<>();
      for (int k = 0; k < m; k++) {
        if (c.labels()[k] == a) {
          members.add(k);
        }
      }
      double[] memberLoss = new double[members.size()];
      int medoid = members.get(0);
      double sum = 0;
      for (int q = 0; q < members.size(); q++) {
        int k = members.get(q);
        memberLoss[q] = losses[below.get(k)];
        sum += memberLoss[q];
        if (SwapClusters.distance(c.aligned()[k], c.centers()[a], d)
            < SwapClusters.distance(c.aligned()[medoid], c.centers()[a], d)) {
          medoid = k;
        }
      }
      Arrays.sort(memberLoss);
      double[] centre = c.centers()[a];
      ActivationCurves curves = d == 1
          ? ActivationCurves.of(CanonicalPair.networkOf(d, c.aligned()[medoid]), activation, grid)
          : null;
      algorithms.add(new Algorithm(a, members.size(), (double) members.size() / m, centre,
          pca.scores(centre, 2), sum / members.size(), Quantiles.median(memberLoss),
          CanonicalPair.of(CanonicalPair.networkOf(d, centre)), below.get(medoid), c.k(),
          c.silhouette(), pca.explainedRatio(), curves));
    }
    return new WidthTwoPopulation(pairs, peaks, algorithmOf, pcs, List.copyOf(algorithms), m,
        null);
  }
}
