package org.lotteryscaling.tables;

/** A row of {@link ResultTables#LOSS_MODES}: the peaks of one width's log10-loss density. */
public record LossModesRow(
    @Column("target id") String target,
    @Column("activation id") String activation,
    @Column("hidden width N") int width,
    @Column("networks in runs") long networks,
    @Column("networks that ended ok") long ok,
    @Column("kernel bandwidth in decades (0: point mass; null: no ok network)") Double bandwidth,
    @Column("number of peaks (0 without ok networks)") int peaks,
    @Column("fewest peaks at any bandwidth from half to twice this one (half-octave steps)")
        int peaksLow,
    @Column("most peaks at any bandwidth from half to twice this one") int peaksHigh,
    @Column("peak locations (log10 loss), ascending") double[] peakLog10,
    @Column("ok networks in each peak (split at the density's valleys)") long[] peakNetworks,
    @Column("the lowest-loss peak (the lottery tickets); null without peaks")
        Double lowestPeakLog10,
    @Column("10^lowest_peak_log10") Double lowestPeakLoss,
    @Column("networks in the lowest-loss peak") long lotteryNetworks,
    @Column("lottery_networks / networks (diverged included)") double lotteryRate) {}
