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

  public static final String NEURONS = "neurons";
  public static final String NEURON_W = "w";
  public static final String NEURON_B = "b";
  public static final String NEURON_V = "v";
  public static final String NEURON_MIRROR_DISTANCE = "mirror_distance";
  /** Optional per-network symmetry: share with a close mirror, the random control's, the score. */
  public static final String NEURON_SHARE = "symmetric_share";
  public static final String NEURON_CONTROL_SHARE = "control_share";
  public static final String NEURON_SCORE = "symmetry_score";

  public static final String TICKETS = "tickets";
  public static final String TICKET_LOSS = "train_loss";
  public static final String TICKET_PEAK = "peak";
  public static final String TICKET_ALGORITHM = "algorithm";
  public static final String TICKET_PC1 = "pc1";
  public static final String TICKET_PC2 = "pc2";
  public static final String[] TICKET_PARAMS = {"w1", "w2", "b1", "b2", "v1", "v2", "c"};
  public static final String TICKET_RESIDUAL_W = "residual_w";
  public static final String TICKET_RESIDUAL_B = "residual_b";
  public static final String TICKET_RESIDUAL_V = "residual_v";

  public static final String ALGORITHMS = "algorithms";
  public static final String ALGORITHM_ID = "algorithm";
  public static final String ALGORITHM_SIZE = "size";
  public static final String ALGORITHM_MEAN_LOSS = "mean_loss";
  public static final String ALGORITHM_SYMMETRIC = "symmetric";
  public static final String ALGORITHM_X = "x";
  public static final String ALGORITHM_PRE1 = "pre1";
  public static final String ALGORITHM_POST1 = "post1";
  public static final String ALGORITHM_PRE2 = "pre2";
  public static final String ALGORITHM_POST2 = "post2";

  public static final String TICKET_PAIRS = "ticket_pairs";
  public static final String PAIR_ID = "pair";
  public static final String PAIR_R2 = "r2";
  public static final String PAIR_X = "x";
  public static final String PAIR_ERROR = "error";

  public static final String TICKET_CORRELATION = "ticket_correlation";
  public static final String CORRELATION_SIZE = "tickets";
  public static final String CORRELATION_MATRIX = "matrix";
  public static final String CORRELATION_EFFECTIVE = "effective_tickets";

  public static final String DISTILLED = "distilled";
  public static final String DISTILLED_LOSS = "distilled_loss";

  public static final String ENSEMBLES = "ensembles";
  public static final String ENSEMBLE_ACTUAL = "actual_loss";
  public static final String ENSEMBLE_HARMONIC = "harmonic_loss";

  /** The experiment the paper's main text is about. */
  public static final String MAIN_TARGET = "x2";
  public static final String MAIN_ACTIVATION = "silu";
}
