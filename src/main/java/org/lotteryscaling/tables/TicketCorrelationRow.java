package org.lotteryscaling.tables;

/** A row of {@link ResultTables#TICKET_CORRELATION}: one network's tickets' error correlation. */
public record TicketCorrelationRow(
    @Column("target id") String target,
    @Column("activation id") String activation,
    @Column("hidden width N") int width,
    @Column("seed index") long seed,
    @Column("K pairs") int tickets,
    @Column("the pairing is proven minimum-cost (see MirrorPairing)") boolean exactPairing,
    @Column("K x K, row-major, tickets in rank order") double[] correlation,
    @Column("its eigenvalues, decreasing") double[] eigenvalues,
    @Column("(sum eigenvalues)^2 / sum eigenvalues^2") double effectiveTickets) {}
