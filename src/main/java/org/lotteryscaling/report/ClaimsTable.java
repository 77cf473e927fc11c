package org.lotteryscaling.report;

import static org.lotteryscaling.report.ReportData.where;
import static org.lotteryscaling.report.ReportData.MAIN_ACTIVATION;
import static org.lotteryscaling.report.ReportData.MAIN_TARGET;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.lotteryscaling.report.Claim.Verdict;
import org.lotteryscaling.report.ReportData.Algorithm;
import org.lotteryscaling.report.ReportData.Distilled;
import org.lotteryscaling.report.ReportData.LossModes;
import org.lotteryscaling.report.ReportData.Neuron;
import org.lotteryscaling.report.ReportData.ScalingFit;
import org.lotteryscaling.report.ReportData.Synergy;
import org.lotteryscaling.report.ReportData.Ticket;
import org.lotteryscaling.report.ReportData.TicketCorrelation;
import org.lotteryscaling.stats.LossSummary;
import org.lotteryscaling.stats.Quantiles;
import org.lotteryscaling.stats.WidthLosses;
import org.lotteryscaling.tables.ResultTables;
import org.lotteryscaling.stats.PowerLawFit;
import org.lotteryscaling.stats.SynergyTest;

/**
 * The paper's claims judged against the tables, each by a stated rule. A claim whose data the run
 * lacks is "not measured", never guessed. The thresholds are named constants, listed in
 * docs/report.md ("Claims table: the rules").
 */
public final class ClaimsTable {
  private ClaimsTable() {}

  /** An exponent "is" N^-a when its 95% interval (or the estimate, without one) is within this of a. */
  public static final double ALPHA_TOLERANCE = 0.25;
  /** The early ReLU law counts as "about N^-4" from this local exponent up. */
  public static final double EARLY_RELU_ALPHA_MIN = 3.0;
  /** The late ReLU law counts as "slower" up to this local exponent. */
  public static final double LATE_RELU_ALPHA_MAX = 2.0;
  /**
   * The paper's figure 1c starts here (N = 10..50): the scaling claims are about widths from here
   * up; narrower widths (where a single lottery ticket decides the loss) are not used.
   */
  public static final int PAPER_MIN_WIDTH = 10;
  /** Narrow and wide, as in the paper's figure 3 (N = 1..4 and N = 10..50). */
  public static final int NARROW_MAX_WIDTH = 4;
  public static final int WIDE_MIN_WIDTH = 10;
  /** Lottery tickets are symmetric when their median relative residual is at most this. */
  public static final double SYMMETRY_TOLERANCE = 0.05;
  /**
   * A wide network is mirror-symmetric when its symmetry score (share - control) / (1 - control)
   * is at least this: half-way from a random network's share to every neuron paired.
   */
  public static final double MIRROR_SCORE_MIN = 0.5;
  /** Tickets are "highly correlated" when the effective count is at most this share of the pairs. */
  public static final double CORRELATED_SHARE = 0.5;

  /**
   * Bootstrap replicates and seed of the claims' own intervals (the medians of mechanism tables,
   * which carry none): fixed, so a report is a pure function of its tables.
   */
  public static final int BOOTSTRAP_RESAMPLES = 1000;
  public static final long BOOTSTRAP_SEED = 20240205L;

  static final List<Integer> SYNERGY_WIDTHS = List.of(2, 4);
  static final List<Integer> ENSEMBLING_WIDTHS = List.of(20, 40);

  public static List<Claim> evaluate(ReportData data) {
    return List.of(
        siluInverseLaw(data),
        reluFastThenSlow(data),
        narrowNetworksHaveSeveralPeaks(data),
        wideNetworksHaveOnePeak(data),
        synergyOrEnsembling(data, "synergy-narrow", SYNERGY_WIDTHS, SynergyTest.Verdict.SYNERGY.id(),
            "Narrow networks (N = 2, 4) do better than the N/2 + N/2 ensembling prediction (synergy)"),
        synergyOrEnsembling(data, "ensembling-wide", ENSEMBLING_WIDTHS,
            SynergyTest.Verdict.ENSEMBLING.id(),
            "Wide networks (N = 20, 40) do as well as N/2 + N/2 ensembling, no better (plain ensembling)"),
        lotteryTicketsAreSymmetric(data),
        wideNetworksHaveMirrorNeurons(data),
        severalAlgorithms(data),
        ticketsAreCorrelated(data),
        ticketsGrowWithWidth(data),
        distilledBeatsTrained(data));
  }

