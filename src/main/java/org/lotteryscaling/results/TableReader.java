package org.lotteryscaling.results;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.lotteryscaling.tables.NullWhenAbsent;
import org.lotteryscaling.tables.Table;
import org.lotteryscaling.tables.TableColumn;
import org.lotteryscaling.task.AtSetting;
import org.lotteryscaling.task.Sweep;

/**
 * Reads result tables of one folder into plain records for the report. A table that is absent,
 * cannot be read, or lacks a column the record reads (or holds it with another type than its
 * definition) becomes an empty list and a line in {@link #unavailable()} saying why, so the
 * report can skip what depends on it and say so. An exception of the code that turns rows into
 * records is a bug and propagates.
 */
public final class TableReader {
  private final SparkSession spark;
  private final StorageFolder dir;
  /** Synchronized: the report reads several tables at once. */
  private final Map<String, String> unavailable = Collections.synchronizedMap(new TreeMap<>());

  public TableReader(SparkSession spark, StorageFolder resultsDir) {
    this.spark = spark;
    this.dir = resultsDir;
  }

  public Map<String, String> unavailable() {
    return unavailable;
  }

  public boolean exists(String table) {
    return dir.resolve(table).isDirectory();
  }

  /** The rows of {@code table} as records of {@code type}: its row record or a projection. */
  public <T extends Record> List<T> read(Table<?> table, Class<T> type) {
    return read(table, type, frame -> frame);
  }

  /** As above, keeping only the rows {@code narrow} selects (run in Spark, before collecting). */
  public <T extends Record> List<T> read(Table<?> table, Class<T> type,
      UnaryOperator<Dataset<Row>> narrow) {
    return read(table, type, List.of(), narrow, (record, row) -> record);
  }

  /**
   * The rows of {@code table} as records of {@code type}, each combined with the row it came from,
   * whose columns {@code extra} (ones the table's definition lacks, such as a swept experiment's
   * setting columns) are read too: a table without them is unavailable, as for a missing column.
   */
  public <T extends Record, S> List<S> read(Table<?> table, Class<T> type, List<String> extra,
      UnaryOperator<Dataset<Row>> narrow, BiFunction<T, Row, S> combine) {
    List<TableColumn> columns = table.columnsReadBy(type); // a mismatch here is a bug: it throws
    List<Row> rows = collect(table, columns, nullWhenAbsent(type), extra, narrow);
    List<S> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      out.add(combine.apply(RowCodec.decode(row, type), row));
    }
    return out;
  }

  /**
   * The rows of {@code table} in an experiment of {@code sweep} as records of {@code type}, each
   * with its setting: the table's swept columns ({@link Table#columns(Sweep)}) are read too, and a
   * table without them is unavailable.
   */
  public <T extends Record> List<AtSetting<T>> read(Table<?> table, Class<T> type, Sweep sweep,
      UnaryOperator<Dataset<Row>> narrow) {
    return read(table, type, sweptColumns(table, sweep), narrow,
        (record, row) -> new AtSetting<>(SweepColumns.settingOf(row, sweep), record));
  }

  /** The columns {@code table} has in an experiment of {@code sweep} beyond its own. */
  public static List<String> sweptColumns(Table<?> table, Sweep sweep) {
    List<TableColumn> all = table.columns(sweep);
    return all.subList(table.columns().size(), all.size()).stream().map(TableColumn::name)
        .toList();
  }

  /** The selected columns of the table's rows, or an empty list with the reason recorded. */
  private List<Row> collect(Table<?> table, List<TableColumn> columns,
      Set<String> nullWhenAbsent, List<String> extra, UnaryOperator<Dataset<Row>> narrow) {
    String name = table.name();
    if (!exists(name)) {
      unavailable.put(name, dir.resolve(name) + " does not exist");
      return List.of();
    }
    try {
      Dataset<Row> frame = Tables.read(spark, dir, name);
      for (TableColumn c : columns) {
        if (nullWhenAbsent.contains(c.name()) && frame.schema().getFieldIndex(c.name()).isEmpty()) {
          frame = frame.withColumn(c.name(), functions.lit(null).cast(RowCodec.dataType(c)));
        }
      }
      String wrong = schemaProblem(frame.schema(), columns, extra);
      if (wrong != null) {
        unavailable.put(name, "table " + name + " " + wrong);
        return List.of();
      }
      List<String> names = new ArrayList<>(columns.stream().map(TableColumn::name).toList());
      names.addAll(extra);
      Column[] wanted = names.stream().distinct().map(functions::col).toArray(Column[]::new);
      return narrow.apply(frame).select(wanted).collectAsList();
    } catch (Exception e) { // Spark's SparkException (checked, thrown from Scala) for corrupt files
      unavailable.put(name, "table " + name + " cannot be read: " + SparkErrors.firstLine(e));
      return List.of();
    }
  }

  /** The columns {@code type}'s components marked {@link NullWhenAbsent} read. */
  private static Set<String> nullWhenAbsent(Class<? extends Record> type) {
    Set<String> names = new HashSet<>();
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.isAnnotationPresent(NullWhenAbsent.class)) {
        names.add(TableColumn.nameOf(component));
      }
    }
    return names;
  }

  /** Which of {@code columns} the stored schema lacks or holds with another type; null if none. */
  private static String schemaProblem(StructType stored, List<TableColumn> columns,
      List<String> extra) {
    List<String> missing = new ArrayList<>();
    for (String name : extra) {
      if (stored.getFieldIndex(name).isEmpty() && !missing.contains(name)) {
        missing.add(name);
      }
    }
    List<String> retyped = new ArrayList<>();
    for (TableColumn c : columns) {
      StructField field =
          stored.getFieldIndex(c.name()).isDefined() ? stored.apply(c.name()) : null;
      if (field == null) {
        if (!missing.contains(c.name())) {
          missing.add(c.name());
        }
      } else if (!RowCodec.sameType(field.dataType(), c)) {
        retyped.add(c.name() + " is " + field.dataType().simpleString() + ", not " + c.type());
      }
    }
    if (!missing.isEmpty()) {
      return "lacks column(s) " + String.join(", ", missing);
    }
    return retyped.isEmpty() ? null
        : "has column(s) of another type: " + String.join("; ", retyped);
  }
}
