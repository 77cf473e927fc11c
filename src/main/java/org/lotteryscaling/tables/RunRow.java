package org.lotteryscaling.tables;

/** A row of {@link ResultTables#RUNS}: one trained network. */
public record RunRow(
    @Column("target id (x2, sin, mul3, ...)") String target,
    @Column("silu, relu, leaky_relu, tanh, gelu, sigmoid, softplus") String activation,
    @Column("hidden width N") int width,
    @Column("seed index within the experiment") long seed,
    @Column("input dimension d") int inputDim,
    @Column("hash of the experiment config that produced the row") String configHash,
    @Column("version of this code that trained it") String codeVersion,
    @Column("ok | diverged") String status,
    @Column("final training MSE (the paper's loss); non-finite if diverged") double trainLoss,
    @Column("MSE on the test points; NaN if diverged") double testLoss,
    @Column("Adam steps taken") int steps,
    @Column("wall time of the training") double seconds,
    @Column("first-layer weights, N x d neuron-major (w[i * d + j])") double[] w,
    @Column("first-layer biases, N") double[] b,
    @Column("output weights, N") double[] v,
    @Column("output bias") double c,
    @Column("steps at which the training loss was sampled (log-spaced)") int[] curveStep,
    @Column("the training loss after that many steps") double[] curveLoss) {}
