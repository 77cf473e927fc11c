package org.lotteryscaling.jobs;

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

/**
 * One results folder DIR (any Hadoop FileSystem URI, {@link StorageFolder}): one experiment, its
 * tables in DIR/&lt;table&gt;. A folder is a results folder when DIR/runs holds a runs table (Delta,
 * or plain Parquet from before Delta); anything else is refused with a one-line
 * IllegalArgumentException before a job touches it.
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
    if (!dir.isDirectory()) {
      throw new IllegalArgumentException("no such results folder: " + dir);
    }
    if (!dir.resolve(Tables.RUNS).isDirectory()) {
      throw new IllegalArgumentException("not a results folder (no runs table): " + dir);
    }
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
      if (DeltaTables.isPlainParquet(table)) {
        throw new IllegalArgumentException(table + " is a plain Parquet table (written before"
            + " lottery-scaling 0.2); convert the folder once with: lottery convert --results " + dir);
      }
    }
    return this;
  }

  public StorageFolder dir() {
    return dir;
  }

  public Dataset<Row> runs() {
    return Tables.readRuns(spark, dir);
  }

  /**
   * Registers every table of the folder as a temporary view under its folder name and returns the
   * names: Delta tables, and plain Parquet tables of folders written before Delta. Folders that
   * hold neither (report/) are not tables.
   */
  public List<String> registerViews() {
    List<String> names = new ArrayList<>();
    for (StorageFolder table : dir.subfolders()) {
      String name = table.name();
      if (!TABLE_NAME.matcher(name).matches()
          || !(DeltaTables.isDelta(table) || DeltaTables.isPlainParquet(table))) {
        continue;
      }
      read(name).createOrReplaceTempView(name);
      names.add(name);
    }
    return names;
  }

  /** One table of the folder as a DataFrame. */
  public Dataset<Row> read(String name) {
    try {
      return Tables.read(spark, dir, name);
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot read table " + name + " of " + dir + ": " + firstLine(e));
    }
  }

  private void checkRunsSchema(StorageFolder runs) {
    StructType stored;
    if (DeltaTables.isDelta(runs)) {
      try {
        stored = DeltaTables.read(spark, runs, null).schema();
      } catch (Exception e) {
        throw new IllegalArgumentException("cannot read " + runs + " as a Delta table: " + firstLine(e));
      }
    } else {
      List<StorageFolder> files = parquetFiles(runs);
      if (files.isEmpty()) {
        if (runs.resolve("_SUCCESS").exists()) {
          return; // an empty runs table of before Delta: written, with no rows
        }
        throw new IllegalArgumentException("not a results folder (" + runs + " holds no table)");
      }
      requireParquetFiles(files);
      try {
        stored = spark.read().parquet(runs.uri()).schema();
      } catch (Exception e) {
        throw new IllegalArgumentException("cannot read " + runs + " as Parquet: " + firstLine(e));
      }
    }
    for (String column : REQUIRED_RUNS_COLUMNS) {
      DataType expected = Tables.RUNS_SCHEMA.apply(column).dataType();
      StructField actual = find(stored, column);
      if (actual == null || !actual.dataType().equals(expected)) {
        throw new IllegalArgumentException("not a runs table: " + runs + " has no column " + column
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
        throw new IllegalArgumentException("cannot read " + file + ": not a Parquet file");
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

  /** The first non-blank line of an exception's message: Spark's messages run to many lines. */
  public static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    for (String line : message.split("\n")) {
      if (!line.isBlank()) {
        return line.strip();
      }
    }
    return e.getClass().getSimpleName();
  }
}
