package org.lotteryscaling.jobs;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Tests' short ways to a results folder on the local disk, and its tables. */
final class TestFolders {
  private TestFolders() {}

  static StorageFolder of(Path dir) {
    return StorageFolder.of(dir.toString());
  }

  static String path(Path dir, String table) {
    return dir.resolve(table).toString();
  }

  /** The table as a Delta table (as every job writes it). */
  static Dataset<Row> read(SparkSession spark, Path dir, String table) {
    return spark.read().format("delta").load(path(dir, table));
  }

  /** Writes {@code rows} as the folder's table {@code table}, as the jobs do (one Delta commit). */
  static void write(Dataset<Row> rows, Path dir, String table, String... partitions) {
    DeltaTables.overwrite(rows, of(dir).resolve(table), partitions);
  }
}
