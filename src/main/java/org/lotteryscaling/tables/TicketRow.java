package org.lotteryscaling.tables;

/** A row of {@link ResultTables#TICKETS}: one width-2 network in canonical neuron order. */
public record TicketRow(
    @Column("target id") String target,
    @Column("activation id") String activation,
    @Column("seed index") long seed,
    @Column("training MSE") double trainLoss,
    @Column("test MSE") double testLoss,
    @Column("its loss peak, 0 = lowest-loss peak (the lottery tickets)") int peak,
    @Column("log10 of that peak's mode") double peakLog10Loss,
    @Column("2 x d, canonical neuron order (w1 before w2)") double[] w,
    @Column("(b1, b2) in that order") double[] b,
    @Column("(v1, v2) in that order") double[] v,
    @Column("output bias") double c,
    @Column("|w1 + w2|") double wResidual,
    @Column("|b1 - b2|") double bResidual,
    @Column("|v1 - v2|") double vResidual,
    @Column("largest residual relative to its pair's magnitudes") double relativeResidual,
    @Column("relative_residual <= 0.1") boolean symmetric,
    @Column("its cluster in algorithms; null above the loss cut") Integer algorithm,
    @Column("its coordinate on the algorithms' first PC; null above the loss cut") Double pc1,
    @Column("its coordinate on the algorithms' second PC; null above the loss cut") Double pc2) {}
