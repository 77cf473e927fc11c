package org.lotteryscaling.report;

/**
 * Every table and column name the report reads, in one place: when a job renames a column, this
 * is the one file to change. The schemas themselves are documented in jobs.Tables.
 */
public final class ReportTables {
  private ReportTables() {}

  // Keys shared by most tables.
  public static final String TARGET = "target";
  public static final String ACTIVATION = "activation";
  public static final String WIDTH = "width";
  public static final String SEED = "seed";

  public static final String RUNS = "runs";
  public static final String RUNS_STATUS = "status";
  public static final String RUNS_LOSS = "train_loss";

  public static final String LOSS_SUMMARY = "loss_summary";
  public static final String SUMMARY_NETWORKS = "networks";
  public static final String SUMMARY_Q25 = "loss_q25";
  public static final String SUMMARY_MEDIAN = "loss_median";
  public static final String SUMMARY_Q75 = "loss_q75";

  public static final String LOSS_HISTOGRAM = "loss_histogram";
  public static final String HISTOGRAM_LOW = "log10_lo";
  public static final String HISTOGRAM_HIGH = "log10_hi";
  public static final String HISTOGRAM_COUNT = "count";

  public static final String LOSS_MODES = "loss_modes";
  public static final String MODES_PEAKS = "peaks";
  public static final String MODES_PEAK_LOG10 = "peak_log10";
  public static final String MODES_LOWEST_SHARE = "lottery_rate";

  public static final String SCALING_FIT = "scaling_fit";
  public static final String FIT_KIND = "kind";
  public static final String FIT_WIDTH_FROM = "width_min";
  public static final String FIT_WIDTH_TO = "width_max";
  public static final String FIT_ALPHA = "alpha";
  public static final String FIT_ALPHA_LOW = "alpha_low";
  public static final String FIT_ALPHA_HIGH = "alpha_high";
  /** Optional: C of median = C N^-alpha; the fitted line is anchored on the medians when absent. */
  public static final String FIT_PREFACTOR = "prefactor";
  public static final String FIT_KIND_RANGE = "all";
  /** A least-squares fit over the widths from 10 up (stats.PowerLawFit.Kind.WIDE). */
  public static final String FIT_KIND_WIDE = "wide";
  public static final String FIT_KIND_LOCAL = "local";

  public static final String SYNERGY = "synergy";
  public static final String SYNERGY_TRAINED_MEDIAN = "trained_median";
  public static final String SYNERGY_ENSEMBLED_MEDIAN = "ensemble_median";
  public static final String SYNERGY_LOG10_RATIO = "log10_ratio";
  public static final String SYNERGY_KS = "ks_statistic";
  public static final String SYNERGY_KS_P = "p_value";
  public static final String SYNERGY_VERDICT = "verdict";
  public static final String VERDICT_SYNERGY = "synergy";
  public static final String VERDICT_ENSEMBLING = "ensembling";
  /** Too few networks for the test to decide: the claim counts such a width as not measured. */
  public static final String VERDICT_UNDETERMINED = "undetermined";

  public static final String NEURONS = "neurons";
  /** w is array<double> (d inputs); the report draws its first coordinate. */
  public static final String NEURON_W = "w";
  public static final String NEURON_B = "b";
  public static final String NEURON_V = "v";
  public static final String NEURON_MIRROR_DISTANCE = "mirror_distance";
  /** Per-network symmetry: share with a close mirror, the random control's share, the score. */
  public static final String NEURON_SHARE = "share";
  public static final String NEURON_CONTROL_SHARE = "control_share";
  public static final String NEURON_SCORE = "symmetry_score";

  public static final String TICKETS = "tickets";
  public static final String TICKET_LOSS = "train_loss";
  public static final String TICKET_PEAK = "peak";
  /** Null above the clustering loss cut (read as -1 / NaN). */
  public static final String TICKET_ALGORITHM = "algorithm";
  public static final String TICKET_PC1 = "pc1";
  public static final String TICKET_PC2 = "pc2";
  /** Canonical parameters: w (2 x d, neuron-major), b (2), v (2) arrays and c. */
  public static final String TICKET_W = "w";
  public static final String TICKET_B = "b";
  public static final String TICKET_V = "v";
  public static final String TICKET_C = "c";
  public static final String TICKET_RESIDUAL_W = "w_residual";
  public static final String TICKET_RESIDUAL_B = "b_residual";
  public static final String TICKET_RESIDUAL_V = "v_residual";

  public static final String ALGORITHMS = "algorithms";
  public static final String ALGORITHM_ID = "algorithm";
  public static final String ALGORITHM_SIZE = "networks";
  public static final String ALGORITHM_MEAN_LOSS = "mean_loss";
  public static final String ALGORITHM_SYMMETRIC = "symmetric";

  /** Long format: one row per (algorithm, neuron, x) of each algorithm's medoid network. */
  public static final String ALGORITHM_CURVES = "algorithm_curves";
  public static final String CURVE_NEURON = "neuron";
  public static final String CURVE_X = "x";
  public static final String CURVE_PRE = "pre_activation";
  public static final String CURVE_POST = "post_activation";

  public static final String TICKET_PAIRS = "ticket_pairs";
  public static final String PAIR_ID = "ticket";
  public static final String PAIR_R2 = "r2";
  public static final String PAIR_X = "error_x";
  public static final String PAIR_ERROR = "error";

  public static final String TICKET_CORRELATION = "ticket_correlation";
  public static final String CORRELATION_SIZE = "tickets";
  public static final String CORRELATION_MATRIX = "correlation";
  public static final String CORRELATION_EFFECTIVE = "effective_tickets";

  public static final String DISTILLED = "distilled";
  public static final String DISTILLED_LOSS = "train_loss";

  public static final String ENSEMBLES = "ensembles";
  public static final String ENSEMBLE_ACTUAL = "ensemble_loss";
  public static final String ENSEMBLE_HARMONIC = "harmonic_loss";

  /** The experiment the paper's main text is about. */
  public static final String MAIN_TARGET = "x2";
  public static final String MAIN_ACTIVATION = "silu";
}
