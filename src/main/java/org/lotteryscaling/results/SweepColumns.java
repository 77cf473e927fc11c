package org.lotteryscaling.results;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.lotteryscaling.task.Setting;
import org.lotteryscaling.task.SettingKey;
import org.lotteryscaling.task.Sweep;

/**
 * Spark's side of the columns a swept experiment's tables carry ({@link
 * org.lotteryscaling.tables.Table#columns(Sweep)}, docs/tables.md, "Swept experiments"): one per
 * swept key, named {@link SettingKey#column()}, holding the row's setting. Selecting, grouping
 * and filtering by them, and reading a row's setting back.
 */
public final class SweepColumns {
  private SweepColumns() {}

  /** The names of the sweep's columns, in order. */
  public static String[] names(Sweep sweep) {
    return sweep.keys().stream().map(SettingKey::column).toArray(String[]::new);
  }

  /** The value as its column stores it (an int column holds an Integer, a choice its name). */
  static Object stored(SettingKey key, Number value) {
    return value == null ? null : key.stored(value);
  }

  /** The setting a row holds, read by column name; the sweep's keys whose column is null are left out. */
  public static Setting settingOf(Row row, Sweep sweep) {
    List<SettingKey> keys = new ArrayList<>();
    List<Number> values = new ArrayList<>();
    for (SettingKey key : sweep.keys()) {
      int i = row.fieldIndex(key.column());
      if (!row.isNullAt(i)) {
        keys.add(key);
        values.add(key.normalize(row.get(i)));
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
