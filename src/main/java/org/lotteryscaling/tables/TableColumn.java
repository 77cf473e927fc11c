package org.lotteryscaling.tables;

import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Map;

/**
 * One column of a result table, derived from a component of the table's row record: its name
 * (the component's, in snake_case, or {@link ColumnName}), its type and its meaning. Types: String
 * is string, int/long/double/boolean are themselves, double[]/long[]/int[] are arrays of those;
 * a boxed type (Integer, Long, Double, Boolean) marks a column that may hold null.
 */
public record TableColumn(String name, Class<?> javaType, String meaning) {

  private static final Map<Class<?>, String> TYPES = Map.ofEntries(
      Map.entry(String.class, "string"),
      Map.entry(int.class, "int"), Map.entry(Integer.class, "int"),
      Map.entry(long.class, "long"), Map.entry(Long.class, "long"),
      Map.entry(double.class, "double"), Map.entry(Double.class, "double"),
      Map.entry(boolean.class, "boolean"), Map.entry(Boolean.class, "boolean"),
      Map.entry(double[].class, "array<double>"),
      Map.entry(long[].class, "array<long>"),
      Map.entry(int[].class, "array<int>"));

  public TableColumn {
    if (!TYPES.containsKey(javaType)) {
      throw new IllegalArgumentException("column " + name + ": no column type for " + javaType);
    }
  }

  /** The column a record component reads or writes (meaning empty where it has none). */
  public static TableColumn of(RecordComponent component) {
    Column meaning = component.getAnnotation(Column.class);
    return new TableColumn(nameOf(component), component.getType(),
        meaning == null ? "" : meaning.value());
  }

  /** string, int, long, double, boolean, or array&lt;double|long|int&gt;. */
  public String type() {
    return TYPES.get(javaType);
  }

  /** Whether the column may hold null (its component is a boxed type). */
  public boolean nullable() {
    return !javaType.isPrimitive() && !javaType.isArray() && javaType != String.class;
  }

  public boolean isArray() {
    return javaType.isArray();
  }

  /**
   * Whether a component of type {@code reader} can hold this column's values: the same type
   * (boxed or not), or a wider number (int into long or double, long into double).
   */
  public boolean readableAs(Class<?> reader) {
    String mine = type();
    String theirs = TYPES.get(reader);
    if (theirs == null) {
      return false;
    }
    return mine.equals(theirs)
        || mine.equals("int") && (theirs.equals("long") || theirs.equals("double"))
        || mine.equals("long") && theirs.equals("double");
  }

  public static String nameOf(RecordComponent component) {
    ColumnName explicit = component.getAnnotation(ColumnName.class);
    return explicit != null ? explicit.value() : snakeCase(component.getName());
  }

  /** {@code trainLoss} -> {@code train_loss}, {@code log10Lo} -> {@code log10_lo}. */
  static String snakeCase(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (char ch : camel.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        out.append('_').append(Character.toLowerCase(ch));
      } else {
        out.append(ch);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