  // ---- Section 2 -------------------------------------------------------------------------------

  static Claim siluInverseLaw(ReportData data) {
    String id = "silu-inverse-law";
    String statement = "SiLU networks on x^2: the median loss scales as N^-1 (N >= 10)";
    String source = "section 2.2, figure 1c";
    String rule = String.format(Locale.ROOT, "scaling_fit for %s/%s over widths N >= %d: the "
        + "widest range fit (kind wide or all) starting at N >= %d if there is one, else the exponent between "
        + "the narrowest and widest such width, which is the log-width-weighted mean of the local "
        + "exponents; supported if its 95%% interval (the estimate when there is none) lies within "
        + "[%.2f, %.2f]", MAIN_TARGET, MAIN_ACTIVATION, PAPER_MIN_WIDTH, PAPER_MIN_WIDTH,
        1 - ALPHA_TOLERANCE, 1 + ALPHA_TOLERANCE);
    ScalingFit fit = data.widestRangeFit(MAIN_TARGET, MAIN_ACTIVATION, PAPER_MIN_WIDTH);
    if (fit == null) {
      fit = acrossLocalExponents(localExponents(data, MAIN_ACTIVATION));
    }
    if (fit == null) {
      return notMeasured(id, statement, source, rule, "no fit or local exponent for "
          + MAIN_TARGET + "/" + MAIN_ACTIVATION + " at N >= " + PAPER_MIN_WIDTH
          + (data.fits().isEmpty() ? " (" + data.whyMissing(ResultTables.SCALING_FIT.name()) + ")" : ""));
    }
    return new Claim(id, statement, source, rule,
        String.format(Locale.ROOT, "alpha = %.2f over N = %d..%d%s", fit.alpha(), fit.widthFrom(),
            fit.widthTo(), fit.kind().equals(PowerLawFit.Kind.LOCAL.id()) ? " (from local exponents)" : ""),
        Fmt.interval(fit.alphaLow(), fit.alphaHigh()),
        Verdict.of(lowEnd(fit) >= 1 - ALPHA_TOLERANCE && highEnd(fit) <= 1 + ALPHA_TOLERANCE));
  }

  /** The local exponents of (MAIN_TARGET, activation) between widths >= PAPER_MIN_WIDTH, by width. */
  private static List<ScalingFit> localExponents(ReportData data, String activation) {
    return data.fits().stream()
        .filter(f -> f.target().equals(MAIN_TARGET) && f.activation().equals(activation)
            && f.kind().equals(PowerLawFit.Kind.LOCAL.id()) && f.widthFrom() >= PAPER_MIN_WIDTH
            && Double.isFinite(f.alpha()))
        .sorted(Comparator.comparingInt(ScalingFit::widthFrom)).toList();
  }

  /**
   * The exponent between the first and last width of consecutive local exponents: the slope of
   * log median between those widths, the mean of the local slopes weighted by log(width ratio).
   * No interval (the table gives none for it); null without local exponents.
   */
  static ScalingFit acrossLocalExponents(List<ScalingFit> local) {
    if (local.isEmpty()) {
      return null;
    }
    double weighted = 0;
    double span = 0;
    for (ScalingFit f : local) {
      double logRatio = Math.log((double) f.widthTo() / f.widthFrom());
      weighted += f.alpha() * logRatio;
      span += logRatio;
    }
    ScalingFit first = local.get(0);
    return new ScalingFit(first.target(), first.activation(), PowerLawFit.Kind.LOCAL.id(),
        first.widthFrom(), local.get(local.size() - 1).widthTo(), weighted / span, Double.NaN,
        Double.NaN, Double.NaN);
  }

