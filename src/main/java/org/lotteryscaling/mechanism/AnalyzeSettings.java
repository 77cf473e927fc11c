package org.lotteryscaling.mechanism;

import java.io.Serializable;
import java.util.List;
import org.lotteryscaling.mechanism.LossPeaks;
import org.lotteryscaling.mechanism.SwapClusters;
import org.lotteryscaling.task.DataSettings;

/**
 * What `lottery analyze` analyses and how. The data settings must be the experiment's, so each run's
 * training points are regenerated exactly (DataSampler); until the train job stores its config in
 * the results folder they are a parameter, by default the paper's.
 *
 * @param trainPoints, testPoints, low, high, dataSeed  the experiment's DataSettings, flattened so
 *     the settings travel to Spark executors
 * @param neuronMinWidth      neurons: networks of at least this width
 * @param ticketWidths        ticket_pairs, ticket_correlation: these widths
 * @param distillWidth        distilled: networks of this width
 * @param ensembleHalfWidths  ensembles: pairs of networks of these widths (empty: every width)
 * @param algorithmLossCut    algorithms: only width-2 networks with train_loss below this
 * @param maxAlgorithms       algorithms: the largest k tried
 * @param gridPoints          points of the x grids of algorithm_curves and ticket_pairs
 * @param peakBandwidth       tickets: kernel bandwidth of the loss-peak finder, in decades
 */
public record AnalyzeSettings(int trainPoints, int testPoints, double low, double high,
    long dataSeed, int neuronMinWidth, List<Integer> ticketWidths, int distillWidth,
    List<Integer> ensembleHalfWidths, double algorithmLossCut, int maxAlgorithms, int gridPoints,
    double peakBandwidth) implements Serializable {

  public AnalyzeSettings {
    data(trainPoints, testPoints, low, high, dataSeed); // validates
    ticketWidths = List.copyOf(ticketWidths);
    ensembleHalfWidths = List.copyOf(ensembleHalfWidths);
    require(neuronMinWidth >= 2, "neuron-min-width must be >= 2, got " + neuronMinWidth);
    for (int w : ticketWidths) {
      require(w >= 2, "ticket widths must be >= 2, got " + w);
    }
    require(distillWidth >= 2, "distill-width must be >= 2, got " + distillWidth);
    for (int w : ensembleHalfWidths) {
      require(w >= 1, "ensemble half widths must be >= 1, got " + w);
    }
    require(algorithmLossCut > 0, "algorithm-loss-cut must be > 0, got " + algorithmLossCut);
    require(maxAlgorithms >= 1, "max-algorithms must be >= 1, got " + maxAlgorithms);
    require(gridPoints >= 2, "grid-points must be >= 2, got " + gridPoints);
    require(peakBandwidth > 0, "peak-bandwidth must be > 0, got " + peakBandwidth);
  }

  /** The paper's choices: widths 10, 30, 50 for tickets (appendix C), 50 for distillation (D). */
  public static AnalyzeSettings defaults(DataSettings data) {
    return new AnalyzeSettings(data.trainPoints(), data.testPoints(), data.low(), data.high(),
        data.dataSeed(), 10, List.of(10, 30, 50), 50, List.of(), 1e-2, SwapClusters.DEFAULT_MAX_K,
        101, LossPeaks.DEFAULT_BANDWIDTH);
  }

  /** These settings on {@code data} (a swept experiment's data at one setting). */
  public AnalyzeSettings withData(DataSettings data) {
    return new AnalyzeSettings(data.trainPoints(), data.testPoints(), data.low(), data.high(),
        data.dataSeed(), neuronMinWidth, ticketWidths, distillWidth, ensembleHalfWidths,
        algorithmLossCut, maxAlgorithms, gridPoints, peakBandwidth);
  }

  public DataSettings data() {
    return data(trainPoints, testPoints, low, high, dataSeed);
  }

  private static DataSettings data(int train, int test, double low, double high, long seed) {
    return new DataSettings(train, test, low, high, seed);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
