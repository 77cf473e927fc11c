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
    @Column("sample standard deviation (n - 1) of log10 loss") Double log10Sd) {}