  static Claim reluFastThenSlow(ReportData data) {
    String id = "relu-fast-then-slow";
    String statement = "(Leaky)ReLU networks on x^2: about N^-4 at first, then a slower law";
    String source = "section 2.2, figure 1c";
    String rule = String.format(Locale.ROOT, "local exponents of scaling_fit between consecutive "
        + "widths N >= %d, for leaky_relu (relu if absent): supported if the first's 95%% interval "
        + "(the estimate when there is none) lies at or above %.1f and the last's at or below "
        + "%.1f; needs two such width pairs", PAPER_MIN_WIDTH, EARLY_RELU_ALPHA_MIN,
        LATE_RELU_ALPHA_MAX);
    String activation = data.fits().stream().anyMatch(f -> f.activation().equals("leaky_relu"))
        ? "leaky_relu" : "relu";
    List<ScalingFit> local = localExponents(data, activation);
    if (local.size() < 2) {
      return notMeasured(id, statement, source, rule, local.size() + " local exponent(s) for "
          + MAIN_TARGET + "/" + activation + " at N >= " + PAPER_MIN_WIDTH
          + (data.fits().isEmpty() ? " (" + data.whyMissing(ResultTables.SCALING_FIT.name()) + ")" : ""));
    }
    ScalingFit early = local.get(0);
    ScalingFit late = local.get(local.size() - 1);
    String measured = String.format(Locale.ROOT, "%s: alpha %.2f over N = %d..%d, then %.2f over N = %d..%d",
        activation, early.alpha(), early.widthFrom(), early.widthTo(), late.alpha(),
        late.widthFrom(), late.widthTo());
    String interval = Fmt.interval(early.alphaLow(), early.alphaHigh()) + " then "
        + Fmt.interval(late.alphaLow(), late.alphaHigh());
    return new Claim(id, statement, source, rule, measured, interval,
        Verdict.of(lowEnd(early) >= EARLY_RELU_ALPHA_MIN && highEnd(late) <= LATE_RELU_ALPHA_MAX));
  }

  // ---- Section 4: peaks and ensembling -------------------------------------------------------

  static Claim narrowNetworksHaveSeveralPeaks(ReportData data) {
    String rule = String.format(Locale.ROOT, "loss_modes for %s/%s: supported if at least half of "
        + "the widths N <= %d have 2 or more peaks at every bandwidth from half to twice "
        + "loss_modes' (peaks_low >= 2)", MAIN_TARGET, MAIN_ACTIVATION, NARROW_MAX_WIDTH);
    return peaksClaim(data, "narrow-several-peaks",
        "Narrow networks (N <= 4): the loss histogram has several peaks", rule,
        m -> m.width() <= NARROW_MAX_WIDTH,
        narrow -> 2 * narrow.stream().filter(m -> m.fewest() >= 2).count() >= narrow.size());
  }

  static Claim wideNetworksHaveOnePeak(ReportData data) {
    String rule = String.format(Locale.ROOT, "loss_modes for %s/%s: supported if every width "
        + "N >= %d has exactly one peak at every bandwidth from half to twice loss_modes' "
        + "(peaks_low = peaks_high = 1)", MAIN_TARGET, MAIN_ACTIVATION, WIDE_MIN_WIDTH);
    return peaksClaim(data, "wide-one-peak",
        "Wide networks (N >= 10): the loss histogram has one peak", rule,
        m -> m.width() >= WIDE_MIN_WIDTH,
        wide -> wide.stream().allMatch(m -> m.fewest() == 1 && m.most() == 1));
  }

