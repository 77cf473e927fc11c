package org.lotteryscaling.jobs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One results folder DIR: one experiment, its tables in DIR/&lt;table&gt;. A folder is a results
 * folder when DIR/runs holds a runs table; anything else is refused with a one-line
 * IllegalArgumentException before a job touches it.
 */
public final class ResultsFolder {
  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** The columns of runs the jobs cannot do without: a table lacking them is not a runs table. */
  private static final String[] REQUIRED_RUNS_COLUMNS = {"target", "activation", "width", "status", "train_loss"};

  private final SparkSession spark;
  private final Path dir;

  private ResultsFolder(SparkSession spark, Path dir) {
    this.spark = spark;
    this.dir = dir;
  }

  /** Opens DIR, checking that it is a results folder. */
  public static ResultsFolder open(SparkSession spark, Path dir) {
    requireRuns(dir);
    ResultsFolder folder = new ResultsFolder(spark, dir);
    folder.checkRunsSchema(dir.resolve(Tables.RUNS));
    return folder;
  }

  /** The check that needs no Spark, so commands can make it before a session starts. */
  public static void requireRuns(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no such results folder: " + dir);
    }
    if (!Files.isDirectory(dir.resolve(Tables.RUNS))) {
      throw new IllegalArgumentException("not a results folder (no runs table): " + dir);
    }
  }

  public Path dir() {
    return dir;
  }

  public Dataset<Row> runs() {
    return Tables.readRuns(spark, dir);
  }

  /**
   * Registers every table of the folder as a temporary view under its folder name and returns the
   * names. Tables with a schema in {@link Tables#SCHEMAS} are read with it (so empty tables keep
   * their columns); other Parquet folders (tables of other jobs) with the schema Parquet stores.
   * Folders that hold no Parquet (report/) are not tables.
   */
  public List<String> registerViews() {
    List<String> names = new ArrayList<>();
    for (Path table : subfolders()) {
      String name = table.getFileName().toString();
      if (!TABLE_NAME.matcher(name).matches() || !holdsParquet(table)) {
        continue;
      }
      read(name).createOrReplaceTempView(name);
      names.add(name);
    }
    return names;
  }

  /** One table of the folder as a DataFrame. */
  public Dataset<Row> read(String name) {
    if (name.equals(Tables.RUNS)) {
      return runs();
    }
    StructType schema = Tables.SCHEMAS.get(name);
    String path = Tables.path(dir, name);
    try {
      return schema != null ? spark.read().schema(schema).parquet(path) : spark.read().parquet(path);
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot read table " + name + " of " + dir + ": " + firstLine(e));
    }
  }

  private void checkRunsSchema(Path runs) {
    if (!holdsParquetFiles(runs)) {
      if (Files.exists(runs.resolve("_SUCCESS"))) {
        return; // an empty runs table: written, with no rows
      }
      throw new IllegalArgumentException("not a results folder (" + runs + " holds no Parquet table)");
    }
    requireParquetFiles(runs);
    StructType stored;
    try {
      stored = spark.read().parquet(runs.toString()).schema();
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot read " + runs + " as Parquet: " + firstLine(e));
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
  private static void requireParquetFiles(Path folder) {
    byte[] magic = "PAR1".getBytes(StandardCharsets.US_ASCII);
    try {
      for (Path file : parquetFiles(folder)) {
        try (FileChannel channel = FileChannel.open(file)) {
          long size = channel.size();
          ByteBuffer head = ByteBuffer.allocate(4);
          ByteBuffer tail = ByteBuffer.allocate(4);
          boolean ok = size >= 12 && channel.read(head, 0) == 4 && channel.read(tail, size - 4) == 4
              && Arrays.equals(head.array(), magic) && Arrays.equals(tail.array(), magic);
          if (!ok) {
            throw new IllegalArgumentException("cannot read " + file + ": not a Parquet file");
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + folder + ": " + e.getMessage());
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

  private List<Path> subfolders() {
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot list results folder " + dir + ": " + e.getMessage());
    }
  }

  /** A table folder written by Spark: a _SUCCESS marker or Parquet files. */
  private static boolean holdsParquet(Path folder) {
    return Files.exists(folder.resolve("_SUCCESS")) || holdsParquetFiles(folder);
  }

  private static boolean holdsParquetFiles(Path folder) {
    return !parquetFiles(folder).isEmpty();
  }

  /**
   * The table's *.parquet files as Spark sees them: files under a name starting with _ or . (an
   * unfinished write's _temporary, checksums) are not part of the table.
   */
  private static List<Path> parquetFiles(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> visible(folder.relativize(p)))
          .toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + folder + ": " + e.getMessage());
    }
  }

  private static boolean visible(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith("_") || name.startsWith(".")) {
        return false;
      }
    }
    return true;
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
