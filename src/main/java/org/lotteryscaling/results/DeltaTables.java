package org.lotteryscaling.results;

import io.delta.tables.DeltaTable;
import java.util.ConcurrentModificationException;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * How every table of a results folder is stored: a Delta Lake table, Parquet data files under a
 * transaction log ({@code _delta_log}). A write is one Delta commit, so readers see all of it or
 * none of it, on any Hadoop file system, with no lock or rename of ours. Folders written before
 * Delta (plain Parquet, lottery-scaling 0.1) are read as they are and converted for writing by
 * {@link #convert}.
 */
public final class DeltaTables {
  private DeltaTables() {}

  public static final String LOG = "_delta_log";

  /** How often a commit that lost a race with another writer is tried again. */
  private static final int CONFLICT_RETRIES = 10;

  /** A Delta table: the folder holds a transaction log. */
  public static boolean isDelta(StorageFolder table) {
    return table.resolve(LOG).isDirectory();
  }

  /** A table written before Delta: Parquet files (or Spark's _SUCCESS marker), no log. */
  public static boolean isPlainParquet(StorageFolder table) {
    return table.isDirectory() && !isDelta(table)
        && (table.resolve("_SUCCESS").exists() || table.filesBelow().stream()
            .anyMatch(f -> f.name().endsWith(".parquet") && visible(f.relativeTo(table))));
  }

  /**
   * The table in {@code folder}: its Delta snapshot, or a plain Parquet table read with
   * {@code schema} where one is given (so an empty table keeps its columns).
   */
  public static Dataset<Row> read(SparkSession spark, StorageFolder table, StructType schema) {
    if (isDelta(table)) {
      return spark.read().format("delta").load(table.uri());
    }
    return schema != null ? spark.read().schema(schema).parquet(table.uri())
        : spark.read().parquet(table.uri());
  }

  /** Replaces the table's rows with {@code rows} (creating it if needed) in one commit. */
  public static void overwrite(Dataset<Row> rows, StorageFolder table, String... partitions) {
    DataFrameWriter<Row> writer = rows.write().format("delta").mode(SaveMode.Overwrite)
        .option("overwriteSchema", "true");
    if (partitions.length > 0) {
      writer = writer.partitionBy(partitions);
    }
    writer.save(table.uri());
  }

  /** Creates an empty table of {@code schema} unless one exists; a concurrent creator may win. */
  public static void createIfAbsent(SparkSession spark, StorageFolder table, StructType schema,
      String... partitions) {
    if (isDelta(table)) {
      return;
    }
    try {
      spark.createDataFrame(List.<Row>of(), schema).write().format("delta")
          .mode(SaveMode.Append).partitionBy(partitions).save(table.uri());
    } catch (ConcurrentModificationException lostTheRace) {
      // Another writer created it at the same moment; its table is the one to use.
    }
  }

  /**
   * Inserts the rows of {@code rows} whose {@code keys} the table does not hold yet, in one commit
   * (a MERGE with only WHEN NOT MATCHED). Two writers inserting the same keys at once: Delta's
   * conflict check fails the later commit, which is tried again on the new snapshot and then
   * inserts nothing already there. {@code targetFilter} (SQL over the table as {@code t}, or
   * null) names the partitions the rows can fall in: Delta then reads only those, and a commit
   * conflicts only with writes to them. Where there is no table yet, the rows create it (its
   * first commit, partitioned by {@code partitions}): nothing is there to match, and the MERGE's
   * join and an empty creating commit cost a cold run seconds (docs/performance.md). A creation
   * that loses the race to another writer's fails as a whole and falls back to the MERGE. Returns
   * the number of rows inserted.
   */
  public static long insertMissing(StorageFolder table, Dataset<Row> rows, String targetFilter,
      String[] partitions, String... keys) {
    if (!isDelta(table) && createWith(rows, table, partitions)) {
      return rows.count();
    }
    StringBuilder on = new StringBuilder(targetFilter == null ? "" : "(" + targetFilter + ")");
    for (String key : keys) {
      on.append(on.length() == 0 ? "" : " AND ").append("t.").append(key).append(" = s.").append(key);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        Dataset<Row> metrics = DeltaTable.forPath(rows.sparkSession(), table.uri()).as("t")
            .merge(rows.as("s"), on.toString())
            .whenNotMatched().insertAll()
            .execute();
        return metrics.first().getAs("num_inserted_rows");
      } catch (ConcurrentModificationException conflict) {
        if (attempt == CONFLICT_RETRIES) {
          throw conflict;
        }
      }
    }
  }

  /**
   * Creates the table with {@code rows} as its first commit; false if another writer's table got
   * there first (Delta's ErrorIfExists, or its conflict check when both commit version 0 at once).
   */
  private static boolean createWith(Dataset<Row> rows, StorageFolder table, String[] partitions) {
    try {
      rows.write().format("delta").mode(SaveMode.ErrorIfExists).partitionBy(partitions)
          .save(table.uri());
      return true;
    } catch (ConcurrentModificationException lostTheRace) {
      return false;
    } catch (Exception e) { // Scala's AnalysisException, checked for Java, arrives undeclared
      if (isDelta(table) && e instanceof AnalysisException) {
        return false; // created by another writer between the check and this write
      }
      throw SparkErrors.<RuntimeException>sneaky(e);
    }
  }

  /**
   * Makes a plain Parquet table a Delta table in place (CONVERT TO DELTA: writes the log, moves
   * no data file). Files under a name starting with _ or . (an unfinished write's _temporary) are
   * not part of the table and stay out.
   */
  public static void convert(SparkSession spark, StorageFolder table, StructType partitionSchema) {
    String partitioned = partitionSchema == null || partitionSchema.isEmpty() ? ""
        : " PARTITIONED BY (" + partitionSchema.toDDL() + ")";
    spark.sql("CONVERT TO DELTA parquet.`" + table.uri() + "`" + partitioned);
  }

  /** Spark's rule: a path part starting with _ or . is not part of a table. */
  static boolean visible(String relative) {
    for (String part : relative.split("/")) {
      if (part.startsWith("_") || part.startsWith(".")) {
        return false;
      }
    }
    return true;
  }
}
