package org.lotteryscaling.tables;

import java.util.List;

/**
 * Every table of a results folder, defined once: name, row record (its columns, types and
 * meanings), key and partitions, and what a row is. Each is a Delta Lake table {@code DIR/<name>}
 * (Parquet files under a transaction log). docs/tables.md is generated from these definitions
 * ({@link TablesDoc}).
 */
public final class ResultTables {
  private ResultTables() {}

  public static final Table<RunRow> RUNS = Table.of("runs", RunRow.class, """
      One row per trained network, written by `lottery train` one chunk (one Delta commit) at a \
      time, partitioned by target and activation. A chunk a crash cut short leaves files no \
      commit names, which are not rows.""", "target", "activation", "width", "seed")
      .partitionedBy("target", "activation");

  // Derived by `lottery aggregate` (AggregateJob) from runs; overwritten on every run.
  private static final String AGGREGATE = " " + """
      Written by `lottery aggregate` from runs, overwritten on every run, sorted by its key. A \
      network is *ok* when its status is ok and its train_loss is a finite number >= 0; every \
      other network counts as diverged: counted in networks and left out of every loss \
      statistic. "loss" is train_loss. Undefined statistics (no ok network, one network's sd) \
      are null.""";

  public static final Table<LossSummaryRow> LOSS_SUMMARY = Table.of("loss_summary",
      LossSummaryRow.class, """
      One row per (target, activation, width). Quantiles are type 7 (linear interpolation, R's \
      and NumPy's default).""" + AGGREGATE, "target", "activation", "width");

  public static final Table<LossHistogramRow> LOSS_HISTOGRAM = Table.of("loss_histogram",
      LossHistogramRow.class, """
      One row per (target, activation, width, bin): counts of log10 loss in equal-width bins \
      that span the smallest to the largest ok loss of all widths of the (target, activation), \
      so bins are shared across widths (figure 3). Bin k holds log10_lo <= log10 loss < \
      log10_hi; the last bin also holds its upper edge. Every width has every bin, empty ones \
      with count 0.""" + AGGREGATE, "target", "activation", "width", "bin");

  public static final Table<LossModesRow> LOSS_MODES = Table.of("loss_modes",
      LossModesRow.class, """
      One row per (target, activation, width): the peaks of a Gaussian kernel density of log10 \
      loss (Silverman's bandwidth; peaks with prominence >= 5% of the density's maximum; see \
      stats.LossModes).""" + AGGREGATE, "target", "activation", "width");

  public static final Table<ScalingFitRow> SCALING_FIT = Table.of("scaling_fit",
      ScalingFitRow.class, """
      Laws of median loss against width, every one fitted twice: to the median train loss \
      (loss `train`) and to the median test loss (loss `test`). Form `power`: median loss ~ \
      prefactor * N^-alpha by least squares in log10-log10, with a 95% percentile bootstrap \
      interval (seeds resampled within each width; see stats.PowerLawFit). Per (target, \
      activation): one row of kind `all` over every width that has ok networks, one of kind \
      `wide` over those from N = 10 up when there are two (the paper's figure 1c range, \
      N = 10..50, where the N^-1 law is claimed), and one row of kind `local` per pair of \
      consecutive such widths (the local exponent, where the ReLU change from N^-4 to a slower \
      law shows). A (target, activation) with fewer than two such widths has no rows. Form \
      `offset` (kind `all`, when there are four such widths and every loss is > 0): offset + \
      prefactor * N^-alpha by the Huber fit of stats.OffsetPowerLawFit, with 95% percentile \
      bootstrap intervals for all three parameters; its power row of kind `all` and it carry \
      the held-out errors of stats.LawSelection and which form it chose. Form `joint` (swept \
      data.points only; see Swept experiments). The offset and joint laws bootstrap fewer \
      replicates than the power laws (`aggregate --law-bootstrap`, default 200), each a \
      multi-start refit; where the data do not pin a law down, replicates run off and an \
      interval end may be Infinity or NaN (see also unconverged).""" + AGGREGATE.replace(
      "\"loss\" is train_loss.", "\"loss\" is the one the row's loss column names."),
      "target", "activation", "loss", "form", "kind", "width_min")
      // Two local fits along one axis at one width differ in where they lie on it only.
      .whenSwept(FitAxis.class, FitAxis.AXIS_COLUMN, FitAxis.AXIS_MIN_COLUMN);

