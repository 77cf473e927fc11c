package org.lotteryscaling.tables;

/** A row of {@link ResultTables#TICKET_PAIRS}: one mirror pair of neurons of a wide network. */
public record TicketPairRow(
    @Column("target id") String target,
    @Column("activation id") String activation,
    @Column("hidden width N") int width,
    @Column("seed index") long seed,
    @Column("rank by r2, 0 = best") int ticket,
    @Column("first neuron of the pair") int neuronA,
    @Column("second neuron of the pair") int neuronB,
    @Column("distance from neuron_a's mirror image to neuron_b") double mirrorDistance,
    @Column("neuron_a's incoming weights (d)") double[] wA,
    @Column("neuron_a's bias") double bA,
    @Column("neuron_a's output weight") double vA,
    @Column("neuron_b's incoming weights (d)") double[] wB,
    @Column("neuron_b's bias") double bB,
    @Column("neuron_b's output weight") double vB,
    @Column("R^2 of the best linear fit of the pair's function to the target") double r2,
    @Column("that fit's alpha") double fitScale,
    @Column("that fit's beta") double fitOffset,
    @Column("RMS of the error function on the training points") double errorRms,
    @Column("grid of x (one input only; empty otherwise)") double[] errorX,
    @Column("the error function alpha g + beta - y on that grid") double[] error) {}
