package org.lotteryscaling.tables;

/** A row of {@link ResultTables#SCALING_FIT}: one power law fitted to the median losses. */
public record ScalingFitRow(
    @Column("target id") String target,
    @Column("activation id") String activation,
    @Column("all | wide | local") String kind,
    @Column("smallest width of the fit") int widthMin,
    @Column("largest width of the fit") int widthMax,
    @Column("widths in the fit (2 for local)") int widths,
    @Column("exponent fitted to the medians") double alpha,
    @Column("2.5% bootstrap quantile") double alphaLow,
    @Column("97.5% bootstrap quantile") double alphaHigh,
    @Column("10^intercept") double prefactor,
    @Column("bootstrap replicates") int resamples) {}
