package org.lotteryscaling.tables;

/** A row of {@link ResultTables#NEURONS}: one hidden neuron of one network. */
public record NeuronRow(
    @Column("target id") String target,
    @Column("activation id") String activation,
    @Column("hidden width N") int width,
    @Column("seed index") long seed,
    @Column("index in the network") int neuron,
    @Column("incoming weights (d)") double[] w,
    @Column("bias") double b,
    @Column("output weight") double v,
    @Column("distance from (-w, b) to the nearest other neuron's (w', b')") double mirrorDistance,
    @Column("that neuron") int mirrorPartner,
    @Column("mirror_distance <= threshold") boolean close,
    @Column("0.5 x the network's median nearest-neighbour distance") double threshold,
    @Column("the network's share of neurons with close = true") double share,
    @Column("the same share for the independent Gaussian control") double controlShare,
    @Column("(share - control_share) / (1 - control_share)") double symmetryScore,
    @Column("symmetry_score >= 0.5") boolean symmetric) {}
