package org.lotteryscaling.tables;

/** A row of {@link ResultTables#LOSS_HISTOGRAM}: one bin of one width's log10-loss histogram. */
public record LossHistogramRow(
    @Column("target id") String target,
    @Column("activation id") String activation,
    @Column("hidden width N") int width,
    @Column("0 .. bins - 1") int bin,
    @Column("lower edge (log10 loss)") double log10Lo,
    @Column("upper edge (log10 loss)") double log10Hi,
    @Column("ok networks in the bin") long count,
    @Column("count / ok of the width (null when ok = 0)") Double fraction) {}