  private static Claim peaksClaim(ReportData data, String id, String statement, String rule,
      Predicate<LossModes> widths, Predicate<List<LossModes>> supported) {
    String source = "section 4, figures 2b and 3";
    List<LossModes> rows = where(data.modes(), m -> m.target().equals(MAIN_TARGET)
        && m.activation().equals(MAIN_ACTIVATION) && widths.test(m)).stream()
        .sorted(Comparator.comparingInt(LossModes::width)).toList();
    if (rows.isEmpty()) {
      return notMeasured(id, statement, source, rule, "no such width in loss_modes"
          + (data.modes().isEmpty() ? " (" + data.whyMissing(ResultTables.LOSS_MODES.name()) + ")" : ""));
    }
    List<String> peaks = new ArrayList<>();
    List<String> ranges = new ArrayList<>();
    for (LossModes m : rows) {
      peaks.add("N=" + m.width() + ": " + m.peaks());
      ranges.add("N=" + m.width() + ": " + (m.hasRange() ? m.rangeText() : "?"));
    }
    String shares = rows.stream().map(m -> Fmt.fixed(m.lowestPeakShare()))
        .reduce((a, b) -> a + ", " + b).orElse("");
    boolean ranged = rows.stream().allMatch(LossModes::hasRange);
    String interval = ranged ? "peaks from h/2 to 2h " + String.join(", ", ranges)
        : "n/a (loss_modes has no peaks_low, peaks_high: aggregated by an older version; "
            + "judged on the counts)";
    return new Claim(id, statement, source, rule, "peaks " + String.join(", ", peaks)
        + "; lowest-peak shares " + shares, interval, Verdict.of(supported.test(rows)));
  }

  static Claim synergyOrEnsembling(ReportData data, String id, List<Integer> widths,
      String expected, String statement) {
    String source = "section 4, figure 4";
    String rule = String.format(Locale.ROOT, "synergy table's verdict for %s/%s at N = %s: "
        + "supported if every one of those widths present, and not '%s', says '%s'",
        MAIN_TARGET, MAIN_ACTIVATION, widths, SynergyTest.Verdict.UNDETERMINED.id(), expected);
    List<Synergy> rows = where(data.synergy(), s -> s.target().equals(MAIN_TARGET)
        && s.activation().equals(MAIN_ACTIVATION) && widths.contains(s.width())
        && !s.verdict().equals(SynergyTest.Verdict.UNDETERMINED.id())).stream()
        .sorted(Comparator.comparingInt(Synergy::width)).toList();
    if (rows.isEmpty()) {
      return notMeasured(id, statement, source, rule, "no decided synergy row at N = " + widths
          + (data.synergy().isEmpty() ? " (" + data.whyMissing(ResultTables.SYNERGY.name()) + ")" : ""));
    }
    List<String> measured = new ArrayList<>();
    List<String> tests = new ArrayList<>();
    for (Synergy s : rows) {
      measured.add(String.format(Locale.ROOT, "N=%d: %s, log10(trained/ensembled median) %.2f",
          s.width(), s.verdict(), s.log10Ratio()));
      tests.add(String.format(Locale.ROOT, "N=%d: KS %.2f, p %s", s.width(), s.ksStatistic(),
          Fmt.sci(s.ksPValue())));
    }
    if (rows.size() < widths.size()) {
      measured.add("(only " + rows.size() + " of " + widths.size() + " widths in the run)");
    }
    return new Claim(id, statement, source, rule, String.join("; ", measured),
        String.join("; ", tests), Verdict.of(rows.stream().allMatch(s -> s.verdict().equals(expected))));
  }

  // ---- Section 3: symmetry ---------------------------------------------------------------------

