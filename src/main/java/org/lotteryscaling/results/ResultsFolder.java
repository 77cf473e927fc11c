package org.lotteryscaling.results;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.lotteryscaling.UserError;
import org.lotteryscaling.tables.ResultTables;
import org.lotteryscaling.tables.Table;
import org.lotteryscaling.task.ExperimentConfig;

/**
 * One results folder DIR (any Hadoop FileSystem URI, {@link StorageFolder}): one experiment, its
 * tables in DIR/&lt;table&gt;. Every rule about what a results folder is lives here, and every
 * command checks through it, refusing with a one-line {@link UserError} before a job touches it:
 * <ul>
 *   <li>it exists, and holds a runs table (Delta, or plain Parquet from before Delta) with the
 *       columns the jobs need ({@link #open}, {@link #requireRuns}); the report needs only one of
 *       the result tables of {@link Tables} ({@link #requireResultTables});
 *   <li>a job that writes tables finds no plain Parquet one ({@link #requireWritable},
 *       {@link #requireDelta});
 *   <li>a train's folder holds its own experiment ({@link #requireExperiment}, experiment.conf,
 *       see {@link ExperimentFolder}).
 * </ul>
 */
public final class ResultsFolder {
  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** The columns of runs the jobs cannot do without: a table lacking them is not a runs table. */
  private static final String[] REQUIRED_RUNS_COLUMNS = {"target", "activation", "width", "status", "train_loss"};

  private final SparkSession spark;
  private final StorageFolder dir;

  private ResultsFolder(SparkSession spark, StorageFolder dir) {
    this.spark = spark;
    this.dir = dir;
  }

  /** Opens DIR, checking that it is a results folder. */
  public static ResultsFolder open(SparkSession spark, String uri) {
    StorageFolder dir = StorageFolder.of(spark, uri);
    requireRuns(dir);
    ResultsFolder folder = new ResultsFolder(spark, dir);
    folder.checkRunsSchema(dir.resolve(Tables.RUNS));
    return folder;
  }

  /** The check that needs no Spark, so commands can make it before a session starts. */
  public static void requireRuns(StorageFolder dir) {
    requireExists(dir);
    if (!dir.resolve(Tables.RUNS).isDirectory()) {
      throw new UserError("not a results folder (no runs table): " + dir);
    }
  }

  private static void requireExists(StorageFolder dir) {
    if (!dir.isDirectory()) {
      throw new UserError("no such results folder: " + dir);
    }
  }

  /** Every table a results folder may hold, as the jobs write them ({@link ResultTables#ALL}). */
  public static List<String> tableNames() {
    return ResultTables.ALL.stream().map(Table::name).toList();
  }

  /** For the report, which draws what it finds: DIR exists and holds at least one result table. */
  public static void requireResultTables(StorageFolder dir) {
    requireExists(dir);
    List<String> known = tableNames();
    if (known.stream().noneMatch(t -> dir.resolve(t).isDirectory())) {
      throw new UserError(dir + " holds none of the result tables (" + String.join(", ", known)
          + "): not a results folder");
    }
  }

  /** As {@link #requireResultTables(StorageFolder)}, for a path or URI, before Spark starts. */
  public static void requireResultTables(String uri) {
    requireResultTables(StorageFolder.of(uri));
  }

  /**
   * For a train: {@code dir} is new, or the folder of {@code config} (its experiment.conf), and
   * its runs table, if any, is Delta. Needs no Spark.
   */
  public static void requireExperiment(StorageFolder dir, ExperimentConfig config) {
    ExperimentFolder.check(dir, config);
    requireDelta(dir, dir.resolve(Tables.RUNS));
  }

  /** As {@link #requireRuns(StorageFolder)}, for a path or URI. */
  public static void requireRuns(String uri) {
    requireRuns(StorageFolder.of(uri));
  }

  /**
   * Refuses, in one line, a folder whose tables are plain Parquet (written before Delta): a job
   * that writes tables writes Delta ones only, and a Delta table over a plain one's files would
   * leave those files behind. {@code lottery convert} converts the folder once.
   */
  public ResultsFolder requireWritable() {
    for (StorageFolder table : dir.subfolders()) {
      requireDelta(dir, table);
    }
    return this;
  }

