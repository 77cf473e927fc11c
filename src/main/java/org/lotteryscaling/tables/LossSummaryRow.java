package org.lotteryscaling.tables;

/** A row of {@link ResultTables#LOSS_SUMMARY}: the loss quantiles of one width. */
public record LossSummaryRow(
    @Column("target id") String target,
    @Column("activation id") String activation,
    @Column("hidden width N") int width,
    @Column("networks in runs") long networks,
    @Column("networks that ended ok") long ok,
    @Column("networks - ok") long diverged,
    @Column("smallest loss") Double lossMin,
    @Column("10% quantile of the loss") Double lossQ10,
    @Column("25% quantile of the loss") Double lossQ25,
    @Column("median loss") Double lossMedian,
    @Column("75% quantile of the loss") Double lossQ75,
    @Column("90% quantile of the loss") Double lossQ90,
    @Column("largest loss") Double lossMax,
    @Column("mean of log10 loss") Double log10Mean,
    @Column("sample standard deviation (n - 1) of log10 loss") Double log10Sd,
    @Column("2.5% quantile of the bootstrap median (seeds resampled, as many as ok, with"
        + " replacement; stats.LossSummary.medianInterval)") Double lossMedianLow,
    @Column("97.5% quantile of the bootstrap median") Double lossMedianHigh,
    @Column("median test_loss of the ok networks whose test_loss is finite") Double testLossMedian,
    @Column("2.5% quantile of the bootstrap median test_loss") Double testLossMedianLow,
    @Column("97.5% quantile of the bootstrap median test_loss") Double testLossMedianHigh) {

  /** The row without the medians' intervals and the test loss (all null). */
  public LossSummaryRow(String target, String activation, int width, long networks, long ok,
      long diverged, Double lossMin, Double lossQ10, Double lossQ25, Double lossMedian,
      Double lossQ75, Double lossQ90, Double lossMax, Double log10Mean, Double log10Sd) {
    this(target, activation, width, networks, ok, diverged, lossMin, lossQ10, lossQ25, lossMedian,
        lossQ75, lossQ90, lossMax, log10Mean, log10Sd, null, null, null, null, null);
  }
}
