package org.lotteryscaling.tables;

import java.io.Serializable;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lotteryscaling.task.SettingKey;
import org.lotteryscaling.task.Sweep;

/**
 * One result table: its name (the folder {@code DIR/<name>}), the record whose components are its
 * columns in order, the columns that key a row, those it is partitioned by, and what a row is.
 * The jobs write and read rows through {@code rowType} by column name; the report reads
 * projections of it ({@link #columnsReadBy}); docs/tables.md is generated from it.
 *
 * <p>The definition includes the table's form in a swept experiment ({@link #columns(Sweep)},
 * {@link #key(Sweep)}): its own columns, then those of {@code sweptRowType} (null: none; only
 * scaling_fit has some, its fit's axis), then one per swept key holding the row's setting. No
 * other place assembles a swept table's columns. Serializable: executors encode rows with it.
 */
public record Table<R extends Record>(String name, Class<R> rowType, String description,
    List<String> key, List<String> partitions, Class<? extends Record> sweptRowType,
    List<String> sweptKey) implements Serializable {

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
    List<String> swept = sweptRowType == null ? List.of()
        : columnsOf(sweptRowType).stream().map(TableColumn::name).toList();
    for (String k : sweptKey) {
      if (!swept.contains(k)) {
        throw new IllegalArgumentException(name + " has no swept column " + k);
      }
    }
    for (String c : swept) {
      if (byName.containsKey(c)) {
        throw new IllegalArgumentException(name + ": swept column " + c + " is one of its own");
      }
    }
    key = List.copyOf(key);
    partitions = List.copyOf(partitions);
    sweptKey = List.copyOf(sweptKey);
  }

  public static <R extends Record> Table<R> of(String name, Class<R> rowType, String description,
      String... key) {
    return new Table<>(name, rowType, description, List.of(key), List.of(), null, List.of());
  }

  /** This table partitioned by {@code columns}. */
  public Table<R> partitionedBy(String... columns) {
    return new Table<>(name, rowType, description, key, List.of(columns), sweptRowType, sweptKey);
  }

  /**
   * This table with the columns of {@code type} after its own in a swept experiment, {@code
   * sweptKey} of them keying a row there along with the table's key and the setting.
   */
  public Table<R> whenSwept(Class<? extends Record> type, String... sweptKey) {
    return new Table<>(name, rowType, description, key, partitions, type, List.of(sweptKey));
  }

  /**
   * The columns in an experiment of {@code sweep}, in the order they are stored: the table's own;
   * with a sweep, those of {@link #sweptRowType} and then one per swept key (nullable: a fit along
   * an axis leaves its own key's null). Without a sweep, exactly {@link #columns()}.
   */
  public List<TableColumn> columns(Sweep sweep) {
    List<TableColumn> out = new ArrayList<>(columns());
    if (sweep.isEmpty()) {
      return out;
    }
    out.addAll(sweptColumns());
    for (SettingKey k : sweep.keys()) {
      out.add(settingColumn(k));
    }
    return out;
  }

  /** The columns of {@link #sweptRowType}: what a swept experiment adds before the setting's. */
  public List<TableColumn> sweptColumns() {
    return sweptRowType == null ? List.of() : columnsOf(sweptRowType);
  }

  /**
   * The columns that key a row in an experiment of {@code sweep}: the table's key, the swept
   * keys' columns, then {@link #sweptKey}. Rows are sorted by it.
   */
  public List<String> key(Sweep sweep) {
    if (sweep.isEmpty()) {
      return key;
    }
    List<String> out = new ArrayList<>(key);
    sweep.keys().forEach(k -> out.add(k.column()));
    out.addAll(sweptKey);
    return out;
  }

  /** The column of a swept key: its value at the row's setting, as the key's type. */
  public static TableColumn settingColumn(SettingKey key) {
    Class<?> type = switch (key.type()) {
      case INT -> Integer.class;
      case LONG -> Long.class;
      case DOUBLE -> Double.class;
      case CHOICE -> String.class;
    };
    return new TableColumn(key.column(), type, "the value of " + key.key() + " the row's networks"
        + " were trained with");
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
