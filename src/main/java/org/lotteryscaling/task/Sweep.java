package org.lotteryscaling.task;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.lotteryscaling.UserError;

/**
 * The settings an experiment sweeps: zero or more axes, each a key and its values, or several
 * keys that take their values together (zipped: {@code "data.high, data.low" = [[1, -1], [2,
 * -2]]}). The grid is the product of the axes with targets x activations x widths x seeds. An
 * axis is named by its first key, and that key's values are where it lies (figures, fits).
 *
 * <pre>
 *   sweep { "data.points" = [100, 300, 1000], "training.lr" = [3e-3, 1e-2] }
 * </pre>
 * Axes are kept in the order of {@link SettingKey} of their first key, whatever order the file
 * lists them in, so the canonical text and the hash do not depend on how the file was written.
 */
public record Sweep(List<Axis> axes) implements java.io.Serializable {

  public static final Sweep NONE = new Sweep(List.of());

  /** One swept axis: its keys, and per point of the axis one value per key. */
  public record Axis(List<SettingKey> keys, List<List<Number>> points)
      implements java.io.Serializable {
    public Axis {
      keys = List.copyOf(keys);
      List<List<Number>> normalized = new ArrayList<>();
      for (List<Number> point : points) {
        if (point.size() != keys.size()) {
          throw new IllegalArgumentException(point + " has " + point.size() + " values for "
              + keys.size() + " keys");
        }
        List<Number> values = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
          values.add(keys.get(k).normalize(point.get(k)));
        }
        normalized.add(List.copyOf(values));
      }
      points = List.copyOf(normalized);
    }

    /** The key that names the axis (its first). */
    public SettingKey key() {
      return keys.get(0);
    }

    /** The values of the naming key, one per point, in the order listed. */
    public double[] positions() {
      return points.stream().mapToDouble(p -> p.get(0).doubleValue()).toArray();
    }

    /**
     * Whether a power law can be fitted along it: numbers (not named choices), two or more points,
     * every position > 0.
     */
    public boolean fittable() {
      if (key().type() == SettingKey.Type.CHOICE) {
        return false;
      }
      double[] x = positions();
      return x.length >= 2 && java.util.Arrays.stream(x).allMatch(v -> v > 0);
    }

    String canonical() {
      String name = keys.stream().map(SettingKey::key).collect(Collectors.joining(", "));
      String values = points.stream()
          .map(p -> keys.size() == 1 ? keys.get(0).format(p.get(0)) : format(keys, p))
          .collect(Collectors.joining(", ", "[", "]"));
      return '"' + name + "\" = " + values;
    }

    /**
     * Whether figures draw the axis as categories, one per point in the listed order, rather than
     * at its positions: its key names a choice (positions would be the choices' indices), or two
     * points share a position (a zipped axis along which another key varies).
     */
    public boolean categorical() {
      double[] x = positions();
      return key().type() == SettingKey.Type.CHOICE
          || java.util.Arrays.stream(x).distinct().count() != x.length;
    }

    /** How a figure names point {@code p}: its values, "1.0, mean-field, 0.0" for zipped keys. */
    public String label(int p) {
      List<Number> point = points.get(p);
      List<String> out = new ArrayList<>();
      for (int k = 0; k < keys.size(); k++) {
        out.add(keys.get(k).format(point.get(k)));
      }
      return String.join(", ", out);
    }

