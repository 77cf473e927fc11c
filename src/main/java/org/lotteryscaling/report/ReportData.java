package org.lotteryscaling.report;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.lotteryscaling.nn.TrainStatus;
import org.lotteryscaling.tables.ColumnName;
import org.lotteryscaling.tables.NullWhenAbsent;
import org.lotteryscaling.stats.PowerLawFit;

/**
 * Everything the report draws, as plain values read from the result tables (jobs.ReportJob reads
 * them with Spark; nothing here knows Spark). A table the folder lacks is an empty list plus an
 * entry in {@code unavailable} saying why, so each figure can say why it was skipped. Most records
 * are projections of one table ({@code tables.ResultTables}): each component reads the column of
 * its name in snake_case, or the one {@link ColumnName} names; a null reads as NaN (-1 for whole
 * numbers). Neuron, Ticket and Algorithm are computed from whole rows.
 */
public record ReportData(
    String resultsName,
    List<NetworkLoss> runs,
    List<LossSummary> summaries,
    List<HistogramBin> histograms,
    List<LossModes> modes,
    List<ScalingFit> fits,
    List<OffsetFit> offsetFits,
    List<Synergy> synergy,
    List<Neuron> neurons,
    List<Ticket> tickets,
    List<Algorithm> algorithms,
    List<TicketPair> ticketPairs,
    List<TicketCorrelation> correlations,
    List<Distilled> distilled,
    List<Ensemble> ensembles,
    Map<String, String> unavailable) {

  /** The experiment the paper's main text is about: its figures and claims are drawn from it. */
  public static final String MAIN_TARGET = "x2";
  public static final String MAIN_ACTIVATION = "silu";

  /** One trained network's final loss (from runs). */
  public record NetworkLoss(String target, String activation, int width, long seed, String status,
      double trainLoss) {
    public boolean ok() {
      return TrainStatus.isOk(status, trainLoss);
    }
  }

  /** Quantiles of the final loss over seeds, per (target, activation, width). */
  public record LossSummary(String target, String activation, int width, long networks,
      @ColumnName("loss_q25") double q25, @ColumnName("loss_median") double median,
      @ColumnName("loss_q75") double q75,
      @NullWhenAbsent @ColumnName("loss_median_low") double medianLow,
      @NullWhenAbsent @ColumnName("loss_median_high") double medianHigh) {

    /** A row without the median's bootstrap interval (NaN, as a null column reads). */
    public LossSummary(String target, String activation, int width, long networks, double q25,
        double median, double q75) {
      this(target, activation, width, networks, q25, median, q75, Double.NaN, Double.NaN);
    }

    /** Whether the median's 95% interval is known and drawable on a log axis. */
    public boolean hasPositiveInterval() {
      return medianLow > 0 && medianHigh >= medianLow && Double.isFinite(medianHigh);
    }
  }

  /** One bin of a log10-loss histogram; edges are log10(loss). */
  public record HistogramBin(String target, String activation, int width,
      @ColumnName("log10_lo") double log10Low, @ColumnName("log10_hi") double log10High,
      long count) {}

  /**
   * The peaks of one width's log10-loss distribution, the fewest and most peaks over bandwidths
   * from half to twice the one used (-1 in a folder aggregated before those columns), and the
   * share in the lowest-loss peak.
   */
  public record LossModes(String target, String activation, int width, int peaks,
      @NullWhenAbsent int peaksLow, @NullWhenAbsent int peaksHigh, double[] peakLog10,
      @ColumnName("lottery_rate") double lowestPeakShare) {

    /** Whether the folder gives the count's range over bandwidths. */
    public boolean hasRange() {
      return peaksLow >= 0 && peaksHigh >= peaksLow;
    }

    /** Fewest peaks over the bandwidths (the count itself without a range). */
    public int fewest() {
      return hasRange() ? peaksLow : peaks;
    }

    /** Most peaks over the bandwidths (the count itself without a range). */
    public int most() {
      return hasRange() ? peaksHigh : peaks;
    }

    /** The count's range over the bandwidths: "2", or "1-3". */
    public String rangeText() {
      return fewest() == most() ? Integer.toString(fewest()) : fewest() + "-" + most();
    }

    /** "2", or "2 (1-3 from h/2 to 2h)" where the count depends on the bandwidth. */
    public String countText() {
      return fewest() == most() ? Integer.toString(peaks)
          : peaks + " (" + rangeText() + " from h/2 to 2h)";
    }
  }

  /**
   * A power law median ~ C N^-alpha over widths [widthFrom, widthTo]: kind "all" (every width) or
   * "wide" (widths >= 10) for a least-squares fit over a range, "local" for the exponent between two
   * consecutive widths. prefactor is C, NaN when the table does not give it.
   */
  public record ScalingFit(String target, String activation, String kind,
      @ColumnName("width_min") int widthFrom, @ColumnName("width_max") int widthTo, double alpha,
      double alphaLow, double alphaHigh, double prefactor) {

    /** A least-squares fit over a range of widths (kind all or wide), not a local exponent. */
    public boolean isRangeFit() {
      return kind.equals(PowerLawFit.Kind.ALL.id()) || kind.equals(PowerLawFit.Kind.WIDE.id());
    }
  }
  /**
   * An offset law median = E + A N^-alpha of the training loss (scaling_fit's form offset), and
   * whether the law selection chose it over the pure power law (chosen; false when not made).
   */
  public record OffsetFit(String target, String activation,
      @ColumnName("width_min") int widthFrom, @ColumnName("width_max") int widthTo, double alpha,
      double alphaLow, double alphaHigh, double prefactor, double offset, double offsetLow,
      double offsetHigh, boolean chosen) {

    /** E + A N^-alpha. */
    public double at(double width) {
      return offset + prefactor * Math.pow(width, -alpha);
    }
  }


  /** Trained width N against the N/2 + N/2 harmonic ensembling prediction. */
  public record Synergy(String target, String activation, int width, double trainedMedian,
      @ColumnName("ensemble_median") double ensembledMedian, double log10Ratio,
      double ksStatistic, @ColumnName("p_value") double ksPValue, String verdict) {}

  /**
   * One hidden neuron of a network (first input coordinate of w), with the distance from its
   * mirror image (-w, b) to the nearest other neuron, and its network's symmetry: the share of
   * neurons with a close mirror partner, that share for a random control, and the score
   * (share - control) / (1 - control). NaN where the table does not give them.
   */
  public record Neuron(String target, String activation, int width, long seed, double w, double b,
      double v, double mirrorDistance, double share, double controlShare, double score) {}

  /**
   * One width-2 network: its loss, loss peak (0 = lowest), algorithm cluster, first two principal
   * components, canonical parameters (w1, w2, b1, b2, v1, v2, c) and symmetry residuals.
   */
  public record Ticket(String target, String activation, long seed, double loss, int peak,
      int algorithm, double pc1, double pc2, double[] params, double residualW, double residualB,
      double residualV) {}

  /** One algorithm (cluster of width-2 solutions) with its neurons' activations on a grid of x. */
  public record Algorithm(String target, String activation, int algorithm, long size,
      double meanLoss, boolean symmetric, double[] x, double[] pre1, double[] post1, double[] pre2,
      double[] post2) {}

  /** One point of an algorithm's activation curves: neuron 0 or 1 at input x. */
  public record CurvePoint(String target, String activation, int algorithm, int neuron, double x,
      @ColumnName("pre_activation") double pre, @ColumnName("post_activation") double post) {}

  /**
   * The algorithms with their curves filled in from curve points (x ascending per neuron); an
   * algorithm without points, or with other than two neurons, keeps empty curves.
   */
  public static List<Algorithm> withCurves(List<Algorithm> algorithms, List<CurvePoint> points) {
    List<Algorithm> out = new java.util.ArrayList<>(algorithms.size());
    for (Algorithm a : algorithms) {
      List<CurvePoint> mine = where(points, p -> p.target().equals(a.target())
          && p.activation().equals(a.activation()) && p.algorithm() == a.algorithm());
      List<CurvePoint> first = sortedByX(where(mine, p -> p.neuron() == 0));
      List<CurvePoint> second = sortedByX(where(mine, p -> p.neuron() == 1));
      if (first.isEmpty() || first.size() != second.size() || first.size() + second.size() != mine.size()) {
        out.add(a);
        continue;
      }
      out.add(new Algorithm(a.target(), a.activation(), a.algorithm(), a.size(), a.meanLoss(),
          a.symmetric(), first.stream().mapToDouble(CurvePoint::x).toArray(),
          first.stream().mapToDouble(CurvePoint::pre).toArray(),
          first.stream().mapToDouble(CurvePoint::post).toArray(),
          second.stream().mapToDouble(CurvePoint::pre).toArray(),
          second.stream().mapToDouble(CurvePoint::post).toArray()));
    }
    return out;
  }

  private static List<CurvePoint> sortedByX(List<CurvePoint> points) {
    return points.stream().sorted(java.util.Comparator.comparingDouble(CurvePoint::x)).toList();
  }

  /** One symmetric pair of neurons (a ticket) of a wide network: R^2 and error function on x. */
  public record TicketPair(String target, String activation, int width, long seed,
      @ColumnName("ticket") int pair, double r2, @ColumnName("error_x") double[] x,
      double[] error) {}

  /** Correlation matrix (row-major, size x size) of a network's ticket error functions. */
  public record TicketCorrelation(String target, String activation, int width, long seed,
      @ColumnName("tickets") int size, @ColumnName("correlation") double[] matrix,
      double effectiveTickets) {}

  /** A width-2 network distilled from a wide network's best ticket. */
  public record Distilled(String target, String activation, long seed,
      @ColumnName("train_loss") double loss) {}

  /** Two trained N/2 networks combined by least squares: actual loss against the harmonic formula. */
  public record Ensemble(String target, String activation, int width,
      @ColumnName("ensemble_loss") double actualLoss, double harmonicLoss) {}

  /**
   * The fit to draw and judge against the paper: the widest range fit (kind all or wide) starting
   * at N >= 10, where the paper's figure 1c starts (a fit over N = 1..50 mixes in the narrow
   * networks' steeper start), else the widest range fit; null without one.
   */
  public ScalingFit paperRangeFit(String target, String activation) {
    ScalingFit fromTen = widestRangeFit(target, activation, ClaimsTable.PAPER_MIN_WIDTH);
    return fromTen != null ? fromTen : widestRangeFit(target, activation, 0);
  }

  /** The offset law of (target, activation) the law selection chose, with a finite E; or null. */
  public OffsetFit chosenOffsetFit(String target, String activation) {
    return offsetFits.stream()
        .filter(f -> f.target().equals(target) && f.activation().equals(activation)
            && f.chosen() && Double.isFinite(f.offset()) && Double.isFinite(f.alpha()))
        .findFirst().orElse(null);
  }

  /** The range fit of (target, activation) starting at N >= minWidthFrom with the widest width ratio. */
  ScalingFit widestRangeFit(String target, String activation, int minWidthFrom) {
    return fits.stream()
        .filter(f -> f.target().equals(target) && f.activation().equals(activation)
            && f.isRangeFit() && f.widthFrom() >= minWidthFrom && Double.isFinite(f.alpha()))
        .max(java.util.Comparator.comparingDouble(f -> (double) f.widthTo() / f.widthFrom()))
        .orElse(null);
  }

  /** The elements of {@code rows} that satisfy {@code keep}. */
  public static <T> List<T> where(List<T> rows, Predicate<T> keep) {
    return rows.stream().filter(keep).toList();
  }

  /** Why {@code table} could not be read, or a default phrase when it was read but holds no rows. */
  public String whyMissing(String table) {
    return unavailable.getOrDefault(table, "table " + table + " has no matching rows");
  }
}
