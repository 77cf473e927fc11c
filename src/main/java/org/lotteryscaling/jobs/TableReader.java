package org.lotteryscaling.jobs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reads result tables of one folder into plain values for the report: a table that is absent,
 * unreadable or lacks a column the reader needs becomes an empty list and a line in
 * {@link #unavailable()} saying why, so the report can skip what depends on it and say so.
 */
final class TableReader {
  private final SparkSession spark;
  private final StorageFolder dir;
  private final Map<String, String> unavailable = new TreeMap<>();

  TableReader(SparkSession spark, StorageFolder resultsDir) {
    this.spark = spark;
    this.dir = resultsDir;
  }

  Map<String, String> unavailable() {
    return unavailable;
  }

  boolean exists(String table) {
    return dir.resolve(table).isDirectory();
  }

  /**
   * The rows of {@code table} mapped by {@code mapper}, reading the {@code required} columns and
   * those {@code optional} ones the table has (a mapper sees an absent optional column as NaN).
   */
  <T> List<T> read(String table, String[] required, String[] optional, Function<Cells, T> mapper) {
    return read(table, required, optional, frame -> frame, mapper);
  }

  /** As above, keeping only the rows {@code narrow} selects (run in Spark, before collecting). */
  <T> List<T> read(String table, String[] required, String[] optional,
      Function<Dataset<Row>, Dataset<Row>> narrow, Function<Cells, T> mapper) {
    if (!exists(table)) {
      unavailable.put(table, dir.resolve(table) + " does not exist");
      return List.of();
    }
    try {
      Dataset<Row> frame = Tables.read(spark, dir, table);
      Set<String> columns = new LinkedHashSet<>(Arrays.asList(frame.columns()));
      List<String> missing = Arrays.stream(required).filter(c -> !columns.contains(c)).toList();
      if (!missing.isEmpty()) {
        unavailable.put(table, "table " + table + " lacks column(s) " + String.join(", ", missing));
        return List.of();
      }
      List<Column> wanted = new ArrayList<>();
      for (String c : required) {
        wanted.add(functions.col(c));
      }
      for (String c : optional) {
        if (columns.contains(c)) {
          wanted.add(functions.col(c));
        }
      }
      List<Row> rows = narrow.apply(frame).select(wanted.toArray(new Column[0])).collectAsList();
      List<T> out = new ArrayList<>(rows.size());
      for (Row row : rows) {
        out.add(mapper.apply(new Cells(row)));
      }
      return out;
    } catch (Exception e) { // Spark's SparkException (checked, thrown from Scala) for corrupt files
      unavailable.put(table, "table " + table + " cannot be read: " + ResultsFolder.firstLine(e));
      return List.of();
    }
  }

  /** Typed access to one row by column name; numbers of any width read as double. */
  static final class Cells {
    private final Row row;

    Cells(Row row) {
      this.row = row;
    }

    private int index(String column) {
      try {
        return row.fieldIndex(column);
      } catch (IllegalArgumentException absent) {
        return -1;
      }
    }

    String str(String column) {
      int i = index(column);
      return i < 0 || row.isNullAt(i) ? "" : String.valueOf(row.get(i));
    }

    /** The number in {@code column}; NaN when absent or null. */
    double num(String column) {
      int i = index(column);
      if (i < 0 || row.isNullAt(i)) {
        return Double.NaN;
      }
      Object v = row.get(i);
      if (v instanceof Number n) {
        return n.doubleValue();
      }
      if (v instanceof Boolean b) {
        return b ? 1 : 0;
      }
      throw new IllegalArgumentException("column " + column + " is not numeric: " + v);
    }

    int integer(String column) {
      double v = num(column);
      return Double.isNaN(v) ? -1 : (int) v;
    }

    long lng(String column) {
      double v = num(column);
      return Double.isNaN(v) ? -1 : (long) v;
    }

    boolean flag(String column) {
      int i = index(column);
      if (i < 0 || row.isNullAt(i)) {
        return false;
      }
      Object v = row.get(i);
      return v instanceof Boolean b ? b : num(column) != 0;
    }

    /** An array column as double[]; empty when absent or null. */
    double[] doubles(String column) {
      int i = index(column);
      if (i < 0 || row.isNullAt(i)) {
        return new double[0];
      }
      List<Object> xs = row.getList(i);
      double[] out = new double[xs.size()];
      for (int k = 0; k < out.length; k++) {
        Object x = xs.get(k);
        out[k] = x == null ? Double.NaN : ((Number) x).doubleValue();
      }
      return out;
    }
  }
}
