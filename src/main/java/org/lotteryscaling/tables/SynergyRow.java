package org.lotteryscaling.tables;

/** A row of {@link ResultTables#SYNERGY}: width N against N/2 + N/2 ensembles. */
public record SynergyRow(
    @Column("target id") String target,
    @Column("activation id") String activation,
    @Column("N") int width,
    @Column("N/2") int halfWidth,
    @Column("resampled ensembles (= ok networks at N/2)") int pairs,
    @Column("ok networks at N") int trained,
    @Column("median loss of the ensembles") double ensembleMedian,
    @Column("median loss of the trained width-N networks") double trainedMedian,
    @Column("log10(trained_median / ensemble_median); below 0: N beats ensembling")
        double log10Ratio,
    @Column("two-sample Kolmogorov-Smirnov D") double ksStatistic,
    @Column("its asymptotic p-value") double pValue,
    @Column("synergy | ensembling | worse_than_ensembling | undetermined") String verdict) {}