  static Claim lotteryTicketsAreSymmetric(ReportData data) {
    String id = "symmetric-tickets";
    String statement = "Lottery tickets (the lowest-loss width-2 networks) have symmetric neurons: "
        + "w1 = -w2, b1 = b2, v1 = v2";
    String source = "section 3, equation (2), figure 2c";
    String rule = String.format(Locale.ROOT, "tickets of %s/%s in the lowest loss peak (peak 0): "
        + "residual max(|w1+w2|/(|w1|+|w2|), |b1-b2|/(|b1|+|b2|), |v1-v2|/(|v1|+|v2|)); supported "
        + "if its median is <= %.2f", MAIN_TARGET, MAIN_ACTIVATION, SYMMETRY_TOLERANCE);
    List<Ticket> lottery = where(data.tickets(), t -> t.target().equals(MAIN_TARGET)
        && t.activation().equals(MAIN_ACTIVATION) && t.peak() == 0 && t.params().length == 7);
    if (lottery.isEmpty()) {
      return notMeasured(id, statement, source, rule, "no width-2 ticket in the lowest peak"
          + (data.tickets().isEmpty() ? " (" + data.whyMissing(ResultTables.TICKETS.name()) + ")" : ""));
    }
    double[] residuals = lottery.stream().mapToDouble(t -> relativeAsymmetry(t.params())).sorted().toArray();
    double median = Quantiles.median(residuals);
    return new Claim(id, statement, source, rule,
        String.format(Locale.ROOT, "median relative residual %s over %d tickets", Fmt.sci(median),
            residuals.length),
        "quartiles " + Fmt.sci(Quantiles.of(residuals, 0.25)) + " .. " + Fmt.sci(Quantiles.of(residuals, 0.75)),
        Verdict.of(median <= SYMMETRY_TOLERANCE));
  }

  /** Largest relative asymmetry of (w1, w2, b1, b2, v1, v2, c) under the mirror pairing. */
  public static double relativeAsymmetry(double[] p) {
    return Math.max(relative(p[0] + p[1], Math.abs(p[0]) + Math.abs(p[1])),
        Math.max(relative(p[2] - p[3], Math.abs(p[2]) + Math.abs(p[3])),
            relative(p[4] - p[5], Math.abs(p[4]) + Math.abs(p[5]))));
  }

  private static double relative(double difference, double scale) {
    return scale == 0 ? 0 : Math.abs(difference) / scale;
  }

  static Claim wideNetworksHaveMirrorNeurons(ReportData data) {
    String id = "mirror-neurons";
    String statement = "Wide networks have symmetric neurons: a neuron at (w, b) has a partner near (-w, b)";
    String source = "section 3, figure 2a";
    String rule = String.format(Locale.ROOT, "neurons table, widest %s/%s network: symmetry score "
        + "(share - control share) / (1 - control share), where share is the share of neurons whose "
        + "mirror image has a close neighbour and the control is a random network of the same spread; "
        + "supported if the score is >= %.2f", MAIN_TARGET, MAIN_ACTIVATION, MIRROR_SCORE_MIN);
    List<Neuron> rows = where(data.neurons(), n -> n.target().equals(MAIN_TARGET)
        && n.activation().equals(MAIN_ACTIVATION) && Double.isFinite(n.score()));
    if (rows.isEmpty()) {
      return notMeasured(id, statement, source, rule, "no neurons rows with symmetry scores"
          + (data.neurons().isEmpty() ? " (" + data.whyMissing(ResultTables.NEURONS.name()) + ")" : ""));
    }
    Neuron widest = rows.stream().max(Comparator.comparingInt(Neuron::width)
        .thenComparing(Comparator.comparingLong(Neuron::seed).reversed())).get();
    return new Claim(id, statement, source, rule,
        String.format(Locale.ROOT, "N=%d: score %.2f (share %.2f against control %.2f)",
            widest.width(), widest.score(), widest.share(), widest.controlShare()), "n/a",
        Verdict.of(widest.score() >= MIRROR_SCORE_MIN));
  }

  // ---- Appendices B-D ------------------------------------------------------------------------

  static Claim severalAlgorithms(ReportData data) {
    String id = "several-algorithms";
    String statement = "Width-2 networks settle into a few distinct algorithms, symmetric and "
        + "asymmetric ones (the paper finds 4)";
    String source = "appendix B, figures 9-11";
    String rule = "algorithms table for " + MAIN_TARGET + "/" + MAIN_ACTIVATION + ": supported if "
        + "there are at least 2 algorithms, at least one symmetric and one asymmetric";
    List<Algorithm> rows = where(data.algorithms(),
        a -> a.target().equals(MAIN_TARGET) && a.activation().equals(MAIN_ACTIVATION));
    if (rows.isEmpty()) {
      return notMeasured(id, statement, source, rule, data.whyMissing(ResultTables.ALGORITHMS.name()));
    }
    long symmetric = rows.stream().filter(Algorithm::symmetric).count();
    return new Claim(id, statement, source, rule,
        String.format(Locale.ROOT, "%d algorithms, %d symmetric", rows.size(), symmetric), "n/a",
        Verdict.of(rows.size() >= 2 && symmetric >= 1 && symmetric < rows.size()));
  }

