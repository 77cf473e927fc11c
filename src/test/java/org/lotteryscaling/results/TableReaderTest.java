package org.lotteryscaling.results;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.report.ReportData;
import org.lotteryscaling.tables.LossSummaryRow;
import org.lotteryscaling.tables.ResultTables;

/**
 * The report skips a table only when it is missing or unreadable (a column absent or of another
 * type than its definition); an exception of the code mapping its rows is a bug and propagates.
 */
class TableReaderTest {

  /** A record whose construction fails, as a bug in a row mapper would. */
  record Exploding(String target) {
    Exploding {
      throw new IllegalStateException("a bug in a mapper");
    }
  }

  @Test
  void onlyAMissingOrUnreadableTableIsSkipped(@TempDir Path dir) {
    SparkSession spark = Spark.session("table-reader-test", "local[1]");
    Dataset<Row> summary = spark.createDataFrame(List.of(RowCodec.encode(new LossSummaryRow("x2",
        "silu", 2, 3, 3, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, -0.5, 0.1))),
        RowCodec.schema(ResultTables.LOSS_SUMMARY));
    Path good = dir.resolve("good");
    Path retyped = dir.resolve("retyped");
    TestFolders.write(summary, good, "loss_summary");
    TestFolders.write(summary.withColumn("networks", col("networks").cast("string")), retyped,
        "loss_summary");

    TableReader reader = new TableReader(spark, TestFolders.of(good));
    List<ReportData.LossSummary> rows =
        reader.read(ResultTables.LOSS_SUMMARY, ReportData.LossSummary.class);
    assertEquals(List.of(new ReportData.LossSummary("x2", "silu", 2, 3, 0.3, 0.4, 0.5)), rows);
    assertTrue(reader.read(ResultTables.SYNERGY, ReportData.Synergy.class).isEmpty());
    assertTrue(reader.unavailable().get("synergy").endsWith("does not exist"),
        reader.unavailable().toString());
    assertTrue(assertThrows(IllegalStateException.class,
        () -> reader.read(ResultTables.LOSS_SUMMARY, Exploding.class)).getMessage().contains("bug"));

    // A folder aggregated before loss_summary had the median's interval still reads: NaN.
    Path older = dir.resolve("older");
    TestFolders.write(summary.drop("loss_median_low", "loss_median_high"), older, "loss_summary");
    TableReader old = new TableReader(spark, TestFolders.of(older));
    assertEquals(rows, old.read(ResultTables.LOSS_SUMMARY, ReportData.LossSummary.class));
    assertTrue(old.unavailable().isEmpty(), old.unavailable().toString());

    TableReader other = new TableReader(spark, TestFolders.of(retyped));
    assertTrue(other.read(ResultTables.LOSS_SUMMARY, ReportData.LossSummary.class).isEmpty());
    assertTrue(other.unavailable().get("loss_summary").contains("networks is string, not long"),
        other.unavailable().toString());
  }
}
