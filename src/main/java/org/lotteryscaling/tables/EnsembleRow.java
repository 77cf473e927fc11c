package org.lotteryscaling.tables;

/** A row of {@link ResultTables#ENSEMBLES}: two trained N/2 networks combined by least squares. */
public record EnsembleRow(
    @Column("target id") String target,
    @Column("activation id") String activation,
    @Column("N/2, the width of each member") int halfWidth,
    @Column("N") int width,
    @Column("first member's seed (2k)") long seedA,
    @Column("second member's seed (2k + 1)") long seedB,
    @Column("first member's training MSE (recomputed on the regenerated data)") double lossA,
    @Column("second member's training MSE") double lossB,
    @Column("1 / (1/loss_a + 1/loss_b)") double harmonicLoss,
    @Column("training MSE of the fitted ensemble") double ensembleLoss,
    @Column("ensemble_loss / harmonic_loss") double ensembleOverHarmonic,
    @Column("a, the first member's weight") double weightA,
    @Column("b, the second member's weight") double weightB,
    @Column("c, the offset") double offset,
    @Column("the ensemble's test MSE") double testLoss) {}
