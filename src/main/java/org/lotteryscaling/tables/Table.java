package org.lotteryscaling.tables;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One result table: its name (the folder {@code DIR/<name>}), the record whose components are its
 * columns in order, the columns that key a row, those it is partitioned by, and what a row is.
 * The jobs write and read rows through {@code rowType} by column name; the report reads
 * projections of it ({@link #columnsReadBy}); docs/tables.md is generated from it.
 */
public record Table<R extends Record>(String name, Class<R> rowType, String description,
    List<String> key, List<String> partitions) {

  public Table {
    List<TableColumn> columns = columnsOf(rowType);
    Map<String, TableColumn> byName = columns.stream()
        .collect(Collectors.toMap(TableColumn::name, Function.identity()));
    if (byName.size() != columns.size()) {
      throw new IllegalArgumentException(name + ": two components name one column");
    }
    for (TableColumn c : columns) {
      if (c.meaning().isBlank()) {
        throw new IllegalArgumentException(name + "." + c.name() + " has no @Column meaning");
      }
    }
    for (String k : concat(key, partitions)) {
      if (!byName.containsKey(k)) {
        throw new IllegalArgumentException(name + " has no column " + k);
      }
    }
    key = List.copyOf(key);
    partitions = List.copyOf(partitions);
  }

  public static <R extends Record> Table<R> of(String name, Class<R> rowType, String description,
      String... key) {
    return new Table<>(name, rowType, description, List.of(key), List.of());
  }

  /** This table partitioned by {@code columns}. */
  public Table<R> partitionedBy(String... columns) {
    return new Table<>(name, rowType, description, key, List.of(columns));
  }

  /** The columns, in the order they are stored. */
  public List<TableColumn> columns() {
    return columnsOf(rowType);
  }

  public List<String> columnNames() {
    return columns().stream().map(TableColumn::name).toList();
  }

  /** The column {@code name}, or null. */
  public TableColumn column(String name) {
    return columns().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * The columns a record reading this table needs, one per component, in component order: the
   * table's own row type, or a projection whose components name some columns ({@link
   * ColumnName} where the name differs) with a type that holds their values. A component that
   * names no column of this table, or one of another type, is a bug: IllegalStateException.
   */
  public List<TableColumn> columnsReadBy(Class<? extends Record> reader) {
    List<TableColumn> out = new ArrayList<>();
    for (RecordComponent component : reader.getRecordComponents()) {
      String wanted = TableColumn.nameOf(component);
      TableColumn column = column(wanted);
      if (column == null) {
        throw new IllegalStateException(reader.getName() + "." + component.getName()
            + " reads column " + wanted + ", which table " + name + " does not have");
      }
      if (!column.readableAs(component.getType())) {
        throw new IllegalStateException(reader.getName() + "." + component.getName() + " is "
            + component.getType().getSimpleName() + " but " + name + "." + wanted + " is "
            + column.type());
      }
      out.add(column);
    }
    return out;
  }

  private static List<TableColumn> columnsOf(Class<? extends Record> type) {
    List<TableColumn> out = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      out.add(TableColumn.of(component));
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