  public static final Table<SynergyRow> SYNERGY = Table.of("synergy", SynergyRow.class, """
      One row per (target, activation, width N) whose N/2 is in the grid with ok networks at \
      both widths: two-network ensembles 1/(1/L1 + 1/L2) resampled from the N/2 losses against \
      the trained width-N losses (section 4; rule in stats.SynergyTest).""" + AGGREGATE,
      "target", "activation", "width");

  // Mechanism tables: `lottery analyze` (AnalyzeJob), from the ok networks of runs; overwritten on
  // rerun. Rules and criteria: the mechanism classes named, and docs on analyze.
  private static final String ANALYZE =
      " Written by `lottery analyze` from the ok networks of runs, overwritten on every run.";

  public static final Table<NeuronRow> NEURONS = Table.of("neurons", NeuronRow.class, """
      Figure 2a (mechanism.NeuronSymmetry). One row per hidden neuron of every network of width \
      >= the neuron minimum width (default 10).""" + ANALYZE,
      "target", "activation", "width", "seed", "neuron");

  public static final Table<TicketRow> TICKETS = Table.of("tickets", TicketRow.class, """
      Figure 2b-c (mechanism.CanonicalPair, LossPeaks). One row per width-2 network.""" + ANALYZE,
      "target", "activation", "seed");

  public static final Table<AlgorithmRow> ALGORITHMS = Table.of("algorithms", AlgorithmRow.class,
      """
      Appendix B (mechanism.SwapClusters, Pca). One row per cluster of the width-2 networks with \
      train_loss below the cut, numbered by increasing mean log10 loss.""" + ANALYZE,
      "target", "activation", "algorithm");

  public static final Table<AlgorithmCurveRow> ALGORITHM_CURVES = Table.of("algorithm_curves",
      AlgorithmCurveRow.class, """
      Figures 10, 11 (mechanism.ActivationCurves). Each algorithm's medoid network, neuron by \
      neuron, on a grid of x over the data range (one input only).""" + ANALYZE,
      "target", "activation", "algorithm", "neuron", "x");

  public static final Table<TicketPairRow> TICKET_PAIRS = Table.of("ticket_pairs",
      TicketPairRow.class, """
      Appendix C (mechanism.TicketDecomposition). One row per lottery ticket (mirror pair of \
      neurons) of each network of the ticket widths (default 10, 30, 50).""" + ANALYZE,
      "target", "activation", "width", "seed", "ticket");

  public static final Table<TicketCorrelationRow> TICKET_CORRELATION = Table.of(
      "ticket_correlation", TicketCorrelationRow.class, """
      Appendix C. One row per network of the ticket widths.""" + ANALYZE,
      "target", "activation", "width", "seed");

  public static final Table<DistilledRow> DISTILLED = Table.of("distilled", DistilledRow.class, """
      Appendix D (mechanism.Distillation). One row per network of the distill width (default \
      50): its best ticket copied into a width-2 network, (v, c) refit.""" + ANALYZE,
      "target", "activation", "source_width", "seed");

  public static final Table<EnsembleRow> ENSEMBLES = Table.of("ensembles", EnsembleRow.class, """
      Beyond the paper (mechanism.Ensemble). One row per pair of trained networks of the same \
      half width (seeds 2k and 2k + 1), combined as a f_a + b f_b + c by least squares on the \
      training points.""" + ANALYZE, "target", "activation", "half_width", "seed_a");

  /** The aggregate tables, in the order AggregateJob writes them. */
  public static final List<Table<?>> AGGREGATES = List.of(
      LOSS_SUMMARY, LOSS_HISTOGRAM, LOSS_MODES, SCALING_FIT, SYNERGY);

  /** The mechanism tables, in the order AnalyzeJob writes them. */
  public static final List<Table<?>> MECHANISMS = List.of(NEURONS, TICKETS, ALGORITHMS,
      ALGORITHM_CURVES, TICKET_PAIRS, TICKET_CORRELATION, DISTILLED, ENSEMBLES);

  /** Every table, in the order the jobs write them: train, aggregate, analyze. */
  public static final List<Table<?>> ALL = all();

  private static List<Table<?>> all() {
    List<Table<?>> out = new java.util.ArrayList<>();
    out.add(RUNS);
    out.addAll(AGGREGATES);
    out.addAll(MECHANISMS);
    return List.copyOf(out);
  }

  /** The table called {@code name}, or null. */
  public static Table<?> named(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
  }
}
