package org.lotteryscaling.results;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * `lottery convert`: makes a results folder written before Delta (lottery-scaling 0.1: plain
 * Parquet tables) a folder of Delta tables, in place. CONVERT TO DELTA writes each table's
 * transaction log over the Parquet files already there; no data file is rewritten or moved, so
 * nothing computed is retrained and plain Parquet readers still read the same files.
 */
public final class ConvertJob {
  private ConvertJob() {}

  /** What happened to one table. */
  public record Converted(String table, boolean converted) {}

  public static List<Converted> run(SparkSession spark, String uri) {
    ResultsFolder folder = ResultsFolder.open(spark, uri);
    List<Converted> out = new ArrayList<>();
    for (StorageFolder table : folder.dir().subfolders()) {
      if (DeltaTables.isDelta(table)) {
        out.add(new Converted(table.name(), false));
      } else if (DeltaTables.isPlainParquet(table)) {
        StructType partitions = table.name().equals(Tables.RUNS) ? runsPartitionSchema() : null;
        try {
          DeltaTables.convert(spark, table, partitions);
        } catch (Exception e) {
          throw SparkErrors.unreadable("cannot convert " + table + " to Delta", e);
        }
        out.add(new Converted(table.name(), true));
      }
    }
    return out;
  }

  private static StructType runsPartitionSchema() {
    StructType schema = new StructType();
    for (String column : Tables.RUNS_PARTITIONS) {
      schema = schema.add(Tables.RUNS_SCHEMA.apply(column));
    }
    return schema;
  }
}
