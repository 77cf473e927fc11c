package org.lotteryscaling.tables;

/** A row of {@link ResultTables#ALGORITHM_CURVES}: one neuron of a medoid network at one x. */
public record AlgorithmCurveRow(
    @Column("target id") String target,
    @Column("activation id") String activation,
    @Column("the algorithm") int algorithm,
    @Column("0 or 1, in the order of mean_params") int neuron,
    @Column("input") double x,
    @Column("w x + b") double preActivation,
    @Column("sigma(w x + b)") double postActivation) {}