  /**
   * Each width's effective ticket counts of x2/silu as the sample of a {@link WidthLosses} (any
   * finite quantity >= 0 serves: the statistics are medians), widths ascending.
   */
  private static List<WidthLosses> effectiveTicketsByWidth(ReportData data) {
    List<TicketCorrelation> rows = where(data.correlations(), c -> c.target().equals(MAIN_TARGET)
        && c.activation().equals(MAIN_ACTIVATION) && Double.isFinite(c.effectiveTickets()));
    List<WidthLosses> out = new ArrayList<>();
    FigureData.groupBy(rows, TicketCorrelation::width).forEach((width, at) -> out.add(
        new WidthLosses(width, at.size(),
            at.stream().mapToDouble(TicketCorrelation::effectiveTickets).toArray())));
    out.sort(Comparator.comparingInt(WidthLosses::width));
    return out;
  }

  static Claim ticketsAreCorrelated(ReportData data) {
    String id = "correlated-tickets";
    String statement = "Tickets in wide networks are highly correlated: far fewer independent "
        + "tickets than neuron pairs N/2";
    String source = "appendix C, figure 12";
    String rule = String.format(Locale.ROOT, "ticket_correlation for %s/%s: supported if, at every "
        + "width, the 95%% bootstrap interval (over networks) of the median effective number of "
        + "tickets lies at or below %.2f x the number of pairs N/2", MAIN_TARGET, MAIN_ACTIVATION,
        CORRELATED_SHARE);
    List<WidthLosses> widths = effectiveTicketsByWidth(data);
    if (widths.isEmpty()) {
      return notMeasured(id, statement, source, rule, data.whyMissing(ResultTables.TICKET_CORRELATION.name()));
    }
    List<String> measured = new ArrayList<>();
    List<String> intervals = new ArrayList<>();
    boolean supported = true;
    for (WidthLosses w : widths) {
      double[] interval = LossSummary.medianInterval(w, BOOTSTRAP_RESAMPLES,
          BOOTSTRAP_SEED + w.width());
      measured.add(String.format(Locale.ROOT, "N=%d: %.2f of %d pairs", w.width(), w.median(),
          w.width() / 2));
      intervals.add("N=" + w.width() + ": " + Fmt.interval(interval[0], interval[1]));
      supported &= interval[1] <= CORRELATED_SHARE * (w.width() / 2.0);
    }
    return new Claim(id, statement, source, rule, String.join("; ", measured),
        String.join("; ", intervals), Verdict.of(supported));
  }

  /** Appendix C's 1, 2, 3 tickets at N = 10, 30, 50 as a power of N: log 3 / log 5. */
  public static final double PAPER_TICKET_GAMMA = Math.log(3) / Math.log(5);

