package org.lotteryscaling.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lotteryscaling.report.ReportData.Algorithm;
import org.lotteryscaling.report.ReportData.CurvePoint;
import org.lotteryscaling.report.ReportData.Distilled;
import org.lotteryscaling.report.ReportData.Ensemble;
import org.lotteryscaling.report.ReportData.HistogramBin;
import org.lotteryscaling.report.ReportData.LossModes;
import org.lotteryscaling.report.ReportData.LossSummary;
import org.lotteryscaling.report.ReportData.NetworkLoss;
import org.lotteryscaling.report.ReportData.Neuron;
import org.lotteryscaling.report.ReportData.OffsetFit;
import org.lotteryscaling.report.ReportData.ScalingFit;
import org.lotteryscaling.report.ReportData.Synergy;
import org.lotteryscaling.report.ReportData.Ticket;
import org.lotteryscaling.report.ReportData.TicketCorrelation;
import org.lotteryscaling.report.ReportData.TicketPair;
import org.lotteryscaling.tables.ColumnName;
import org.lotteryscaling.tables.ResultTables;
import org.lotteryscaling.tables.Table;
import org.lotteryscaling.tables.TableColumn;

/**
 * The report's values are read by column name from the tables jobs.ReportJob pairs them with:
 * every component of every such record must name a column of its table with a type that holds
 * it, so a renamed or retyped column fails here, not as a silently skipped figure.
 */
class ReportDataColumnsTest {

  /** Each record of ReportData read as a projection of one table (as jobs.ReportJob reads it). */
  static final Map<Class<? extends Record>, Table<?>> PROJECTIONS = Map.ofEntries(
      Map.entry(NetworkLoss.class, ResultTables.RUNS),
      Map.entry(LossSummary.class, ResultTables.LOSS_SUMMARY),
      Map.entry(HistogramBin.class, ResultTables.LOSS_HISTOGRAM),
      Map.entry(LossModes.class, ResultTables.LOSS_MODES),
      Map.entry(ScalingFit.class, ResultTables.SCALING_FIT),
      Map.entry(Synergy.class, ResultTables.SYNERGY),
      Map.entry(CurvePoint.class, ResultTables.ALGORITHM_CURVES),
      Map.entry(TicketPair.class, ResultTables.TICKET_PAIRS),
      Map.entry(TicketCorrelation.class, ResultTables.TICKET_CORRELATION),
      Map.entry(Distilled.class, ResultTables.DISTILLED),
      Map.entry(Ensemble.class, ResultTables.ENSEMBLES));

  /**
   * Computed in Java from a whole row record (NeuronRow, TicketRow, AlgorithmRow) or from
   * jobs.ReportJob's own projection (OffsetFit from FitOfTrainLoss): compiled.
   */
  static final Set<Class<?>> FROM_WHOLE_ROWS =
      Set.of(Neuron.class, Ticket.class, Algorithm.class, OffsetFit.class);

  @Test
  void everyComponentReadsAColumnOfItsTableWithATypeThatHoldsIt() {
    PROJECTIONS.forEach((type, table) -> {
      List<TableColumn> columns = table.columnsReadBy(type);
      assertEquals(type.getRecordComponents().length, columns.size(), type.getSimpleName());
    });
  }

  @Test
  void everyRecordOfReportDataIsReadOneWayOrTheOther() {
    List<Class<?>> records = Arrays.stream(ReportData.class.getDeclaredClasses())
        .filter(Class::isRecord).toList();
    for (Class<?> r : records) {
      assertTrue(PROJECTIONS.containsKey(r) ^ FROM_WHOLE_ROWS.contains(r), r.getSimpleName());
    }
    assertEquals(PROJECTIONS.size() + FROM_WHOLE_ROWS.size(), records.size());
  }

  record Renamed(String target, double middle) {}

  record Narrowed(String target, @ColumnName("networks") int networks) {}

  record Misnamed(@ColumnName("loss_q50") double median) {}

  @Test
  void aComponentWithoutItsColumnOrOfANarrowerTypeIsABug() {
    Table<?> summary = ResultTables.LOSS_SUMMARY;
    assertTrue(assertThrows(IllegalStateException.class, () -> summary.columnsReadBy(Renamed.class))
        .getMessage().contains("middle"));
    assertTrue(assertThrows(IllegalStateException.class, () -> summary.columnsReadBy(Narrowed.class))
        .getMessage().contains("long"));
    assertThrows(IllegalStateException.class, () -> summary.columnsReadBy(Misnamed.class));
  }
}
