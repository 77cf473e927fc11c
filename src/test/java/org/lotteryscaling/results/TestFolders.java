package org.lotteryscaling.results;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Tests' short ways to a results folder on the local disk, and its tables. */
public final class TestFolders {
  private TestFolders() {}

  public static StorageFolder of(Path dir) {
    return StorageFolder.of(dir.toString());
  }

  public static String path(Path dir, String table) {
    return dir.resolve(table).toString();
  }

  /** The table as a Delta table (as every job writes it). */
  public static Dataset<Row> read(SparkSession spark, Path dir, String table) {
    return spark.read().format("delta").load(path(dir, table));
  }

  /** Writes {@code rows} as the folder's table {@code table}, as the jobs do (one Delta commit). */
  public static void write(Dataset<Row> rows, Path dir, String table, String... partitions) {
    DeltaTables.overwrite(rows, of(dir).resolve(table), partitions);
  }
}