  static Claim ticketsGrowWithWidth(ReportData data) {
    String id = "tickets-grow";
    String statement = "The number of independent tickets grows with the width: about 1, 2, 3 at "
        + "N = 10, 30, 50";
    String source = "appendix C, figure 12";
    String rule = String.format(Locale.ROOT, "ticket_correlation for %s/%s: the median effective "
        + "number of tickets fitted as n ~ N^gamma over the widths (least squares in log-log, 95%% "
        + "bootstrap interval over networks); 1, 2, 3 at N = 10, 30, 50 is gamma = %.2f; supported "
        + "if the interval lies within [%.2f, %.2f]", MAIN_TARGET, MAIN_ACTIVATION,
        PAPER_TICKET_GAMMA, PAPER_TICKET_GAMMA - ALPHA_TOLERANCE,
        PAPER_TICKET_GAMMA + ALPHA_TOLERANCE);
    List<WidthLosses> widths = effectiveTicketsByWidth(data);
    if (widths.size() < 2) {
      return notMeasured(id, statement, source, rule, widths.isEmpty()
          ? data.whyMissing(ResultTables.TICKET_CORRELATION.name())
          : "ticket_correlation has one width only");
    }
    // PowerLawFit's exponent alpha is minus the slope: n ~ N^gamma is alpha = -gamma
    PowerLawFit all = PowerLawFit.fits(widths, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED).stream()
        .filter(f -> f.kind() == PowerLawFit.Kind.ALL).findFirst().orElseThrow();
    double gamma = -all.alpha();
    double low = -all.alphaHigh();
    double high = -all.alphaLow();
    String medians = widths.stream().map(w -> String.format(Locale.ROOT, "%.2f", w.median()))
        .collect(java.util.stream.Collectors.joining(", "));
    return new Claim(id, statement, source, rule,
        String.format(Locale.ROOT, "gamma = %.2f over N = %d..%d (medians %s)", gamma,
            widths.get(0).width(), widths.get(widths.size() - 1).width(), medians),
        Fmt.interval(low, high),
        Verdict.of(low >= PAPER_TICKET_GAMMA - ALPHA_TOLERANCE
            && high <= PAPER_TICKET_GAMMA + ALPHA_TOLERANCE));
  }

  static Claim distilledBeatsTrained(ReportData data) {
    String id = "distilled-lottery";
    String statement = "Some width-2 networks distilled from a wide network's best ticket reach a "
        + "far lower loss than any trained width-2 network";
    String source = "appendix D, figure 13";
    String rule = "distilled against runs, " + MAIN_TARGET + "/" + MAIN_ACTIVATION + " width 2: "
        + "supported if the lowest distilled loss is below the lowest trained width-2 loss";
    double[] distilled = where(data.distilled(), d -> d.target().equals(MAIN_TARGET)
        && d.activation().equals(MAIN_ACTIVATION)).stream().mapToDouble(Distilled::loss)
        .filter(Double::isFinite).toArray();
    double[] trained = where(data.runs(), r -> r.ok() && r.target().equals(MAIN_TARGET)
        && r.activation().equals(MAIN_ACTIVATION) && r.width() == 2).stream()
        .mapToDouble(ReportData.NetworkLoss::trainLoss).toArray();
    if (distilled.length == 0 || trained.length == 0) {
      return notMeasured(id, statement, source, rule, distilled.length == 0
          ? data.whyMissing(ResultTables.DISTILLED.name()) : "no trained width-2 network in runs");
    }
    double bestDistilled = Arrays.stream(distilled).min().getAsDouble();
    double bestTrained = Arrays.stream(trained).min().getAsDouble();
    return new Claim(id, statement, source, rule,
        "lowest distilled " + Fmt.sci(bestDistilled) + " against lowest trained " + Fmt.sci(bestTrained),
        String.format(Locale.ROOT, "%d distilled, %d trained networks", distilled.length, trained.length),
        Verdict.of(bestDistilled < bestTrained));
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static Claim notMeasured(String id, String statement, String source, String rule, String why) {
    return new Claim(id, statement, source, rule, "not measured: " + why, "n/a", Verdict.NOT_MEASURED);
  }

  /** The low end of the fit's 95% interval of alpha, or alpha itself without an interval. */
  static double lowEnd(ScalingFit fit) {
    return hasInterval(fit) ? fit.alphaLow() : fit.alpha();
  }

  /** The high end of the fit's 95% interval of alpha, or alpha itself without an interval. */
  static double highEnd(ScalingFit fit) {
    return hasInterval(fit) ? fit.alphaHigh() : fit.alpha();
  }

  private static boolean hasInterval(ScalingFit fit) {
    return Double.isFinite(fit.alphaLow()) && Double.isFinite(fit.alphaHigh());
  }
}