    private static String format(List<SettingKey> keys, List<Number> point) {
      List<String> out = new ArrayList<>();
      for (int k = 0; k < keys.size(); k++) {
        out.add(keys.get(k).format(point.get(k)));
      }
      return String.join(", ", out).transform(s -> "[" + s + "]");
    }
  }

  public Sweep {
    axes = List.copyOf(axes);
  }

  public boolean isEmpty() {
    return axes.isEmpty();
  }

  /** Every swept key: the axes' keys in order. */
  public List<SettingKey> keys() {
    List<SettingKey> out = new ArrayList<>();
    axes.forEach(a -> out.addAll(a.keys()));
    return out;
  }

  /** The axis {@code key} names, or null. */
  public Axis axis(SettingKey key) {
    return axes.stream().filter(a -> a.key() == key).findFirst().orElse(null);
  }

  /** Every setting of the grid: the product of the axes, the first axis outermost; [NONE] if empty. */
  public List<Setting> settings() {
    List<List<Number>> product = new ArrayList<>();
    product.add(List.of());
    for (Axis axis : axes) {
      List<List<Number>> next = new ArrayList<>();
      for (List<Number> prefix : product) {
        for (List<Number> point : axis.points()) {
          List<Number> values = new ArrayList<>(prefix);
          values.addAll(point);
          next.add(values);
        }
      }
      product = next;
    }
    List<SettingKey> keys = keys();
    return product.stream().map(values -> new Setting(keys, values)).toList();
  }

  /** {@code sweep = { ... }}, one axis after another; "" when there is none. */
  public String canonical() {
    if (isEmpty()) {
      return "";
    }
    return axes.stream().map(Axis::canonical).collect(Collectors.joining(", ", "sweep = { ", " }"));
  }

  /**
   * The sweep of a config's {@code sweep} object, checked: known keys only, each swept once, each
   * list non-empty with distinct points of the right type and arity. A problem is a one-line
   * UserError naming the key. Whether each setting is valid is checked by the caller, which knows
   * the other settings.
   */
  public static Sweep parse(ConfigValue sweep) {
    if (sweep == null || sweep.valueType() == ConfigValueType.NULL) {
      return NONE;
    }
    if (!(sweep instanceof ConfigObject object)) {
      throw new UserError("sweep must be an object of \"key\" = [values], got "
          + sweep.valueType().name().toLowerCase(java.util.Locale.ROOT));
    }
    List<Axis> axes = new ArrayList<>();
    Set<SettingKey> seen = new HashSet<>();
    // Paths, so that both "data.points" = [...] and data.points = [...] (nested objects) work.
    java.util.Map<String, ConfigValue> entries = new java.util.TreeMap<>();
    object.toConfig().entrySet().forEach(e ->
        entries.put(String.join(".", ConfigUtil.splitPath(e.getKey())), e.getValue()));
    for (String name : entries.keySet()) {
      List<SettingKey> keys = new ArrayList<>();
      for (String part : name.split(",")) {
        SettingKey key = SettingKey.of(part.trim());
        if (key == null) {
          throw new UserError("sweep: unknown key '" + part.trim() + "' (a sweep may set: "
              + SettingKey.list() + ")");
        }
        if (!seen.add(key)) {
          throw new UserError("sweep: " + key.key() + " is swept twice");
        }
        keys.add(key);
      }
      axes.add(axis(name, keys, entries.get(name)));
    }
    axes.sort(Comparator.comparingInt(a -> a.key().ordinal()));
    return new Sweep(axes);
  }

  private static Axis axis(String name, List<SettingKey> keys, ConfigValue value) {
    if (!(value instanceof ConfigList list) || list.isEmpty()) {
      throw new UserError("sweep: \"" + name + "\" must list at least one value, as [v1, v2, ...]");
    }
    List<List<Number>> points = new ArrayList<>();
    Set<List<Number>> distinct = new HashSet<>();
    for (ConfigValue element : list) {
      List<Object> raw = keys.size() == 1 ? List.of(element.unwrapped())
          : element instanceof ConfigList tuple && tuple.size() == keys.size()
              ? new ArrayList<>(tuple.unwrapped()) : null;
      if (raw == null) {
        throw new UserError("sweep: \"" + name + "\" zips " + keys.size() + " keys, so each value"
            + " must be a list of " + keys.size() + ", got " + element.render(com.typesafe.config.ConfigRenderOptions.concise()));
      }
      List<Number> point = new ArrayList<>();
      for (int k = 0; k < keys.size(); k++) {
        try {
          point.add(keys.get(k).parse(raw.get(k)));
        } catch (IllegalArgumentException e) {
          throw new UserError("sweep: " + keys.get(k).key() + ": " + e.getMessage(), e);
        }
      }
      if (!distinct.add(point)) {
        throw new UserError("sweep: \"" + name + "\" lists " + element.render(com.typesafe.config.ConfigRenderOptions.concise()) + " twice");
      }
      points.add(point);
    }
    return new Axis(keys, points);
  }
}
