package org.lotteryscaling.results;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lotteryscaling.task.Setting;
import org.lotteryscaling.task.SettingKey;
import org.lotteryscaling.task.Sweep;

/**
 * The columns a swept experiment's tables carry after their own (docs/tables.md, "Swept
 * settings"): one per swept key, named {@link SettingKey#column()} ({@code data_points},
 * {@code training_lr}), of the key's type (int, bigint or double), holding the row's setting. A
 * table of an experiment without a sweep has none, so it is exactly as before sweeps existed.
 */
public final class SweepColumns {
  private SweepColumns() {}

  public static DataType dataType(SettingKey key) {
    return switch (key.type()) {
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
    };
  }

  /** {@code schema} with the sweep's columns appended (nullable: an axis fit leaves its own out). */
  public static StructType schema(StructType schema, Sweep sweep) {
    StructType out = schema;
    for (SettingKey key : sweep.keys()) {
      out = out.add(key.column(), dataType(key), true);
    }
    return out;
  }

  /** The names of the sweep's columns, in order. */
  public static String[] names(Sweep sweep) {
    return sweep.keys().stream().map(SettingKey::column).toArray(String[]::new);
  }

  /** {@code row} with the setting's values appended (a key the setting lacks: null). */
  public static Row append(Row row, Sweep sweep, Setting setting) {
    List<SettingKey> keys = sweep.keys();
    if (keys.isEmpty()) {
      return row;
    }
    Object[] values = new Object[row.length() + keys.size()];
    for (int i = 0; i < row.length(); i++) {
      values[i] = row.get(i);
    }
    for (int k = 0; k < keys.size(); k++) {
      values[row.length() + k] = stored(keys.get(k), setting.value(keys.get(k)));
    }
    return RowFactory.create(values);
  }

  /** The value as its column stores it (an int column holds an Integer). */
  static Object stored(SettingKey key, Number value) {
    if (value == null) {
      return null;
    }
    return switch (key.type()) {
      case INT -> (int) value.longValue();
      case LONG -> value.longValue();
      case DOUBLE -> value.doubleValue();
    };
  }

  /** The setting a row holds, read by column name; the sweep's keys whose column is null are left out. */
  public static Setting settingOf(Row row, Sweep sweep) {
    List<SettingKey> keys = new ArrayList<>();
    List<Number> values = new ArrayList<>();
    for (SettingKey key : sweep.keys()) {
      int i = row.fieldIndex(key.column());
      if (!row.isNullAt(i)) {
        keys.add(key);
        values.add((Number) row.get(i));
      }
    }
    return new Setting(keys, values);
  }

  /** The sweep's columns, for a select or a groupBy. */
  public static Column[] columns(Sweep sweep) {
    return sweep.keys().stream().map(k -> col(k.column())).toArray(Column[]::new);
  }

  /** A filter keeping the rows of {@code setting} (every key of it equal); true for NONE. */
  public static Column matches(Setting setting) {
    Column out = lit(true);
    for (int k = 0; k < setting.keys().size(); k++) {
      SettingKey key = setting.keys().get(k);
      out = out.and(col(key.column()).equalTo(lit(stored(key, setting.values().get(k)))));
    }
    return out;
  }
}
