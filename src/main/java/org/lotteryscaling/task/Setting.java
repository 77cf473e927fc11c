package org.lotteryscaling.task;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The values one task takes on its experiment's swept keys ({@link Sweep}), in the sweep's key
 * order; {@link #NONE} in an experiment without a sweep. A task's settings are the experiment's
 * with these values applied ({@link #applyTo}); its text form {@code data.points=100
 * training.lr=0.01} is what seeds mix in and what a task's encoding carries.
 */
public record Setting(List<SettingKey> keys, List<Number> values) implements java.io.Serializable {

  public static final Setting NONE = new Setting(List.of(), List.of());

  public Setting {
    if (keys.size() != values.size()) {
      throw new IllegalArgumentException(keys.size() + " keys but " + values.size() + " values");
    }
    if (keys.stream().distinct().count() != keys.size()) {
      throw new IllegalArgumentException("a key twice in " + keys);
    }
    keys = List.copyOf(keys);
    List<Number> normalized = new ArrayList<>(values.size());
    for (int k = 0; k < keys.size(); k++) {
      normalized.add(keys.get(k).normalize(values.get(k)));
    }
    values = List.copyOf(normalized);
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }

  /** The value of {@code key}, or null when it is not swept. */
  public Number value(SettingKey key) {
    int k = keys.indexOf(key);
    return k < 0 ? null : values.get(k);
  }

  /** {@code base} with these values set (an invalid combination: IllegalArgumentException). */
  public TaskSettings applyTo(TaskSettings base) {
    if (isEmpty()) {
      return base;
    }
    Map<SettingKey, Number> all = new EnumMap<>(SettingKey.class);
    for (SettingKey key : SettingKey.values()) {
      all.put(key, key.valueIn(base));
    }
    for (int k = 0; k < keys.size(); k++) {
      all.put(keys.get(k), values.get(k));
    }
    return SettingKey.settings(base, all);
  }

  /** {@code key=value} per key, space-separated (values in canonical form); "" for NONE. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (int k = 0; k < keys.size(); k++) {
      s.append(k == 0 ? "" : " ").append(keys.get(k).key()).append('=')
          .append(keys.get(k).format(values.get(k)));
    }
    return s.toString();
  }

  /**
   * The setting written {@code key=value key=value} ({@link #toString}'s form; commas also
   * separate). An unknown key or a bad value: IllegalArgumentException naming it.
   */
  public static Setting parse(String text) {
    List<SettingKey> keys = new ArrayList<>();
    List<Number> values = new ArrayList<>();
    for (String part : text.trim().split("[\\s,]+")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      SettingKey key = eq <= 0 ? null : SettingKey.of(part.substring(0, eq));
      if (key == null) {
        throw new IllegalArgumentException("'" + part + "' is not key=value of a setting ("
            + SettingKey.list() + ")");
      }
      String value = part.substring(eq + 1);
      try {
        values.add(switch (key.type()) {
          case DOUBLE -> Double.parseDouble(value);
          case CHOICE -> key.normalize(value);
          case INT, LONG -> Long.parseLong(value);
        });
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key.key() + ": '" + value + "' is not a "
            + (key.type() == SettingKey.Type.DOUBLE ? "number" : "whole number"));
      }
      if (keys.contains(key)) {
        throw new IllegalArgumentException(key.key() + " is given twice");
      }
      keys.add(key);
    }
    return new Setting(keys, values);
  }
}
