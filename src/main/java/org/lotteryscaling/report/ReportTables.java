package org.lotteryscaling.report;

import org.lotteryscaling.tables.ResultTables;

/**
 * The names of the tables the report reads, and the cell values it looks for. Tables and columns
 * are defined once in {@code tables.ResultTables}; these names are aliases of those.
 */
public final class ReportTables {
  private ReportTables() {}

  public static final String RUNS = ResultTables.RUNS.name();
  public static final String LOSS_SUMMARY = ResultTables.LOSS_SUMMARY.name();
  public static final String LOSS_HISTOGRAM = ResultTables.LOSS_HISTOGRAM.name();
  public static final String LOSS_MODES = ResultTables.LOSS_MODES.name();
  public static final String SCALING_FIT = ResultTables.SCALING_FIT.name();
  public static final String SYNERGY = ResultTables.SYNERGY.name();
  public static final String NEURONS = ResultTables.NEURONS.name();
  public static final String TICKETS = ResultTables.TICKETS.name();
  public static final String ALGORITHMS = ResultTables.ALGORITHMS.name();
  public static final String ALGORITHM_CURVES = ResultTables.ALGORITHM_CURVES.name();
  public static final String TICKET_PAIRS = ResultTables.TICKET_PAIRS.name();
  public static final String TICKET_CORRELATION = ResultTables.TICKET_CORRELATION.name();
  public static final String DISTILLED = ResultTables.DISTILLED.name();
  public static final String ENSEMBLES = ResultTables.ENSEMBLES.name();

  /** scaling_fit kinds: a fit over every width, over the widths from 10 up, between two widths. */
  public static final String FIT_KIND_RANGE = "all";
  public static final String FIT_KIND_WIDE = "wide";
  public static final String FIT_KIND_LOCAL = "local";

  /** synergy verdicts. */
  public static final String VERDICT_SYNERGY = "synergy";
  public static final String VERDICT_ENSEMBLING = "ensembling";
  /** Too few networks for the test to decide: the claim counts such a width as not measured. */
  public static final String VERDICT_UNDETERMINED = "undetermined";

  /** The experiment the paper's main text is about. */
  public static final String MAIN_TARGET = "x2";
  public static final String MAIN_ACTIVATION = "silu";
}
