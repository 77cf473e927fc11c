package org.lotteryscaling.tables;

/** A row of {@link ResultTables#ALGORITHMS}: one cluster of width-2 solutions. */
public record AlgorithmRow(
    @Column("target id") String target,
    @Column("activation id") String activation,
    @Column("cluster number, by increasing mean log10 loss") int algorithm,
    @Column("members") int networks,
    @Column("members / clustered networks") double share,
    @Column("(w1, w2, b1, b2, v1, v2, c) mean of the aligned members") double[] meanParams,
    @Column("the mean on the first principal component") double pc1,
    @Column("the mean on the second principal component") double pc2,
    @Column("mean train loss of the members") double meanLoss,
    @Column("median train loss of the members") double medianLoss,
    @Column("mean_params pass the tickets' symmetric rule") boolean symmetric,
    @Column("relative_residual of mean_params") double relativeResidual,
    @Column("the member nearest the mean (its curves are in algorithm_curves)") long medoidSeed,
    @Column("k chosen (same on every row of the group)") int clusters,
    @Column("mean silhouette of that k (NaN when k = 1)") double silhouette,
    @Column("share of variance of each principal component") double[] explainedVariance,
    @Column("only networks with train_loss below this were clustered") double lossCut) {}