  /** A table of {@code dir} that exists is not plain Parquet (a job writes Delta tables only). */
  public static void requireDelta(StorageFolder dir, StorageFolder table) {
    if (table.exists() && DeltaTables.isPlainParquet(table)) {
      throw new UserError(table + " is a plain Parquet table (written before"
          + " lottery-scaling 0.2); convert the folder once with: lottery convert --results " + dir);
    }
  }

  public StorageFolder dir() {
    return dir;
  }

  public Dataset<Row> runs() {
    return Tables.readRuns(spark, dir);
  }

  /**
   * The names of the folder's tables: Delta tables, and plain Parquet tables of folders written
   * before Delta. Folders that hold neither (report/) are not tables.
   */
  public List<String> tables() {
    List<String> names = new ArrayList<>();
    for (StorageFolder table : dir.subfolders()) {
      if (TABLE_NAME.matcher(table.name()).matches()
          && (DeltaTables.isDelta(table) || DeltaTables.isPlainParquet(table))) {
        names.add(table.name());
      }
    }
    return names;
  }

  /** Registers every table of the folder as a temporary view under its name; returns the names. */
  public List<String> registerViews() {
    List<String> names = tables();
    for (String name : names) {
      read(name).createOrReplaceTempView(name);
    }
    return names;
  }

  /** Whether the table {@code name} of the folder is a Delta table (else plain Parquet). */
  public boolean isDelta(String name) {
    return DeltaTables.isDelta(dir.resolve(name));
  }

  /** One table of the folder as a DataFrame. */
  public Dataset<Row> read(String name) {
    try {
      return Tables.read(spark, dir, name);
    } catch (Exception e) {
      throw SparkErrors.unreadable("cannot read table " + name + " of " + dir, e);
    }
  }

  private void checkRunsSchema(StorageFolder runs) {
    StructType stored;
    if (DeltaTables.isDelta(runs)) {
      try {
        stored = DeltaTables.read(spark, runs, null).schema();
      } catch (Exception e) {
        throw SparkErrors.unreadable("cannot read " + runs + " as a Delta table", e);
      }
    } else {
      List<StorageFolder> files = parquetFiles(runs);
      if (files.isEmpty()) {
        if (runs.resolve("_SUCCESS").exists()) {
          return; // an empty runs table of before Delta: written, with no rows
        }
        throw new UserError("not a results folder (" + runs + " holds no table)");
      }
      requireParquetFiles(files);
      try {
        stored = spark.read().parquet(runs.uri()).schema();
      } catch (Exception e) {
        throw SparkErrors.unreadable("cannot read " + runs + " as Parquet", e);
      }
    }
    for (String column : REQUIRED_RUNS_COLUMNS) {
      DataType expected = Tables.RUNS_SCHEMA.apply(column).dataType();
      StructField actual = find(stored, column);
      if (actual == null || !actual.dataType().equals(expected)) {
        throw new UserError("not a runs table: " + runs + " has no column " + column
            + " of type " + expected.simpleString());
      }
    }
  }

  /**
   * Every *.parquet file starts and ends with the magic PAR1. Checked here, without Spark, so that a
   * stray or truncated file is one clear line, not an executor's stack trace in the log.
   */
  private static void requireParquetFiles(List<StorageFolder> files) {
    byte[] magic = "PAR1".getBytes(StandardCharsets.US_ASCII);
    for (StorageFolder file : files) {
      long size = file.length();
      boolean ok = size >= 12 && Arrays.equals(file.readBytes(0, 4), magic)
          && Arrays.equals(file.readBytes(size - 4, 4), magic);
      if (!ok) {
        throw new UserError("cannot read " + file + ": not a Parquet file");
      }
    }
  }

  private static StructField find(StructType schema, String column) {
    for (StructField f : schema.fields()) {
      if (f.name().equals(column)) {
        return f;
      }
    }
    return null;
  }

  /**
   * The table's *.parquet files as Spark sees them: files under a name starting with _ or . (an
   * unfinished write's _temporary, checksums) are not part of the table.
   */
  private static List<StorageFolder> parquetFiles(StorageFolder folder) {
    return folder.filesBelow().stream()
        .filter(f -> f.name().endsWith(".parquet"))
        .filter(f -> DeltaTables.visible(f.relativeTo(folder)))
        .toList();
  }
}
