package org.lotteryscaling.tables;

/** A row of {@link ResultTables#DISTILLED}: a wide network's best ticket as a width-2 network. */
public record DistilledRow(
    @Column("target id") String target,
    @Column("activation id") String activation,
    @Column("width of the wide network") int sourceWidth,
    @Column("seed index") long seed,
    @Column("the wide network's own loss") double sourceTrainLoss,
    @Column("first neuron of the ticket in the wide network") int neuronA,
    @Column("second neuron of the ticket in the wide network") int neuronB,
    @Column("the ticket's r2") double ticketR2,
    @Column("2 x d (copied)") double[] w,
    @Column("2 (copied)") double[] b,
    @Column("2 (least squares)") double[] v,
    @Column("output bias (least squares)") double c,
    @Column("distilled network's training MSE") double trainLoss,
    @Column("its test MSE") double testLoss) {}
