package org.lotteryscaling.tables;

/**
 * A row of {@link ResultTables#SCALING_FIT}: one law fitted to the median losses. The columns of
 * the original power-law rows keep their meaning; those the other forms add are null on rows that
 * have no such parameter.
 */
public record ScalingFitRow(
    @Column("target id") String target,
    @Column("activation id") String activation,
    @Column("train | test: the loss whose medians are fitted (train_loss, or test_loss of the ok"
        + " networks whose test_loss is finite)") String loss,
    @Column("power: prefactor * N^-alpha by least squares in log10-log10 | offset: offset +"
        + " prefactor * N^-alpha | joint: offset + prefactor * N^-alpha + data_prefactor *"
        + " D^-beta over the grid of widths N and data.points D (offset and joint: Huber fit in"
        + " log loss, stats.HuberLogFit)") String form,
    @Column("all | wide | local (offset and joint: all)") String kind,
    @Column("smallest width of the fit") int widthMin,
    @Column("largest width of the fit") int widthMax,
    @Column("widths in the fit (2 for local)") int widths,
    @Column("exponent fitted to the medians") double alpha,
    @Column("2.5% bootstrap quantile") double alphaLow,
    @Column("97.5% bootstrap quantile") double alphaHigh,
    @Column("power: 10^intercept; offset, joint: A") double prefactor,
    @Column("bootstrap replicates") int resamples,
    @Column("2.5% bootstrap quantile of the prefactor (offset, joint)") Double prefactorLow,
    @Column("97.5% bootstrap quantile of the prefactor (offset, joint)") Double prefactorHigh,
    @Column("E, the loss the law tends to with N (and D) (offset, joint)") Double offset,
    @Column("2.5% bootstrap quantile of E") Double offsetLow,
    @Column("97.5% bootstrap quantile of E") Double offsetHigh,
    @Column("B, the coefficient of D^-beta (joint)") Double dataPrefactor,
    @Column("2.5% bootstrap quantile of B") Double dataPrefactorLow,
    @Column("97.5% bootstrap quantile of B") Double dataPrefactorHigh,
    @Column("beta, the exponent of the training points D (joint)") Double beta,
    @Column("2.5% bootstrap quantile of beta") Double betaLow,
    @Column("97.5% bootstrap quantile of beta") Double betaHigh,
    @Column("sum of Huber losses (delta 1e-3) of the log residuals at the fit (offset, joint)")
        Double objective,
    @Column("whether the optimiser stopped at a stationary point (offset, joint)")
        Boolean converged,
    @Column("bootstrap replicates whose refit was not converged (offset, joint)")
        Integer unconverged,
    @Column("mean |predicted - observed| natural-log median loss, each width (grid cell) left"
        + " out and predicted by the form refitted without it (stats.LawSelection); on the"
        + " power rows of kind all and wide, the power law's Huber fit; null where no selection"
        + " was made") Double heldOutError,
    @Column("whether stats.LawSelection (one-SE rule on held_out_error) chose this row's form:"
        + " power against offset on the power and offset rows of kind all, and again on those of"
        + " kind wide (N >= 10, at least four widths); joint against offset, offset in D and"
        + " product on the joint row; null on every other row")
        Boolean chosen) {

  /** The losses a row may fit. */
  public static final String TRAIN = "train";
  public static final String TEST = "test";

  /** The forms of law. */
  public static final String POWER = "power";
  public static final String OFFSET = "offset";
  public static final String JOINT = "joint";

  /** The columns of {@link #loss} and {@link #form}, by which readers pick today's power rows. */
  public static final String LOSS_COLUMN = "loss";
  public static final String FORM_COLUMN = "form";

  /**
   * A power-law row of the train loss with no law selection: the row scaling_fit held before
   * forms and losses, every added column null.
   */
  public ScalingFitRow(String target, String activation, String kind, int widthMin, int widthMax,
      int widths, double alpha, double alphaLow, double alphaHigh, double prefactor,
      int resamples) {
    this(target, activation, TRAIN, POWER, kind, widthMin, widthMax, widths, alpha, alphaLow,
        alphaHigh, prefactor, resamples, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null);
  }

}
