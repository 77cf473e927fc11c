package org.lotteryscaling.mechanism;

import java.io.Serializable;
import java.util.List;
import org.lotteryscaling.mechanism.LossPeaks;
import org.lotteryscaling.mechanism.SwapClusters;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.Nonlinearity;
import org.lotteryscaling.task.DataSettings;
import org.lotteryscaling.task.InputDistribution;

/**
 * What `lottery analyze` analyses and how. The data settings must be the experiment's (inputs,
 * their distribution and the label noise), so each run's training points are regenerated exactly
 * (DataSampler), and the leaky slope the one it trained with, so each network is the same function.
 *
 * @param data                the experiment's data settings (of one setting, in a sweep)
 * @param leakySlope          leaky_relu's negative slope the networks trained with
 * @param neuronMinWidth      neurons: networks of at least this width
 * @param ticketWidths        ticket_pairs, ticket_correlation: these widths
 * @param distillWidth        distilled: networks of this width
 * @param ensembleHalfWidths  ensembles: pairs of networks of these widths (empty: every width)
 * @param algorithmLossCut    algorithms: only width-2 networks with train_loss below this
 * @param maxAlgorithms       algorithms: the largest k tried
 * @param gridPoints          points of the x grids of algorithm_curves and ticket_pairs
 * @param peakBandwidth       tickets: kernel bandwidth of the loss-peak finder, in decades
 */
public record AnalyzeSettings(DataSettings data, double leakySlope, int neuronMinWidth,
    List<Integer> ticketWidths, int distillWidth, List<Integer> ensembleHalfWidths,
    double algorithmLossCut, int maxAlgorithms, int gridPoints, double peakBandwidth)
    implements Serializable {

  /**
   * The x grids of normal inputs span mean +- this many standard deviations (95% of the inputs);
   * uniform inputs span [low, high].
   */
  public static final double NORMAL_GRID_SDS = 2.0;

  public AnalyzeSettings {
    require(data != null, "data settings must be given");
    ticketWidths = List.copyOf(ticketWidths);
    ensembleHalfWidths = List.copyOf(ensembleHalfWidths);
    // ModelSettings' rule for the slope; NaN fails it
    require(leakySlope >= 0 && leakySlope < 1, "leaky-slope must be in [0, 1), got " + leakySlope);
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

  /**
   * The paper's choices: widths 10, 30, 50 for tickets (appendix C), 50 for distillation (D),
   * leaky_relu's default slope.
   */
  public static AnalyzeSettings defaults(DataSettings data) {
    return new AnalyzeSettings(data, Activation.LEAKY_SLOPE, 10, List.of(10, 30, 50), 50,
        List.of(), 1e-2, SwapClusters.DEFAULT_MAX_K, 101, LossPeaks.DEFAULT_BANDWIDTH);
  }

  /** These settings on {@code data} with {@code leakySlope} (a swept experiment's at one setting). */
  public AnalyzeSettings at(DataSettings data, double leakySlope) {
    return new AnalyzeSettings(data, leakySlope, neuronMinWidth, ticketWidths, distillWidth,
        ensembleHalfWidths, algorithmLossCut, maxAlgorithms, gridPoints, peakBandwidth);
  }

  /** {@code activation} as the networks were trained with it (its leaky slope). */
  public Nonlinearity nonlinearity(Activation activation) {
    return activation.withLeakySlope(leakySlope);
  }

  /** The lower end of the x grids: low, or mean - 2 sd for normal inputs. */
  public double gridLow() {
    return data.distribution() == InputDistribution.NORMAL
        ? data.mean() - NORMAL_GRID_SDS * data.std() : data.low();
  }

  /** The upper end of the x grids: high, or mean + 2 sd for normal inputs. */
  public double gridHigh() {
    return data.distribution() == InputDistribution.NORMAL
        ? data.mean() + NORMAL_GRID_SDS * data.std() : data.high();
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
